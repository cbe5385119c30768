"""Reads of applications: an employer sees its own vacancies' applicants — name, contact, matched units and the
verify links of their certificates, nothing else — and only while they consent; a job seeker sees their own."""

from django.db.models import QuerySet

from placement.models import Application
from placement.selectors.seekers import current_consent_q


def applications_for_employer(*, employer_id: int) -> QuerySet[Application]:
    """Applications to the employer's vacancies from job seekers who still consent (withdrawal hides them)."""
    return (
        Application.objects.filter(vacancy__employer_id=employer_id)
        .filter(current_consent_q("seeker__job_seeker_profile__"))
        .select_related("vacancy", "seeker", "seeker__job_seeker_profile")
        .order_by("-created_at", "-pk")
    )


def applications_for_seeker(*, user) -> QuerySet[Application]:
    return Application.objects.filter(seeker=user).select_related("vacancy__employer").order_by("-created_at", "-pk")


def applications_for_member(*, user) -> QuerySet[Application]:
    """Applications to the vacancies of every employer the user acts for, from job seekers who still consent."""
    if not user.is_authenticated:
        return Application.objects.none()
    return (
        Application.objects.filter(vacancy__employer__memberships__user=user)
        .filter(current_consent_q("seeker__job_seeker_profile__"))
        .select_related("vacancy", "seeker", "seeker__job_seeker_profile")
    )
