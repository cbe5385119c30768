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

# The version token (``kompeten_core.versions``) of the job seekers' profiles and consent: bumped by every service
# that saves, consents, withdraws or deletes a profile, so that match lists cached under it are recomputed.
SEEKERS_VERSION = "placement.seekers"


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
