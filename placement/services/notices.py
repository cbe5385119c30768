"""Notices of the pipeline: every move of an application is announced to the people it concerns — the job seeker
when the employer or the centre moves it, the employer's people when the job seeker applies or withdraws — on the
site at once, and by e-mail through the task outbox once the transaction commits (in the recipient's language)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courses.outbox import outbox_enqueue
from placement.models import Application, EmployerMember, PlacementNotice
from placement.tasks.notices import placement_notice_email_send as placement_notice_email_send_task


def _recipients(application: Application, kind: str, actor) -> list[int]:
    members = list(
        EmployerMember.objects.filter(employer_id=application.vacancy.employer_id).values_list("user_id", flat=True)
    )
    if kind in (PlacementNotice.Kind.APPLIED, PlacementNotice.Kind.WITHDRAWN):
        wanted = members
    elif kind == PlacementNotice.Kind.NOMINATED:
        wanted = [application.seeker_id, *members]
    else:
        wanted = [application.seeker_id]
    actor_id = getattr(actor, "pk", None)
    return [user_id for user_id in dict.fromkeys(wanted) if user_id != actor_id]


def notices_announce(*, application: Application, kind: str, actor) -> list[PlacementNotice]:
    """An on-site notice to each person the move concerns (never the one who made it), and one e-mail each through
    the outbox (stored in this transaction, handed to the broker on commit)."""
    notices = [
        PlacementNotice.objects.create(user_id=user_id, application=application, kind=kind)
        for user_id in _recipients(application, kind, actor)
    ]
    for notice in notices:
        outbox_enqueue(task=placement_notice_email_send_task, kwargs={"notice_id": notice.pk})
    return notices


def notice_email_send(*, notice_id: int) -> int:
    """E-mail one notice to its recipient, in their language. Returns how many mails went out (0 or 1)."""
    notice = (
        PlacementNotice.objects.select_related("user", "application__vacancy__employer", "application__seeker")
        .filter(pk=notice_id)
        .first()
    )
    if notice is None or not notice.user.email:
        return 0
    user = get_user_model()._default_manager.get(pk=notice.user_id)
    language = getattr(user, "preferred_language", "") or translation.get_language()
    with translation.override(language):
        subject = _("Your application: %(vacancy)s") % {"vacancy": notice.application.vacancy.title}
        if notice.user_id != notice.application.seeker_id:
            subject = _("Applications: %(vacancy)s") % {"vacancy": notice.application.vacancy.title}
        path = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + reverse(
            "placement:application_detail", args=[notice.application_id]
        )
        body = "\n\n".join([notice.text(), _("See the application on the site: %(path)s") % {"path": path}])
    return send_mail(subject, body, None, [notice.user.email])


def notices_read(*, user, application_id: int | None = None) -> int:
    """Mark the user's unread notices read (those of one application, or all). Returns how many."""
    notices = PlacementNotice.objects.filter(user=user, read_at__isnull=True)
    if application_id is not None:
        notices = notices.filter(application_id=application_id)
    return notices.update(read_at=timezone.now())
