"""Vacancies: written by an employer's members, draft → open → closed or filled."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompeten_core.audit import audit_log
from placement.models import Vacancy
from placement.services import PlacementRefused
from placement.services.employers import is_member

_FIELDS = (
    "title",
    "description",
    "positions",
    "track",
    "scheme",
    "min_kkni_level",
    "min_education",
    "location",
    "wage_min",
    "wage_max",
    "contract",
    "shifts",
    "closes_on",
)


def _member_only(*, employer_id: int, by) -> None:
    if not is_member(employer_id=employer_id, user=by):
        raise PlacementRefused(_("Only the employer's own people can change its vacancies."), code="not_member")


def _checked(vacancy: Vacancy) -> None:
    if vacancy.closes_on and vacancy.closes_on < timezone.localdate():
        raise PlacementRefused(_("The closing date cannot be in the past."), code="closes_in_past")
    if vacancy.wage_min is not None and vacancy.wage_max is not None and vacancy.wage_max < vacancy.wage_min:
        raise PlacementRefused(_("The highest wage cannot be below the lowest."), code="wage_inverted")
    vacancy.full_clean()


@transaction.atomic
def vacancy_save(*, by, employer_id: int, units=(), vacancy: Vacancy | None = None, **fields) -> Vacancy:
    """Create (``vacancy`` None) or change a vacancy of the employer; ``units`` are the required units of
    competency (``CompetencyUnit`` rows). Audited (the page and the API write through here)."""
    _member_only(employer_id=employer_id, by=by)
    created = vacancy is None
    if vacancy is None:
        vacancy = Vacancy(employer_id=employer_id)
    elif vacancy.employer_id != employer_id:
        raise PlacementRefused(_("This vacancy belongs to another employer."), code="not_member")
    elif vacancy.status != Vacancy.Status.DRAFT and vacancy.status != Vacancy.Status.OPEN:
        raise PlacementRefused(_("A closed or filled vacancy cannot be changed."), code="not_editable")
    for name in _FIELDS:
        if name in fields:
            setattr(vacancy, name, fields[name])
    _checked(vacancy)
    vacancy.save()
    vacancy.units.set(units)
    action = "placement.vacancy_create" if created else "placement.vacancy_change"
    audit_log(vacancy, action, user=by, data={"fields": sorted(name for name in _FIELDS if name in fields)})
    return vacancy


@transaction.atomic
def vacancy_open(*, vacancy: Vacancy, by) -> Vacancy:
    _member_only(employer_id=vacancy.employer_id, by=by)
    locked = Vacancy.objects.select_for_update().select_related("employer").get(pk=vacancy.pk)
    if locked.status != Vacancy.Status.DRAFT:
        raise PlacementRefused(_("Only a draft vacancy can be opened."), code="not_draft")
    if locked.employer.verified_at is None:
        raise PlacementRefused(
            _(
                "A vacancy can be opened once the centre has verified your employer. It stays a draft until then; "
                "the centre's staff check the NIB and will verify you soon."
            ),
            code="unverified",
        )
    _checked(locked)
    locked.status = Vacancy.Status.OPEN
    locked.opened_at = timezone.now()
    locked.save(update_fields=["status", "opened_at"])
    audit_log(locked, "placement.vacancy_open", user=by)
    return locked


@transaction.atomic
def vacancy_close(*, vacancy: Vacancy, by, filled: bool = False) -> Vacancy:
    _member_only(employer_id=vacancy.employer_id, by=by)
    locked = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if filled and locked.status not in (Vacancy.Status.OPEN, Vacancy.Status.CLOSED):
        raise PlacementRefused(_("Only an open or closed vacancy can be marked filled."), code="not_open")
    if not filled and locked.status != Vacancy.Status.OPEN:
        raise PlacementRefused(_("Only an open vacancy can be closed."), code="not_open")
    before = locked.status
    locked.status = Vacancy.Status.FILLED if filled else Vacancy.Status.CLOSED
    locked.save(update_fields=["status"])
    action = "placement.vacancy_fill" if filled else "placement.vacancy_close"
    audit_log(locked, action, user=by, data={"from": before})
    return locked


def vacancy_accepts_applications(vacancy: Vacancy) -> bool:
    return (
        vacancy.status == Vacancy.Status.OPEN
        and vacancy.closes_on >= timezone.localdate()
        and vacancy.employer.verified_at is not None
    )
