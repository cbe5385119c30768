"""Issue, correct and revoke certificates. Issued certificates never change; they are revoked or superseded."""

import hashlib
import secrets

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.achievements import (
    Achievement,
    competency_achievement,
    competent_candidacy,
    completed_enrolment,
    holder_name,
    training_achievement,
)
from certificates.credential_cache import credential_cache_forget, credential_cache_key
from certificates.models import (
    BnspRegistration,
    Certificate,
    CertificateTemplate,
    CourseCertificate,
    IssueRun,
    Revocation,
    SchemeCertificate,
    SerialCounter,
)
from certificates.selectors.competence import COMPETENCE_VERSION
from certificates.services.design import design_snapshot
from certificates.tasks.rendering import certificate_render as certificate_render_task
from courses.outbox import outbox_enqueue
from courses.selectors.outcomes import enrolments_completed
from courses.xapi.services import Verb, statement_record
from kompeten_core.audit import audit_log
from kompeten_core.conf import public_base_url
from kompeten_core.conf import settings as kompeten
from kompeten_core.versions import bump

CODE_BYTES = 24  # 192 random bits, 32 URL-safe characters


class CertificateRefused(ValidationError):
    """A certificate cannot be issued, corrected or revoked; the message says why (translated)."""


def _live(*, holder, key: str) -> Certificate | None:
    return (
        Certificate.objects.filter(holder=holder, achievement_key=key)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .first()
    )


