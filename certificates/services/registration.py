"""BNSP registration of competency certificates (issue #18, item 7): the certification admin requests the
registration of a candidate the committee decided to certify, then enters the BNSP registration number and the
blanko number BNSP gives; only then is the certificate issued (``certificate_issue_for_candidacy`` refuses before).

Both steps carry legal weight: each is confirmed on its own admin page and kept in the audit trail. A malformed
number, a number already given to another candidate, a step out of order: refused with the reason, nothing changed.
The numbers are unique by the database's constraints, so two staff entering the same number at once store it once.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.achievements import competent_candidacy
from certificates.models import BnspRegistration, Certificate
from certificates.models.registration import BLANKO_NUMBER, REGISTRATION_NUMBER
from certificates.services.issuing import CertificateRefused, scheme_rule
from certificates.tasks.issuing import certificate_issue_for_candidacy as certificate_issue_for_candidacy_task
from courses.outbox import outbox_enqueue
from kompeten_core.audit import audit_log


class RegistrationRefused(CertificateRefused):
    """A BNSP registration step cannot be taken; the message says why (translated)."""


def registration_number_clean(value: str) -> str:
    """The registration number as stored: spaces, dots and hyphens between the groups read as one space."""
    cleaned = (value or "").replace("\x00", "").replace(".", " ").replace("-", " ")
    return " ".join(cleaned.split())[:40]


def blanko_number_clean(value: str) -> str:
    """The blanko number as stored: upper case, without spaces, dots or hyphens."""
    cleaned = (value or "").replace("\x00", "").replace(".", "").replace("-", "")
    return "".join(cleaned.split()).upper()[:20]


@transaction.atomic
def registration_request(*, candidacy_id: int, by) -> BnspRegistration:
    """Ask BNSP to register a candidate the committee decided to certify (whose scheme issues a competency
    certificate). Refused: no decision to certify, no certificate for the scheme, already requested."""
    candidacy = competent_candidacy(candidacy_id=candidacy_id)
    if candidacy is None:
        raise RegistrationRefused(
            _("The certification committee has not decided to certify this candidate."), code="not_decided"
        )
    if scheme_rule(scheme_id=candidacy.event.scheme_id) is None:
        raise RegistrationRefused(_("This certification scheme has no competency certificate."), code="no_rule")
    if BnspRegistration.objects.filter(candidacy_id=candidacy.pk).exists():
        raise RegistrationRefused(_("The BNSP registration of this candidate is already requested."), code="twice")
    try:
        with transaction.atomic():
            registration = BnspRegistration.objects.create(candidacy_id=candidacy.pk, requested_by=by)
    except IntegrityError:  # requested at the same moment by someone else
        raise RegistrationRefused(
            _("The BNSP registration of this candidate is already requested."), code="twice"
        ) from None
    audit_log(
        registration,
        "certificates.bnsp_request",
        user=by,
        data={"candidacy_id": candidacy.pk, "event_id": candidacy.event_id},
        title=f"#{candidacy.pk}",
    )
    return registration


def _validated(number: str, validator, field: str) -> None:
    try:
        validator(number)
    except ValidationError as error:
        raise RegistrationRefused(error.messages[0], code=field) from None


@transaction.atomic
def registration_record(
    *, registration: BnspRegistration, by, registration_number: str, blanko_number: str
) -> BnspRegistration:
    """Enter the numbers BNSP gave: the registration is *registered* and the certificate is issued after commit
    where the scheme issues automatically (else from *Pending competency decisions*). Refused, nothing changed: a
    number in the wrong format, a number another candidate holds, a registration already entered."""
    registration_number = registration_number_clean(registration_number)
    blanko_number = blanko_number_clean(blanko_number)
    _validated(registration_number, REGISTRATION_NUMBER, "registration_number")
    _validated(blanko_number, BLANKO_NUMBER, "blanko_number")
    locked = BnspRegistration.objects.select_for_update().get(pk=registration.pk)
    if locked.status != BnspRegistration.Status.REQUESTED:
        raise RegistrationRefused(_("The BNSP numbers of this candidate are already entered."), code="registered")
    others = BnspRegistration.objects.exclude(pk=locked.pk)
    printed = Certificate.objects.filter(kind=Certificate.Kind.COMPETENCY)
    if printed.filter(achievement__bnsp_registration_number=registration_number).exists():
        raise RegistrationRefused(
            _("The BNSP registration number %(number)s is already printed on a certificate.")
            % {"number": registration_number},
            code="registration_number",
        )
    if printed.filter(achievement__bnsp_blanko_number=blanko_number).exists():
        raise RegistrationRefused(
            _("The blanko number %(number)s is already printed on a certificate.") % {"number": blanko_number},
            code="blanko_number",
        )
    if others.filter(registration_number=registration_number).exists():
        raise RegistrationRefused(
            _("The BNSP registration number %(number)s is already given to another candidate.")
            % {"number": registration_number},
            code="registration_number",
        )
    if others.filter(blanko_number=blanko_number).exists():
        raise RegistrationRefused(
            _("The blanko number %(number)s is already given to another candidate.") % {"number": blanko_number},
            code="blanko_number",
        )
    locked.registration_number = registration_number
    locked.blanko_number = blanko_number
    locked.status = BnspRegistration.Status.REGISTERED
    locked.registered_by = by
    locked.registered_at = timezone.now()
    try:
        with transaction.atomic():  # the constraints decide a race between two staff entering the same number
            locked.save(
                update_fields=["registration_number", "blanko_number", "status", "registered_by", "registered_at"]
            )
    except IntegrityError:
        raise RegistrationRefused(
            _("This registration or blanko number was given to another candidate a moment ago."), code="duplicate"
        ) from None
    audit_log(
        locked,
        "certificates.bnsp_register",
        user=by,
        data={
            "candidacy_id": locked.candidacy_id,
            "registration_number": registration_number,
            "blanko_number": blanko_number,
        },
        title=registration_number,
    )
    outbox_enqueue(task=certificate_issue_for_candidacy_task, kwargs={"candidacy_id": locked.candidacy_id})
    return locked


def registration_withdraw(*, candidacy_id: int, by, reason: str, before) -> bool:
    """The candidacy's BNSP registration made before ``before`` (requested or registered) no longer stands: the
    decision it was for was overturned. Deleted, with its numbers in the audit trail (they stay printed on the
    certificate issued from them, which is revoked), so that a new decision is registered anew. Returns whether
    there was one."""
    registration = (
        BnspRegistration.objects.select_for_update().filter(candidacy_id=candidacy_id, requested_at__lte=before).first()
    )
    if registration is None:
        return False
    audit_log(
        registration,
        "certificates.bnsp_registration_withdraw",
        user=by,
        data={
            "candidacy_id": candidacy_id,
            "status": registration.status,
            "registration_number": registration.registration_number,
            "blanko_number": registration.blanko_number,
            "reason": reason,
        },
        title=registration.registration_number or f"#{candidacy_id}",
    )
    registration.delete()
    return True
