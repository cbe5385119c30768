"""Reads for an employer's own pages: its employers, vacancies (with their applicant counts), demand and members —
each only through the asker's membership, so another employer's rows are never found (the views answer 404)."""

from django.db.models import Count, QuerySet

from placement.models import Demand, Employer, EmployerMember, Vacancy


def employers_of_user(*, user) -> QuerySet[Employer]:
    if not user.is_authenticated:
        return Employer.objects.none()
    return Employer.objects.filter(memberships__user=user).order_by("name", "pk")


def employer_for_member(*, employer_id, user) -> Employer | None:
    try:
        return employers_of_user(user=user).filter(pk=int(employer_id)).first()
    except (TypeError, ValueError):
        return None


def employer_vacancies(*, employer_id: int) -> QuerySet[Vacancy]:
    return (
        Vacancy.objects.filter(employer_id=employer_id)
        .annotate(applicant_count=Count("applications", distinct=True))
        .order_by("-created_at", "-pk")
    )


def vacancy_for_member(*, vacancy_id, user) -> Vacancy | None:
    """A vacancy of an employer the user acts for, or None (the view answers 404)."""
    if not user.is_authenticated:
        return None
    return (
        Vacancy.objects.filter(pk=vacancy_id, employer__memberships__user=user)
        .select_related("employer", "track", "scheme")
        .prefetch_related("units")
        .first()
    )


def employer_demand(*, employer_id: int) -> QuerySet[Demand]:
    return (
        Demand.objects.filter(employer_id=employer_id)
        .select_related("scheme")
        .prefetch_related("units")
        .order_by("quarter", "position", "pk")
    )


def demand_for_member(*, demand_id, user) -> Demand | None:
    if not user.is_authenticated:
        return None
    return (
        Demand.objects.filter(pk=demand_id, employer__memberships__user=user)
        .select_related("employer", "scheme")
        .prefetch_related("units")
        .first()
    )


def all_demand() -> QuerySet[Demand]:
    """Every employer's demand, for the centre's staff (the admin listing and its export)."""
    return Demand.objects.select_related("employer", "scheme").prefetch_related("units")


def employer_for_staff(*, employer_id) -> Employer | None:
    """Any employer, for the centre's staff (the admin's inspect and verification pages), with who verified it."""
    try:
        return Employer.objects.select_related("verified_by").filter(pk=int(employer_id)).first()
    except (TypeError, ValueError):
        return None


def employer_open_vacancy_count(*, employer_id: int) -> int:
    """How many of the employer's vacancies are open (public while the employer is verified)."""
    return Vacancy.objects.filter(employer_id=employer_id, status=Vacancy.Status.OPEN).count()


def employer_members(*, employer_id: int) -> QuerySet[EmployerMember]:
    return EmployerMember.objects.filter(employer_id=employer_id).select_related("user").order_by("added_at", "pk")


def units_by_code(*, codes) -> dict:
    """The loaded units of competency with these codes, one per code (``{code: unit}``); unknown codes are absent."""
    unit_model = Vacancy._meta.get_field("units").related_model
    found: dict = {}
    for unit in unit_model.objects.filter(code__in=set(codes)).order_by("code", "pk"):
        found.setdefault(unit.code, unit)
    return found


def scheme_by_number(*, number: str):
    """The certification scheme with this number, or None."""
    scheme_model = Demand._meta.get_field("scheme").related_model
    return scheme_model.objects.filter(number__iexact=number.strip()).first() if number.strip() else None


def vacancies_of_member(*, user) -> QuerySet[Vacancy]:
    """Every vacancy of every employer the user acts for, with its applicant count (one query), for the API."""
    if not user.is_authenticated:
        return Vacancy.objects.none()
    return (
        Vacancy.objects.filter(employer__memberships__user=user)
        .select_related("employer")
        .annotate(applicant_count=Count("applications", distinct=True))
    )
