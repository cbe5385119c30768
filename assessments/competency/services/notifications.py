"""E-mails about competency assessment, written in the recipient's language when the user model knows it."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from assessments.competency.models import Candidacy, Notice
from assessments.competency.selectors.candidacy import assessing_opens_on
from assessments.tasks import notification_email_send as notification_email_send_task
from courses.outbox import outbox_enqueue


def notification_enqueue(*, user_id: int, kind: str, candidacy_id: int) -> None:
    """An on-site notice now, and an e-mail through the task outbox (stored now, sent once the transaction commits)."""
    Notice.objects.create(user_id=user_id, kind=kind, candidacy_id=candidacy_id)
    outbox_enqueue(
        task=notification_email_send_task,
        kwargs={"user_id": user_id, "kind": kind, "candidacy_id": candidacy_id},
    )


def notification_email_send(*, user_id: int, kind: str, candidacy_id: int) -> int:
    user = get_user_model()._default_manager.filter(pk=user_id).first()
    candidacy = Candidacy.objects.select_related("event", "candidate").filter(pk=candidacy_id).first()
    if user is None or candidacy is None or not user.email:
        return 0
    language = getattr(user, "preferred_language", "") or translation.get_language()
    with translation.override(language):
        name = candidacy.candidate.get_full_name() or candidacy.candidate.get_username()
        if kind == "assigned":
            subject = _("You assess %(name)s in %(event)s") % {"name": name, "event": candidacy.event.title}
            body = _("%(name)s is assigned to you as a candidate in %(event)s.") % {
                "name": name,
                "event": candidacy.event.title,
            }
        elif kind == "signed":
            subject = _("Your competency assessment results: %(event)s") % {"event": candidacy.event.title}
            body = _("The results of %(event)s have been signed off. Log in to see them per unit, with feedback.") % {
                "event": candidacy.event.title
            }
        elif kind == "decided":
            subject = _("The certification decision: %(event)s") % {"event": candidacy.event.title}
            body = _(
                "The certification committee has decided on your assessment in %(event)s. Log in to see the decision."
            ) % {"event": candidacy.event.title}
        elif kind == "self_assessment_due":
            subject = _("Fill in your self-assessment: %(event)s") % {"event": candidacy.event.title}
            body = _(
                "Your assessor for %(event)s is assigned. Fill in your self-assessment (FR.APL.02) on the site: it "
                "is closed once your assessor starts the assessment, at the earliest on %(date)s."
            ) % {"event": candidacy.event.title, "date": formats.date_format(assessing_opens_on(event=candidacy.event))}
        else:
            return 0
    return send_mail(subject, body, None, [user.email])


def notices_read(*, user, candidacy_id: int | None = None) -> int:
    """Mark the user's notices read (those of one candidacy, or all). Returns how many."""
    notices = Notice.objects.filter(user=user, read_at__isnull=True)
    if candidacy_id is not None:
        notices = notices.filter(candidacy_id=candidacy_id)
    return notices.update(read_at=timezone.now())
