"""Who may call the JSON API: who an OAuth token acts for, and which scopes a client may ask for.

Named by ``REST_FRAMEWORK`` and ``OAUTH2_PROVIDER`` in the settings (so it imports no DRF view: DRF reads those
settings while its views load).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import SuspiciousOperation
from django.utils.translation import gettext_lazy as _
from oauth2_provider.contrib.rest_framework import OAuth2Authentication
from oauth2_provider.scopes import BaseScopes
from rest_framework import exceptions

from courses.api.scopes import SCOPES
from lms import selectors


class TokenAuthentication(OAuth2Authentication):
    """A bearer token, checked against the database on every request (a revoked token or a deleted client is
    refused at once). A token from the client-credentials grant acts for the user staff registered the client to
    (an employer's member, say), or for no one; its scopes limit it either way."""

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header.lower().startswith("bearer "):
            return None
        try:
            result = super().authenticate(request)
        except (ValueError, SuspiciousOperation):  # a token oauthlib cannot even read is a bad token, never a 500
            result = None
        if result is None:
            raise exceptions.AuthenticationFailed(_("The access token is not valid, has expired or was revoked."))
        user, token = result
        if user is None:
            user = token.application.user if token.application_id and token.application.user_id else None
        return (user or AnonymousUser()), token


class ClientScopes(BaseScopes):
    """Every scope of the API exists; a client may ask only for those staff granted it (``ApiClientScopes``)."""

    def get_all_scopes(self):
        return {name: str(text) for name, text in SCOPES.items()}

    def get_available_scopes(self, application=None, request=None, *args, **kwargs):
        if application is None:
            return list(SCOPES)
        return selectors.api_client_scopes(application=application)

    def get_default_scopes(self, application=None, request=None, *args, **kwargs):
        available = self.get_available_scopes(application=application, request=request)
        return [scope for scope in ("catalogue:read",) if scope in available] or available[:1]
