"""E-mails about competency assessment, written in the recipient's language when the user model knows it."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from assessments.models import Candidacy


def notification_enqueue(*, user_id: int, kind: str, candidacy_id: int) -> None:
    """Send after the transaction commits, through the task queue."""
    from assessments.tasks import notification_email_send

    transaction.on_commit(lambda: notification_email_send.delay(user_id=user_id, kind=kind, candidacy_id=candidacy_id))


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
            body = _("%(name)s has been assigned to you for the competency assessment %(event)s.") % {
                "name": name,
                "event": candidacy.event.title,
            }
        elif kind == "signed":
            subject = _("Your competency assessment results: %(event)s") % {"event": candidacy.event.title}
            body = _("The results of %(event)s have been signed off. Log in to see them per unit, with feedback.") % {
                "event": candidacy.event.title
            }
        else:
            return 0
    return send_mail(subject, body, None, [user.email])
