"""Reads of the host site."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from oauth2_provider.models import AccessToken, RefreshToken

from lms import roles
from lms.accounts.usernames import username_skeleton, username_skeleton_expression
from lms.models import ApiClientScopes

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


def api_client_scopes(*, application) -> list[str]:
    """The API scopes staff granted this OAuth client (none without a grant). One query."""
    row = ApiClientScopes.objects.filter(application=application).only("scopes").first()
    return row.scopes.split() if row else []


@dataclass
class ConnectedApp:
    application_id: int
    name: str
    scopes: list[str]
    connected_at: object


def api_connected_apps(*, user) -> list[ConnectedApp]:
    """The OAuth clients (a phone app, say) holding a live access or refresh token of this user, newest first,
    with the scopes they were granted. Two queries."""
    now = timezone.now()
    rows: dict[int, ConnectedApp] = {}
    tokens = list(
        AccessToken.objects.filter(user=user, expires__gt=now).select_related("application").order_by("-created")
    )
    refreshes = list(
        RefreshToken.objects.filter(user=user, revoked__isnull=True)
        .select_related("application", "access_token")
        .order_by("-created")
    )
    for token in tokens:
        row = rows.setdefault(
            token.application_id, ConnectedApp(token.application_id, token.application.name, [], token.created)
        )
        row.scopes = sorted(set(row.scopes) | set(token.scope.split()))
    for refresh in refreshes:
        scopes = refresh.access_token.scope.split() if refresh.access_token else []
        row = rows.setdefault(
            refresh.application_id, ConnectedApp(refresh.application_id, refresh.application.name, [], refresh.created)
        )
        row.scopes = sorted(set(row.scopes) | set(scopes))
    return sorted(rows.values(), key=lambda row: row.connected_at, reverse=True)
