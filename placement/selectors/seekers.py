"""Reads of job seekers: who currently consents to be shown to employers, a job seeker's own profile, and what
their profile page shows of their certificates and units — read live from the certificates and assessments plugins,
never copied.

*Current consent* means consent given to the version of the consent text in force (``KOMPETEN_CONSENT_VERSION``):
when the text changes, everyone who agreed to an older version counts as not consenting until they agree again.
Every employer-facing read (matching, applicant lists, a CV download) goes through ``consenting_profiles`` or
``current_consent_q``.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from certificates.selectors import holder as certificate_selectors
from certificates.selectors.competence import held_unit_codes
from kompeten_core.conf import settings as kompeten
from placement.models import Application, JobSeekerProfile, Vacancy


def current_consent_q(prefix: str = "") -> Q:
    """A filter for profiles (or, with ``prefix`` such as ``"seeker__job_seeker_profile__"``, for rows reaching a
    profile) whose consent stands for the consent text in force."""
    return Q(**{f"{prefix}consent_at__isnull": False, f"{prefix}consent_version": kompeten.CONSENT_VERSION})


def consenting_profiles() -> QuerySet[JobSeekerProfile]:
    """Profiles of job seekers who currently consent (withdrawn or given to an older text: left out)."""
    return JobSeekerProfile.objects.filter(current_consent_q())


def has_current_consent(profile: JobSeekerProfile | None) -> bool:
    return (
        profile is not None and profile.consent_at is not None and profile.consent_version == kompeten.CONSENT_VERSION
    )


def profile_for_user(*, user) -> JobSeekerProfile | None:
    """The user's own profile with its wanted tracks (two queries), or None."""
    if not user.is_authenticated:
        return None
    return JobSeekerProfile.objects.filter(user=user).prefetch_related("tracks").first()


def consenting_profile_for_user(*, user) -> JobSeekerProfile | None:
    if not user.is_authenticated:
        return None
    return consenting_profiles().filter(user=user).first()


def track_choices() -> QuerySet:
    """The live tracks a job seeker may want (read through the profile's relation: no import of ``courses``)."""
    return JobSeekerProfile.tracks.field.related_model.objects.live().order_by("title")


def competence_for_user(*, user) -> dict:
    """What the profile page shows of the person's certified competence, read live: their valid, non-revoked
    certificates and the unit codes judged K on a valid competency certificate (two queries)."""
    certificates = [
        certificate
        for certificate in certificate_selectors.certificates_for_holder(user=user)
        if certificate.public_status == "valid"
    ]
    units = sorted(held_unit_codes(holder_ids=[user.pk]).get(user.pk, set()))
    return {"certificates": certificates, "units": units}


def cv_for_employer_member(*, application_id: int, user) -> JobSeekerProfile | None:
    """The applicant's profile, when it has a CV and ``user`` acts for the employer of the vacancy applied to, the
    applicant still consents and the application was not withdrawn; else None (a 404)."""
    if not user.is_authenticated:
        return None
    application = (
        Application.objects.filter(
            pk=application_id,
            vacancy__employer__memberships__user=user,
        )
        .filter(current_consent_q("seeker__job_seeker_profile__"))
        .exclude(status=Application.Status.WITHDRAWN)
        .select_related("seeker__job_seeker_profile")
        .first()
    )
    if application is None:
        return None
    profile = application.seeker.job_seeker_profile
    return profile if profile.cv_file else None


def applications_of_seeker(*, user) -> QuerySet[Application]:
    """The job seeker's own applications, newest first, with vacancy and employer (one query)."""
    return Application.objects.filter(seeker=user).select_related("vacancy__employer").order_by("-created_at", "-pk")


def application_of_seeker(*, application_id: int, user) -> Application | None:
    if not user.is_authenticated:
        return None
    return Application.objects.filter(pk=application_id, seeker=user).select_related("vacancy").first()


def vacancy_to_apply(*, vacancy_id: int):
    """A vacancy of a verified employer that has been published (open, closed or filled; never a draft), or None:
    the service then says whether it still takes applications."""
    return (
        Vacancy.objects.filter(pk=vacancy_id, employer__verified_at__isnull=False)
        .exclude(status=Vacancy.Status.DRAFT)
        .select_related("employer")
        .first()
    )


def dashboard_widget(*, user, limit: int = 5) -> dict:
    """The trainee dashboard's placement panel: without a consenting profile, an invitation (``consenting`` False);
    with one, the open vacancies they match (``matches``, each with ``application``: theirs or None, so the panel
    shows its status or an apply button) and near misses with the missing units and the courses that teach them
    (``near_misses``). A constant number of queries, however many vacancies are open."""
    from placement.selectors.matching import vacancies_for_seeker

    profile = JobSeekerProfile.objects.filter(user=user).first() if user.is_authenticated else None
    if not has_current_consent(profile):
        return {"consenting": False, "profile": profile}
    found = vacancies_for_seeker(user=user, limit=limit)
    applied = {
        application.vacancy_id: application
        for application in Application.objects.filter(seeker=user, vacancy_id__in=[m.vacancy.pk for m in found])
    }
    for match in found:
        match.application = applied.get(match.vacancy.pk)
    return {
        "consenting": True,
        "profile": profile,
        "matches": [match for match in found if not match.missing],
        "near_misses": [match for match in found if match.missing and match.courses],
    }


def personal_data_for_user(*, user) -> tuple[dict, list[tuple[str, object, str]]]:
    """What the placement plugin keeps about a person, for their personal-data export: the job-seeker profile (with
    consent), their applications with every step, and the CV file as ``(name in the archive, storage, path)``
    (three queries)."""
    profile = JobSeekerProfile.objects.filter(user=user).prefetch_related("tracks").first()
    files = []
    data: dict = {"profile": None, "applications": []}
    if profile is not None:
        in_archive = None
        if profile.cv_file:
            in_archive = "job-seeker/cv.pdf"
            files.append((in_archive, profile.cv_file.storage, profile.cv_file.name))
        data["profile"] = {
            "consent_at": profile.consent_at.isoformat() if profile.consent_at else None,
            "consent_version": profile.consent_version,
            "province": profile.province,
            "regency_code": profile.regency_code,
            "regency": profile.regency,
            "district": profile.district,
            "is_local": profile.is_local,
            "phone": profile.phone,
            "available_from": profile.available_from.isoformat(),
            "wanted_tracks": [track.title for track in profile.tracks.all()],
            "cv_text": profile.cv_text,
            "cv_file_in_archive": in_archive,
            "updated_at": profile.updated_at.isoformat(),
        }
    applications = (
        Application.objects.filter(seeker=user)
        .select_related("vacancy__employer")
        .prefetch_related("steps")
        .order_by("created_at", "pk")
    )
    data["applications"] = [
        {
            "vacancy": application.vacancy.title,
            "employer": application.vacancy.employer.name,
            "status": application.status,
            "applied_at": application.created_at.isoformat(),
            "interview_at": application.interview_at.isoformat() if application.interview_at else None,
            "interview_place": application.interview_place,
            "steps": [
                {"from": step.from_status, "to": step.to_status, "at": step.at.isoformat()}
                for step in application.steps.all()
            ],
        }
        for application in applications
    ]
    return data, files
