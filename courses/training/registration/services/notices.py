"""The selection's notices: each applicant is told the result on the site at once, and by e-mail through the task
outbox once the transaction commits (in their language)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courses.outbox import outbox_enqueue
from courses.training.registration.models import Application, RegistrationNotice
from courses.training.registration.tasks import registration_notice_email_send
from kompeten_core.conf import public_base_url


def notice_announce(*, application: Application, kind: str) -> RegistrationNotice:
    """An on-site notice to the applicant, and its e-mail stored in the outbox (handed to the broker on commit)."""
    notice = RegistrationNotice.objects.create(user_id=application.user_id, application=application, kind=kind)
    outbox_enqueue(task=registration_notice_email_send, kwargs={"notice_id": notice.pk})
    return notice


def notice_email_send(*, notice_id: int) -> int:
    """E-mail one notice to its applicant, in their language. Returns how many mails went out (0 or 1)."""
    notice = (
        RegistrationNotice.objects.select_related("user", "application__batch__course").filter(pk=notice_id).first()
    )
    if notice is None or not notice.user.email:
        return 0
    user = get_user_model()._default_manager.get(pk=notice.user_id)
    language = getattr(user, "preferred_language", "") or translation.get_language()
    with translation.override(language):
        subject = _("Your application: %(batch)s") % {"batch": notice.application.batch.name}
        url = public_base_url() + reverse("courses:registration_mine")
        body = "\n\n".join([notice.text(), _("See your applications on the site: %(url)s") % {"url": url}])
    return send_mail(subject, body, None, [notice.user.email])


def notices_read(*, user) -> int:
    """Mark the person's unread selection notices read (they have seen them on *My applications*). Returns how
    many."""
    return RegistrationNotice.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
