"""The trainee dashboard's placement panel (read by the host site's dashboard)."""

from placement.models import Application, JobSeekerProfile
from placement.selectors.matching import vacancies_for_seeker
from placement.selectors.seekers import has_current_consent


def dashboard_widget(*, user, limit: int = 5) -> dict:
    """The trainee dashboard's placement panel: without a consenting profile, an invitation (``consenting`` False);
    with one, the open vacancies they match (``matches``, each with ``application``: theirs or None, so the panel
    shows its status or an apply button) and near misses with the missing units and the courses that teach them
    (``near_misses``). A constant number of queries, however many vacancies are open."""
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
