"""Reads for the certificate holder: their own certificates only."""

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from certificates.models import Certificate
from courses.selectors import NextStep
from courses.selectors.outcomes import is_completed


def certificates_for_holder(*, user) -> QuerySet[Certificate]:
    """The holder's certificates, newest first, superseded ones left out (one query, issuer joined)."""
    return (
        Certificate.objects.filter(holder=user)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .select_related("issuer", "revocation")
        .order_by("-issued_at", "-pk")
    )


def certificate_for_holder(*, certificate_id: int, user) -> Certificate | None:
    """The certificate when it belongs to this user (anyone else gets None, so a 404)."""
    if not user.is_authenticated:
        return None
    return Certificate.objects.select_related("issuer").filter(pk=certificate_id, holder=user).first()


def next_steps_after_course(*, enrolments) -> dict[int, list[NextStep]]:
    """``KOMPETEN_NEXT_STEPS``: a completed course leads to its training certificate (no query)."""
    step = NextStep(
        title=_("Your training certificate"),
        url=reverse("certificates:mine"),
        description=_("It is issued once the course is completed and appears under My certificates."),
    )
    return {e.pk: [step] for e in enrolments if is_completed(e.status)}
