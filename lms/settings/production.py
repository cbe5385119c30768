"""Production: PostgreSQL, Redis (broker, cache, sessions), Celery workers, gunicorn behind a proxy.

Refuses to start without DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, a PostgreSQL DATABASE_URL and KOMPETEN_FIELD_KEY
(the key of personal data encrypted at rest, not the secret key), and passes ``manage.py check --deploy`` with no
warning.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_int, env_list, env_str

_missing = [name for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL") if not env_str(name)]
if _missing:
    raise ImproperlyConfigured(f"Production settings need these environment variables: {', '.join(_missing)}.")
if not env_str("DATABASE_URL").startswith(("postgres://", "postgresql://", "pgsql://")):
    raise ImproperlyConfigured("Production settings need a PostgreSQL DATABASE_URL (postgres://...).")
# National ID numbers are encrypted with this key: losing it loses them, so it is never derived from the secret key.
if not env_str("KOMPETEN_FIELD_KEY"):
    raise ImproperlyConfigured("Production settings need the environment variable KOMPETEN_FIELD_KEY.")
if env_str("KOMPETEN_FIELD_KEY") == env_str("DJANGO_SECRET_KEY"):
    raise ImproperlyConfigured("KOMPETEN_FIELD_KEY must differ from DJANGO_SECRET_KEY.")

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    **STORAGES,  # default and private, from base
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# OAuth 2.0 redirect addresses: https, or the phone app's own scheme — never plain http (RFC 9700 §2.1).
OAUTH2_PROVIDER = {
    **OAUTH2_PROVIDER,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https", "id.kompeten.app"],
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_SCHEME": True,
}
