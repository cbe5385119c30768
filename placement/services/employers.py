"""Employers: registered by their own people, verified by centre staff before anything of theirs is public."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.audit import audit_log
from placement.models import Employer, EmployerMember
from placement.services import PlacementRefused


@transaction.atomic
def employer_register(*, user, **fields) -> Employer:
    """A user registers their employer and becomes its first member; it stays unverified (invisible) until staff
    verify it."""
    employer = Employer(**fields)
    employer.full_clean()
    employer.save()
    EmployerMember.objects.create(employer=employer, user=user)
    return employer


@transaction.atomic
def employer_member_add(*, employer: Employer, user) -> EmployerMember:
    member, _created = EmployerMember.objects.get_or_create(employer=employer, user=user)
    return member


@transaction.atomic
def employer_verify(*, employer: Employer, by) -> Employer:
    """Centre staff confirm the employer is real (NIB checked); its open vacancies become public."""
    locked = Employer.objects.select_for_update().get(pk=employer.pk)
    if locked.verified_at is not None:
        raise PlacementRefused(_("This employer is already verified."), code="verified")
    locked.verified_at = timezone.now()
    locked.verified_by = by
    locked.save(update_fields=["verified_at", "verified_by"])
    audit_log(locked, "placement.employer_verify", user=by, data={"nib": locked.nib})
    return locked


@transaction.atomic
def employer_unverify(*, employer: Employer, by) -> Employer:
    """Centre staff withdraw the verification (the NIB turned out wrong, the firm closed): everything of the
    employer leaves the public pages at once; its vacancies stay as they are and return if it is verified again."""
    locked = Employer.objects.select_for_update().get(pk=employer.pk)
    if locked.verified_at is None:
        raise PlacementRefused(_("This employer is not verified."), code="not_verified")
    was = {"verified_at": locked.verified_at.isoformat(), "verified_by": locked.verified_by_id}
    locked.verified_at = None
    locked.verified_by = None
    locked.save(update_fields=["verified_at", "verified_by"])
    audit_log(locked, "placement.employer_unverify", user=by, data={"nib": locked.nib, **was})
    return locked


def is_member(*, employer_id: int, user) -> bool:
    return user.is_authenticated and EmployerMember.objects.filter(employer_id=employer_id, user=user).exists()
