"""``{% apply_state vacancy as state %}``: what a vacancy page offers the person looking at it — a log-in link, a
link to the job-seeker profile, the status of their application, "closed", or the apply form — and
``{{ vacancy|vacancy_url }}``, the public page of a vacancy (or "" when the public pages are not installed)."""

from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from placement.models import Application
from placement.selectors.seekers import consenting_profile_for_user
from placement.services.vacancies import vacancy_accepts_applications

register = template.Library()

#: The public vacancy page's URL name (placement.urls.public).
VACANCY_DETAIL = "placement:vacancy"


@register.filter
def vacancy_url(vacancy) -> str:
    try:
        return reverse(VACANCY_DETAIL, args=[vacancy.pk])
    except NoReverseMatch:
        return ""


@register.simple_tag(takes_context=True)
def apply_state(context, vacancy) -> dict:
    """A dict with ``state`` (``login``, ``profile``, ``applied``, ``closed`` or ``form``) and what it shows; at most
    two queries (the person's consenting profile and their application), none for a visitor."""
    request = context.get("request")
    user = getattr(request, "user", None)
    here = request.get_full_path() if request is not None else ""
    if user is None or not user.is_authenticated:
        login = resolve_url(settings.LOGIN_URL) + (f"?{urlencode({'next': here})}" if here else "")
        return {"state": "login", "url": login}
    application = Application.objects.filter(vacancy_id=vacancy.pk, seeker=user).only("pk", "status").first()
    if application is not None:
        return {"state": "applied", "application": application, "url": reverse("placement:my_applications")}
    if not vacancy_accepts_applications(vacancy):
        return {"state": "closed"}
    if consenting_profile_for_user(user=user) is None:
        return {"state": "profile", "url": reverse("placement:seeker_profile")}
    return {"state": "form", "url": reverse("placement:apply", args=[vacancy.pk])}
