"""OAuth clients and tokens for the API tests, made as staff and the token endpoint make them."""

import secrets
from datetime import timedelta

from django.utils import timezone
from oauth2_provider.models import AccessToken, Application

from lms.models import ApiClientScopes


def client_register(*, name: str = "Partner", user=None, scopes: str = "", grant=None) -> Application:
    application = Application.objects.create(
        name=name,
        user=user,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=grant or Application.GRANT_CLIENT_CREDENTIALS,
        client_secret="s3cret-" + secrets.token_hex(8),
        redirect_uris="https://app.example/callback",
    )
    ApiClientScopes.objects.create(application=application, scopes=scopes)
    return application


def access_token(*, user=None, scopes: str = "", application=None, **client_fields) -> AccessToken:
    application = application or client_register(user=None, scopes=scopes, **client_fields)
    raw = secrets.token_urlsafe(24)
    token = AccessToken.objects.create(
        user=user, application=application, token=raw, scope=scopes, expires=timezone.now() + timedelta(hours=1)
    )
    token.raw = raw
    return token
