"""Reads of the pipeline for an employer's people and the applicant: a vacancy's match list and applicants, and one
application with its steps. An employer sees a job seeker's name, contact, matched units and the verify links of
their valid certificates — nothing else — and only while they consent."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from certificates.selectors.competence import held_unit_codes, valid_competency_certificates
from placement.models import Application, ApplicationStep, EmployerMember, Vacancy
from placement.selectors.matching import SeekerMatch, matches_for_vacancy
from placement.selectors.vacancies import REQUIRED_UNITS, required_unit_codes


def vacancy_for_member(*, vacancy_id: int, user) -> Vacancy | None:
    """The vacancy when the user acts for its employer (any status), else None (one query)."""
    if not user.is_authenticated:
        return None
    member_of = EmployerMember.objects.filter(user=user).values("employer_id")
    return (
        Vacancy.objects.filter(pk=vacancy_id, employer_id__in=member_of)
        .select_related("employer", "scheme")
        .prefetch_related(*REQUIRED_UNITS)
        .first()
    )


def _certificates_by_holder(holder_ids: list[int]) -> dict[int, list]:
    rows: dict[int, list] = {}
    certificates = valid_competency_certificates().filter(holder_id__in=holder_ids).order_by("issued_at", "pk")
    for certificate in certificates.only("pk", "holder_id", "serial", "verification_code", "issued_at"):
        rows.setdefault(certificate.holder_id, []).append(certificate)
    return rows


@dataclass
class ApplicantRow:
    application: Application
    matched: list[str]
    missing: list[str]
    certificates: list = field(default_factory=list)


@dataclass
class CandidateRow:
    match: SeekerMatch
    certificates: list = field(default_factory=list)
    application: Application | None = None


def candidates_for_vacancy(*, vacancy: Vacancy, limit: int = 50) -> list[CandidateRow]:
    """The vacancy's match list (``matches_for_vacancy``: consenting seekers, ranked and explained), each with the
    verify links of their valid certificates and their application to this vacancy if any. A constant number of
    queries."""
    matches = matches_for_vacancy(vacancy=vacancy, limit=limit)
    holder_ids = [match.profile.user_id for match in matches]
    certificates = _certificates_by_holder(holder_ids) if holder_ids else {}
    applications = (
        {a.seeker_id: a for a in Application.objects.filter(vacancy=vacancy, seeker_id__in=holder_ids)}
        if holder_ids
        else {}
    )
    return [
        CandidateRow(
            match=match,
            certificates=certificates.get(match.profile.user_id, []),
            application=applications.get(match.profile.user_id),
        )
        for match in matches
    ]


def applicants_for_vacancy(*, vacancy: Vacancy) -> list[ApplicantRow]:
    """The vacancy's applications from seekers who still consent, with the required units each holds and misses
    and their certificates' verify links. Three queries (applications, held units, certificates)."""
    applications = list(
        Application.objects.filter(vacancy=vacancy, seeker__job_seeker_profile__consent_at__isnull=False)
        .select_related("seeker", "seeker__job_seeker_profile")
        .order_by("-created_at", "-pk")
    )
    if not applications:
        return []
    required = required_unit_codes(vacancy)
    holder_ids = [application.seeker_id for application in applications]
    held = held_unit_codes(holder_ids=holder_ids, codes=required) if required else {}
    certificates = _certificates_by_holder(holder_ids)
    rows = []
    for application in applications:
        mine = held.get(application.seeker_id, set())
        rows.append(
            ApplicantRow(
                application=application,
                matched=[code for code in required if code in mine],
                missing=[code for code in required if code not in mine],
                certificates=certificates.get(application.seeker_id, []),
            )
        )
    return rows


def application_for(*, application_id: int, user) -> Application | None:
    """The application when the user made it, or acts for the vacancy's employer while the seeker consents; with
    its steps and their actors. None for anyone else."""
    if not user.is_authenticated:
        return None
    application = (
        Application.objects.filter(pk=application_id)
        .select_related("vacancy__employer", "seeker", "seeker__job_seeker_profile", "nominated_by")
        .prefetch_related(Prefetch("steps", queryset=ApplicationStep.objects.select_related("actor")))
        .first()
    )
    if application is None or application.seeker_id == user.pk:
        return application
    profile = getattr(application.seeker, "job_seeker_profile", None)
    if profile is None or profile.consent_at is None:
        return None
    if not EmployerMember.objects.filter(employer_id=application.vacancy.employer_id, user=user).exists():
        return None
    return application


def applicant_detail(*, application: Application) -> ApplicantRow:
    """What the employer sees of one applicant: matched and missing required units, certificates' verify links."""
    vacancy = application.vacancy
    required = required_unit_codes(vacancy)
    held = held_unit_codes(holder_ids=[application.seeker_id], codes=required).get(application.seeker_id, set())
    return ApplicantRow(
        application=application,
        matched=[code for code in required if code in held],
        missing=[code for code in required if code not in held],
        certificates=_certificates_by_holder([application.seeker_id]).get(application.seeker_id, []),
    )
