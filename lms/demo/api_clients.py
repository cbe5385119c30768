"""The demo's API clients (docs/api.md): a partner system with client credentials, and the phone app."""

from django.contrib.auth import get_user_model
from oauth2_provider.models import get_application_model

from lms.models import ApiClientScopes

PARTNER_CLIENT_ID = "kompeten-demo-partner"
PARTNER_CLIENT_SECRET = "kompeten-demo-partner-secret"
PARTNER_SCOPES = "catalogue:read certificates:verify vacancies:read vacancies:write placements:read"
APP_CLIENT_ID = "kompeten-demo-app"
APP_SCOPES = (
    "catalogue:read learning:read learning:write certificates:read vacancies:read applications:read applications:write"
    " events:read training:read"
)
APP_REDIRECT_URI = "id.kompeten.app:/oauth/callback http://127.0.0.1:8000/oauth/callback"


def demo_api_clients_load(*, partner_username: str | None = None) -> list:
    """Register (or reset) the two demo clients; the partner acts for ``partner_username`` (the demo employer)."""
    Application = get_application_model()
    partner_user = get_user_model().objects.filter(username=partner_username).first() if partner_username else None
    partner = Application.objects.filter(client_id=PARTNER_CLIENT_ID).first() or Application(
        client_id=PARTNER_CLIENT_ID
    )
    partner.name = "Demo partner (HR system)"
    partner.user = partner_user
    partner.client_type = Application.CLIENT_CONFIDENTIAL
    partner.authorization_grant_type = Application.GRANT_CLIENT_CREDENTIALS
    partner.client_secret = PARTNER_CLIENT_SECRET
    partner.hash_client_secret = True
    partner.save()
    app = Application.objects.filter(client_id=APP_CLIENT_ID).first() or Application(client_id=APP_CLIENT_ID)
    app.name = "Kompeten phone app (demo)"
    app.client_type = Application.CLIENT_PUBLIC
    app.authorization_grant_type = Application.GRANT_AUTHORIZATION_CODE
    app.redirect_uris = APP_REDIRECT_URI
    app.client_secret = ""
    app.save()
    for client, scopes in ((partner, PARTNER_SCOPES), (app, APP_SCOPES)):
        ApiClientScopes.objects.update_or_create(application=client, defaults={"scopes": scopes})
    return [partner, app]
