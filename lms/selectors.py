"""Reads of the host site."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from lms import roles
from lms.accounts.usernames import username_skeleton, username_skeleton_expression

SESSION_LANGUAGE_KEY = "kompeten_language"


def language_is_supported(language: str) -> bool:
    return language in dict(settings.LANGUAGES)


def language_for_request(request) -> str:
    user = getattr(request, "user", None)
    candidates = []
    if user is not None and user.is_authenticated:
        candidates.append(getattr(user, "preferred_language", ""))
    if hasattr(request, "session"):
        candidates.append(request.session.get(SESSION_LANGUAGE_KEY, ""))
    candidates.append(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""))
    for language in candidates:
        if language and language_is_supported(language):
            return language
    return settings.LANGUAGE_CODE


def user_role_names(user) -> set[str]:
    """The Kompeten roles a user holds (one query), superusers counting as Administrator."""
    if not user.is_authenticated:
        return set()
    names = set(Group.objects.filter(user=user, name__in=roles.ROLES).values_list("name", flat=True))
    if user.is_superuser:
        names.add(roles.ADMINISTRATOR)
    return names


def username_look_alike_exists(username: str) -> bool:
    """Whether an account's username looks like ``username`` (same skeleton, lms.accounts.usernames): one query."""
    return (
        get_user_model()
        ._default_manager.alias(skeleton=username_skeleton_expression())
        .filter(skeleton=username_skeleton(username))
        .exists()
    )
