"""The self-assessment (FR.APL.02) closes once the assessor starts assessing (issue #13): the candidate is told
before, on their page and by a notice with an e-mail, when their assessor is assigned (the notice on the site's
dashboard: tests/lms/test_pages.py)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation

from assessments.competency.services import candidacy as services
from assessments.models import Notice
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return event_create()


def test_the_candidate_is_told_by_notice_and_e_mail_when_the_assessor_is_assigned(
    event, tasks_run_in_process, django_capture_on_commit_callbacks, mailoutbox
):
    # Given a candidate who has not started the self-assessment
    candidacy = candidacy_create(event=event)
    assessor = assessor_create(event=event)
    # When the assessor is assigned (the e-mail in Indonesian, whichever host runs the plugin)
    with translation.override("id"), django_capture_on_commit_callbacks(execute=True):
        services.assessor_assign(candidacy=candidacy, assessor=assessor, actor=UserFactory())
    # Then the candidate has a notice and an e-mail saying the self-assessment closes when assessing starts
    assert Notice.objects.filter(user=candidacy.candidate, kind="self_assessment_due").count() == 1
    mail = next(m for m in mailoutbox if m.to == [candidacy.candidate.email])
    assert event.title in mail.subject
    assert "asesmen mandiri" in mail.body.lower() and "ditutup" in mail.body


def test_no_notice_once_the_assessment_has_started(event, django_capture_on_commit_callbacks):
    # Given a candidacy already being assessed, moved to another assessor
    first = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=first)
    candidacy.status = candidacy.Status.ASSESSING
    candidacy.save(update_fields=["status"])
    services.assessor_assign(candidacy=candidacy, assessor=assessor_create(event=event), actor=UserFactory())
    # Then the candidate is not asked to fill in what is closed
    assert not Notice.objects.filter(user=candidacy.candidate).exists()


def test_the_candidates_page_says_when_the_self_assessment_closes(client, event):
    candidacy = candidacy_create(event=event)
    client.force_login(candidacy.candidate)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    html = client.get(reverse("assessments:candidacy_detail", args=[candidacy.pk])).content.decode()
    assert "Asesmen mandiri ditutup" in html
    with translation.override("id"):
        assert formats.date_format(event.starts_on) in html