def _next_sequence(*, issuer, year: int) -> int:
    """Take the next number of the issuer's year under a row lock: no gaps, no duplicates."""
    SerialCounter.objects.bulk_create([SerialCounter(issuer=issuer, year=year)], ignore_conflicts=True)
    counter = SerialCounter.objects.select_for_update().get(issuer=issuer, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def recipient_identity(*, holder, salt: str) -> tuple[str, str]:
    """How Open Badges names the recipient without revealing them: (identity type, ``sha256$<hex>``)."""
    email = " ".join((getattr(holder, "email", "") or "").split()).lower()
    value, kind = (email, "emailAddress") if email else (f"{public_base_url()}#holder-{holder.pk}", "systemId")
    return kind, "sha256$" + hashlib.sha256((value + salt).encode("utf-8")).hexdigest()


def _free_status_index(*, issuer) -> int:
    size = kompeten.STATUS_LIST_SIZE
    for _attempt in range(50):
        index = secrets.randbelow(size)
        if not Certificate.objects.filter(issuer=issuer, status_index=index).exists():
            return index
    raise CertificateRefused(_("The issuer's status list is full."), code="status_list_full")


def _audit(certificate: Certificate, action: str, user, **data) -> None:
    audit_log(certificate, action, user=user, data={"serial": certificate.serial, **data})


@transaction.atomic
def certificate_issue(
    *,
    template: CertificateTemplate,
    achievement: Achievement,
    issued_by=None,
    run: IssueRun | None = None,
    name: str | None = None,
) -> Certificate:
    """Issue once per holder and achievement (a second call returns the first certificate); render on commit."""
    certificate, created = _issue(template=template, achievement=achievement, issued_by=issued_by, run=run, name=name)
    if created:
        _audit(certificate, "certificates.issue", issued_by, achievement_key=certificate.achievement_key)
        bump(COMPETENCE_VERSION)
    return certificate


def _issue(
    *, template: CertificateTemplate, achievement: Achievement, issued_by, run: IssueRun | None, name: str | None
) -> tuple[Certificate, bool]:
    """The certificate and whether it is new (an existing live one is returned as it is)."""
    if template.kind != achievement.kind:
        raise CertificateRefused(_("This template is for another kind of certificate."), code="wrong_template")
    issuer = template.issuer
    if not issuer.has_keys:
        raise CertificateRefused(
            _("The issuer %(issuer)s has no signing keys yet.") % {"issuer": issuer}, code="no_keys"
        )
    existing = _live(holder=achievement.holder, key=achievement.key)
    if existing is not None:
        return existing, False
    now = timezone.now()
    salt = secrets.token_hex(16)
    recipient = recipient_identity(holder=achievement.holder, salt=salt)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                sequence = _next_sequence(issuer=issuer, year=now.year)
                certificate = Certificate(
                    issuer=issuer,
                    template=template,
                    kind=achievement.kind,
                    holder=achievement.holder,
                    achievement_key=achievement.key,
                    course_id=achievement.course_id,
                    candidacy_id=achievement.candidacy_id,
                    serial=f"{issuer.code}/{now.year}/{sequence:06d}",
                    year=now.year,
                    sequence=sequence,
                    verification_code=secrets.token_urlsafe(CODE_BYTES),
                    holder_name=(name or holder_name(achievement.holder))[:200],
                    achievement=achievement.data,
                    design=design_snapshot(template=template),
                    issued_at=now,
                    valid_until=achievement.valid_until,
                    issued_by=issued_by,
                    status_index=_free_status_index(issuer=issuer),
                    recipient_salt=salt,
                    recipient_type=recipient[0],
                    recipient_hash=recipient[1],
                    run=run,
                )
                # Field validation here; uniqueness (serial, code, one live certificate per achievement) is left to
                # the database, whose IntegrityError is handled below even when two issues race.
                certificate.full_clean(
                    exclude=["pdf", "course", "candidacy", "supersedes", "run", "issued_by"],
                    validate_unique=False,
                    validate_constraints=False,
                )
                certificate.save()
        except IntegrityError:
            existing = _live(holder=achievement.holder, key=achievement.key)
            if existing is not None:  # issued at the same moment by someone else
                return existing, False
            continue  # a status index taken at the same moment: draw another
        _render_on_commit(certificate.pk)
        statement_record(
            user=achievement.holder,
            verb=Verb.EARNED,
            kind="certificate",
            object_pk=certificate.pk,
            object_name=certificate.serial,
            course_id=achievement.course_id,
        )
        return certificate, True
    raise CertificateRefused(_("The certificate could not be issued; try again."), code="busy")


def _render_on_commit(certificate_id: int) -> None:
    # Through the task outbox: stored with the certificate, handed to the broker after commit or, if the broker is
    # down then, by the relay once it is back.
    outbox_enqueue(task=certificate_render_task, kwargs={"certificate_id": certificate_id})


def course_rule(*, course_id: int) -> CourseCertificate | None:
    return CourseCertificate.objects.select_related("template__issuer").filter(course_id=course_id).first()


def scheme_rule(*, scheme_id: int) -> SchemeCertificate | None:
    return SchemeCertificate.objects.select_related("template__issuer").filter(scheme_id=scheme_id).first()


def certificate_issue_for_enrolment(
    *, enrolment_id: int, issued_by=None, run=None, automatic: bool = False
) -> Certificate | None:
    """A training certificate for a completed course. ``automatic``: only where the course issues by itself."""
    enrolment = completed_enrolment(enrolment_id=enrolment_id)
    if enrolment is None:
        if automatic:
            return None
        raise CertificateRefused(_("This trainee has not completed the course."), code="not_completed")
    rule = course_rule(course_id=enrolment.course_id)
    if rule is None or (automatic and not rule.automatic):
        if automatic:
            return None
        raise CertificateRefused(_("This course has no training certificate."), code="no_rule")
    return certificate_issue(
        template=rule.template, achievement=training_achievement(enrolment=enrolment), issued_by=issued_by, run=run
    )


def bnsp_registration(*, candidacy_id: int) -> BnspRegistration | None:
    """The candidacy's BNSP registration once its numbers are entered (None before). One query."""
    return BnspRegistration.objects.filter(candidacy_id=candidacy_id, status=BnspRegistration.Status.REGISTERED).first()


def certificate_issue_for_candidacy(
    *, candidacy_id: int, issued_by=None, run=None, automatic: bool = False
) -> Certificate | None:
    """A competency certificate for a candidate the committee decided to certify and BNSP registered (the
    registration and blanko numbers entered), by the scheme's LSP issuer."""
    candidacy = competent_candidacy(candidacy_id=candidacy_id)
    if candidacy is None:
        if automatic:
            return None
        raise CertificateRefused(
            _("There is no signed-off Kompeten recommendation for this candidate."), code="not_competent"
        )
    rule = scheme_rule(scheme_id=candidacy.event.scheme_id)
    if rule is None or (automatic and not rule.automatic):
        if automatic:
            return None
        raise CertificateRefused(_("This certification scheme has no competency certificate."), code="no_rule")
    registration = bnsp_registration(candidacy_id=candidacy.pk)
    if registration is None:
        if automatic:
            return None
        raise CertificateRefused(
            _("The BNSP registration and blanko numbers of this candidate are not entered yet."),
            code="not_registered",
        )
    return certificate_issue(
        template=rule.template,
        achievement=competency_achievement(candidacy=candidacy, issued_at=timezone.now(), registration=registration),
        issued_by=issued_by,
        run=run,
    )


@transaction.atomic
def certificate_correct(*, certificate: Certificate, by, name: str | None = None) -> Certificate:
    """Issue a corrected certificate that supersedes this one (holder name and achievement read afresh)."""
    old = Certificate.objects.select_for_update().select_related("template__issuer", "holder").get(pk=certificate.pk)
    if old.status != Certificate.Status.ACTIVE:
        raise CertificateRefused(_("Only an active certificate can be corrected."), code="not_active")
    achievement = _achievement_again(old)
    cached = credential_cache_key(old)
    old.status = Certificate.Status.SUPERSEDED
    old.save(update_fields=["status"])
    new, _created = _issue(template=old.template, achievement=achievement, issued_by=by, run=None, name=name)
    new.supersedes = old
    new.save(update_fields=["supersedes"])
    issuer_id = old.issuer_id
    transaction.on_commit(lambda: status_list_changed(issuer_id=issuer_id))
    transaction.on_commit(lambda: credential_cache_forget(key=cached))
    bump(COMPETENCE_VERSION)
    _audit(new, "certificates.correct", by, supersedes=old.serial, name_changed=new.holder_name != old.holder_name)
    return new


def _achievement_again(old: Certificate) -> Achievement:
    if old.kind == Certificate.Kind.TRAINING and old.course_id:
        enrolment = completed_enrolment_of(holder=old.holder, course_id=old.course_id)
        if enrolment is not None:
            return training_achievement(enrolment=enrolment)
    if old.kind == Certificate.Kind.COMPETENCY and old.candidacy_id:
        candidacy = competent_candidacy(candidacy_id=old.candidacy_id)
        registration = bnsp_registration(candidacy_id=old.candidacy_id)
        if candidacy is not None and registration is not None:
            return competency_achievement(candidacy=candidacy, issued_at=timezone.now(), registration=registration)
    return Achievement(
        key=old.achievement_key,
        kind=old.kind,
        data=old.achievement,
        holder=old.holder,
        course_id=old.course_id,
        candidacy_id=old.candidacy_id,
        valid_until=old.valid_until,
    )


def completed_enrolment_of(*, holder, course_id: int):
    enrolment_id = enrolments_completed().filter(user=holder, course_id=course_id).values_list("pk", flat=True).first()
    return completed_enrolment(enrolment_id=enrolment_id) if enrolment_id else None


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, by) -> Certificate:
    """Revoke with a reason kept in its own record; the verify page, JSON and status list change at once."""
    reason = " ".join((reason or "").split())
    if len(reason) < 5:
        raise CertificateRefused(_("Give the reason for revoking (at least 5 characters)."), code="reason")
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.status != Certificate.Status.ACTIVE:
        raise CertificateRefused(_("Only an active certificate can be revoked."), code="not_active")
    Revocation.objects.create(certificate=locked, reason=reason[:2000], revoked_by=by)
    cached = credential_cache_key(locked)
    locked.status = Certificate.Status.REVOKED
    locked.save(update_fields=["status"])
    _audit(locked, "certificates.revoke", by, reason=reason[:2000])
    bump(COMPETENCE_VERSION)
    issuer_id = locked.issuer_id
    transaction.on_commit(lambda: status_list_changed(issuer_id=issuer_id))
    transaction.on_commit(lambda: credential_cache_forget(key=cached))
    return locked


def status_list_changed(*, issuer_id: int) -> None:
    cache.delete(f"certificates:status-list:{issuer_id}")
