"""Employers: registered by their own people, verified by centre staff before anything of theirs is public."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kompeten_core.audit import audit_log
from kompeten_core.conf import settings as kompeten
from placement.models import Employer, EmployerMember
from placement.services import PlacementRefused

#: What an employer's own people may change of its profile (never the verification).
PROFILE_FIELDS = (
    "name",
    "nib",
    "sector",
    "park_zone",
    "park_plot",
    "address",
    "size",
    "contact_name",
    "contact_email",
    "contact_phone",
)


def _join_employer_group(user) -> None:
    """The user gets the Employer role (``KOMPETEN_EMPLOYER_GROUP``); the host's roles sync keeps its permissions."""
    group, _created = Group.objects.get_or_create(name=kompeten.EMPLOYER_GROUP)
    user.groups.add(group)


@transaction.atomic
def employer_register(*, user, **fields) -> Employer:
    """A user registers their employer and becomes its first member (with the Employer role); it stays unverified
    (invisible) until staff verify it."""
    employer = Employer(**fields)
    employer.full_clean()
    employer.save()
    EmployerMember.objects.create(employer=employer, user=user)
    _join_employer_group(user)
    audit_log(employer, "placement.employer_register", user=user, data={"nib": employer.nib})
    return employer


@transaction.atomic
def employer_update(*, employer: Employer, by, **fields) -> Employer:
    """An employer's own people correct its profile (name, NIB, location, size, contact). A changed NIB undoes
    the centre's verification: its vacancies leave the public pages until staff verify it again."""
    if not is_member(employer_id=employer.pk, user=by):
        raise PlacementRefused(_("Only the employer's own people can change its profile."), code="not_member")
    locked = Employer.objects.select_for_update().get(pk=employer.pk)
    verified_nib = locked.nib if locked.verified_at is not None else None
    for name in PROFILE_FIELDS:
        if name in fields:
            setattr(locked, name, fields[name])
    locked.full_clean()
    if verified_nib is not None and locked.nib != verified_nib:
        # Staff verified the business behind the old NIB: a new NIB is checked again before anything is public.
        locked.verified_at, locked.verified_by = None, None
    locked.save()
    return locked


def _find_user(identifier: str):
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    users = get_user_model()._default_manager.filter(is_active=True)
    found = list(users.filter(Q(username__iexact=identifier) | Q(email__iexact=identifier))[:2])
    return found[0] if len(found) == 1 else None


@transaction.atomic
def employer_member_add(*, employer: Employer, user=None, identifier: str = "", by=None) -> EmployerMember:
    """Add a person to the employer: ``user``, or the existing account whose username or e-mail is ``identifier``.
    With ``by`` (a member adding a colleague) the asker must be a member."""
    if by is not None and not is_member(employer_id=employer.pk, user=by):
        raise PlacementRefused(_("Only the employer's own people can add a member."), code="not_member")
    if user is None:
        user = _find_user(identifier)
        if user is None:
            raise PlacementRefused(
                _("No account has the username or e-mail address “%(who)s”. They must sign up first.")
                % {"who": identifier.strip()[:150]},
                code="no_account",
            )
    existing = EmployerMember.objects.filter(employer=employer, user=user).first()
    if existing is not None and by is None:
        return existing
    if existing is not None:
        raise PlacementRefused(_("This person is already a member of the employer."), code="already_member")
    member = EmployerMember.objects.create(employer=employer, user=user)
    _join_employer_group(user)
    if by is not None:
        audit_log(employer, "placement.employer_member_add", user=by, data={"member": user.pk})
    return member


@transaction.atomic
def employer_member_remove(*, employer: Employer, member_id, by) -> None:
    """Remove a person from the employer — never its last member. They keep the Employer role only while they
    act for another employer."""
    if not is_member(employer_id=employer.pk, user=by):
        raise PlacementRefused(_("Only the employer's own people can remove a member."), code="not_member")
    members = list(EmployerMember.objects.select_for_update().filter(employer=employer).select_related("user"))
    try:
        target = next(member for member in members if member.pk == int(member_id))
    except (StopIteration, TypeError, ValueError) as missing:
        raise PlacementRefused(_("This person is not a member of the employer."), code="not_found") from missing
    if len(members) == 1:
        raise PlacementRefused(_("The last member of an employer cannot be removed."), code="last_member")
    user = target.user
    target.delete()
    if not EmployerMember.objects.filter(user=user).exists():
        user.groups.remove(*Group.objects.filter(name=kompeten.EMPLOYER_GROUP))
    audit_log(employer, "placement.employer_member_remove", user=by, data={"member": user.pk})


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
