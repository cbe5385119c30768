"""FR.AK.03: the candidate's feedback on the assessment, given once the decision is signed off."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from assessments.competency.models import Candidacy
from assessments.competency.services.candidacy import AssessmentRefused
from kompeten_core.conf import settings as kompeten


@transaction.atomic
def candidate_feedback_save(*, candidacy: Candidacy, user, feedback: str) -> Candidacy:
    if candidacy.candidate_id != user.pk:
        raise AssessmentRefused(_("Only the candidate gives feedback on their assessment."), code="not_candidate")
    if candidacy.status not in (Candidacy.Status.SIGNED, Candidacy.Status.APPEALED):
        raise AssessmentRefused(_("Feedback opens once the decision is signed off."), code="too_early")
    feedback = feedback.strip()
    if not feedback:
        raise AssessmentRefused(_("Write your feedback first."), code="empty")
    if len(feedback) > kompeten.CANDIDATE_FEEDBACK_MAX_CHARS:
        raise AssessmentRefused(_("The feedback is too long."), code="too_long")
    candidacy.candidate_feedback = feedback
    other_fields = [f.name for f in Candidacy._meta.concrete_fields if f.name != "candidate_feedback"]
    candidacy.full_clean(exclude=other_fields, validate_unique=False, validate_constraints=False)
    candidacy.save(update_fields=["candidate_feedback"])
    return candidacy
