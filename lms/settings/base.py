"""Settings shared by every environment, read from the environment.

The embedded default needs no service: SQLite in WAL mode, eager Celery, a local-memory cache and console
e-mail. Setting ``DATABASE_URL``, ``REDIS_URL`` and ``CELERY_BROKER_URL`` switches to the real parts.
Every variable is documented in ``.env.example``.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from botocore.config import Config as BotoConfig
from csp import constants as csp_constants
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    return int(value) if value else default


SECRET_KEY = env_str("DJANGO_SECRET_KEY")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Addresses of our own reverse proxies (e.g. 127.0.0.1 when nginx runs on the same machine).
KOMPETEN_TRUSTED_PROXIES = env_list("KOMPETEN_TRUSTED_PROXIES")

INSTALLED_APPS = [
    "lms",
    "placement",
    "certificates",
    "assessments",
    "courses",
    "kompeten_core",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.wagtail_admin.users_app.WagtailUsersConfig",  # wagtail.users, its groups shown by their translated names
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # The JSON API (/api/v1/): Django REST framework, its OpenAPI schema, and OAuth 2.0 for apps and partners.
    "rest_framework",
    "drf_spectacular",
    "oauth2_provider",
    # Accounts and headers (host only; the plugins need none of these): login lockout, TOTP for staff, CSP.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # The client's address from X-Forwarded-For, only when the peer is one of our proxies (KOMPETEN_TRUSTED_PROXIES).
    "lms.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy on every response, with a per-request nonce; relaxed for the admins.
    "lms.security.security_headers.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(); then staff with a TOTP device enter their code before anything else.
    "django_otp.middleware.OTPMiddleware",
    "lms.security.two_factor.TwoFactorMiddleware",
    # The client's address for the audit trail (kompeten_core.audit).
    "kompeten_core.middleware.AuditContextMiddleware",
    "lms.middleware.UserLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Public pages for anonymous visitors from the cache, with ETag and Last-Modified (kompeten_core.page_cache).
    "kompeten_core.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A page found from the cache by its URL path, not slug by slug down the tree (courses.middleware, issue #20).
    "courses.middleware.PageRouteMiddleware",
    # A word where a third-party view queries an id (Wagtail's choosers, taggit's merge): 400, not 500.
    "lms.middleware.MalformedQueryValueMiddleware",
    # An object store that is down fails only what needs a file: 503 and a translated page, not 500.
    "lms.middleware.StorageUnavailableMiddleware",
    # Last: turns a login refused by django-axes into the lockout page (429).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kompeten_core.context_processors.kompeten",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------------
# DATABASE_URL selects PostgreSQL (postgres://...). Without it, an SQLite file in WAL mode, so that a
# reader never waits for a writer and an autosave never fails on "database is locked".
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # A Redis that is down is a logged cache miss, never a server error (lms/cache.py); the short socket
            # timeouts make one that does not answer cost a request milliseconds, not seconds.
            "BACKEND": "lms.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "kompeten"),
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    # Sessions are read from Redis and written through to the database, so a Redis restart logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "kompeten"}}

# --- Celery ---------------------------------------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or (REDIS_URL or None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Jakarta"
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# With acks_late, a task whose whole worker died (SIGKILL, OOM, lost machine) stays unacknowledged in Redis and is
# handed to another worker once this many seconds have passed since it was taken: keep it above the longest task.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)}
CELERY_BEAT_SCHEDULE: dict = {
    # Scheduled publishing of pages (drafts with a "go live" or "expiry" date), checked every minute.
    "pages-publish-scheduled": {"task": "lms.tasks.pages_publish_scheduled", "schedule": 60.0},
    # Exam attempts whose deadline passed are closed and graded even if nobody opens them again.
    "attempts-close-expired": {"task": "assessments.tasks.attempts_close_expired", "schedule": 60.0},
    # Certificates a lost task should have issued or rendered (broker down at the wrong moment), every 5 minutes.
    "certificates-catch-up": {"task": "certificates.tasks.certificates_catch_up", "schedule": 300.0},
    # Tasks stored in the outbox that the broker did not take (it was down when their transaction committed).
    "outbox-relay": {"task": "courses.tasks.outbox_relay", "schedule": 60.0},
    # xAPI statements the external LRS has not accepted yet (it was down), every 5 minutes; nothing without an LRS.
    "xapi-forward-pending": {"task": "courses.xapi_forward_pending", "schedule": 300.0},
    # The tracer study: surveys due 3, 6 and 12 months after a batch ends are created and sent, one reminder; daily.
    "placement-tracer": {"task": "placement.tasks_tracer.tracer_run", "schedule": 86400.0},
}

# --- Users ----------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "lms.User"
# One backend: e-mail or username, and django-axes' lockout check before the password is looked at.
AUTHENTICATION_BACKENDS = ["lms.accounts.auth_backends.EmailOrUsernameBackend"]
LOGIN_URL = "lms:login"
LOGIN_REDIRECT_URL = "lms:dashboard"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("username", "full_name", "email")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Login lockout (django-axes) ------------------------------------------------------------------------
# Five failed logins lock the account *at that address* for 15 minutes; fifty from one address lock the address
# for every account; an account failing from many addresses is slowed down (a doubling delay, at most a minute),
# not locked. A try refused while locked is not counted: it does not start the 15 minutes again (lms.security.lockout).
# Attempts are counted per account: e-mail and username count as one (lms.security.lockout.axes_username).
# Unlock (audited): the admin's "Locked logins" report, or `manage.py axes_reset_username USERNAME` /
# `axes_reset_ip ADDRESS`.
# The client address is REMOTE_ADDR (behind our own proxies, taken from X-Forwarded-For by
# lms.middleware.TrustedProxyMiddleware).
AXES_ENABLED = True
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "lms.security.lockout.LockoutHandler"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
KOMPETEN_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("KOMPETEN_LOGIN_ADDRESS_FAILURE_LIMIT", 50)
# From this many failures of one account (any address, within the cool-off) each try waits 1 s, 2 s, 4 s ...
KOMPETEN_LOGIN_ACCOUNT_THROTTLE = env_int("KOMPETEN_LOGIN_ACCOUNT_THROTTLE", 10)
KOMPETEN_LOGIN_THROTTLE_MAX_SECONDS = env_int("KOMPETEN_LOGIN_THROTTLE_MAX_SECONDS", 60)
AXES_USERNAME_CALLABLE = "lms.security.lockout.axes_username"
AXES_LOCKOUT_CALLABLE = "lms.security.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Failed attempts are kept only until they expire; no log of every successful login (data minimisation).
AXES_DISABLE_ACCESS_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password"]
AXES_VERBOSE = False  # no banner on every start; lockouts are still logged (WARNING, logger "axes")

# --- Rate limits (per client address, in the cache: Redis in production) ------------------------------------
# (requests, seconds): POSTs to sign-up and to password reset. Certificate look-up and the PDF check have theirs
# in the certificates plugin (KOMPETEN_LOOKUP_RATE, KOMPETEN_PDF_CHECK_RATE).
LMS_RATE_SIGNUP = (env_int("LMS_RATE_SIGNUP", 10), 3600)
LMS_RATE_PASSWORD_RESET = (env_int("LMS_RATE_PASSWORD_RESET", 5), 3600)

# --- Two-step verification (django-otp, TOTP) for staff -------------------------------------------------
OTP_TOTP_ISSUER = "Kompeten"
# The Django admin never shows a device's secret (its "configuration" and QR-code pages answer 403): each person
# sets up their own device on the site's two-step pages. (Those admin pages also crashed on an unknown device id.)
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Roles (group names; superusers count as Administrator) who must set it up before reaching any page, and may not
# turn it off: those who issue and revoke certificates, sign assessment decisions, decide certification and run the
# site. Empty: optional.
KOMPETEN_TWO_FACTOR_REQUIRED_ROLES = env_list(
    "KOMPETEN_TWO_FACTOR_REQUIRED_ROLES", "Certification admin,Assessor,Certification committee,Administrator"
)

# --- Cookies and security headers (every environment; production adds Secure and HSTS) -----------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Legacy browsers' frame protection. Wagtail's preview views answer SAMEORIGIN themselves; browsers that know CSP
# follow its frame-ancestors 'self' below.
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp 4): our own origin only, scripts by origin or nonce, no inline <style>
# elements, no plugins, no foreign forms or framing. Inline style *attributes* stay allowed (style-src-attr):
# templates draw data-driven widths and colours with them (progress bars, track colours); they run no script,
# and any url() they hold is still held to img-src 'self'. /admin/ and /django-admin/ get a relaxed policy
# (lms/security/security_headers.py) because Wagtail's admin uses inline scripts and styles.
# frame-src: lesson videos may embed a YouTube or Vimeo player (courses.blocks.VideoBlock) — frames only, never
# their scripts; CSP_FRAME_SRC="" removes them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp_constants.SELF],
        "script-src": [csp_constants.SELF, csp_constants.NONCE],
        "style-src": [csp_constants.SELF, csp_constants.NONCE],
        "style-src-elem": [csp_constants.SELF, csp_constants.NONCE],
        "style-src-attr": [csp_constants.UNSAFE_INLINE],
        "img-src": [csp_constants.SELF],
        "font-src": [csp_constants.SELF],
        "connect-src": [csp_constants.SELF],
        "media-src": [csp_constants.SELF],
        "frame-src": [
            csp_constants.SELF,
            *env_list(
                "CSP_FRAME_SRC", "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com"
            ),
        ],
        "object-src": [csp_constants.NONE],
        "base-uri": [csp_constants.SELF],
        "form-action": [csp_constants.SELF],
        "frame-ancestors": [csp_constants.SELF],
    }
}

# --- Languages ------------------------------------------------------------------------------------------
# Bahasa Indonesia first. The language is the user's choice (profile, then session, then cookie), never
# the browser's Accept-Language header: see lms.middleware.UserLocaleMiddleware.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
# The second holds Indonesian for Wagtail's own words its id_ID catalogues lack (django and djangojs domains): it
# wins over Wagtail's catalogues, ours win over it. Kept by hand; scripts/compile_messages.py compiles it.
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "locale_wagtail"]
LANGUAGE_COOKIE_NAME = "kompeten_language"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Wagtail ships its Indonesian catalogue as id_ID: the admin language is kept in step with the user's choice.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id-id", "Bahasa Indonesia"), ("en", "English")]

# --- Static and media -----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Private files (exam uploads, portfolio evidence, reports, certificate PDFs) live outside MEDIA_ROOT: no web
# server serves them by URL; permission-checked views hand them out (kompeten_core.private_files).
PRIVATE_ROOT = Path(env_str("PRIVATE_ROOT", str(BASE_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_ROOT), "base_url": "/private-files-are-never-served-by-url/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def object_storages() -> dict:
    """The media (``default``) and ``private`` storages in an S3-compatible object store, when ``KOMPETEN_S3_BUCKET``
    names a bucket; ``{}`` otherwise (local folders, the embedded default). Any provider speaking the S3 protocol
    (the ministry's own, an Indonesian cloud, MinIO or Ceph) works: ``KOMPETEN_S3_ENDPOINT_URL`` points at it.

    No object is ever made public by the site (no ACL is sent): private files go under ``private/`` (or their own
    bucket, ``KOMPETEN_S3_PRIVATE_BUCKET``) and are reached only through a permission-checked view, which streams them
    or redirects to a signed URL valid ``KOMPETEN_PRIVATE_SIGNED_URL_SECONDS``. Media URLs are signed too unless
    ``KOMPETEN_S3_MEDIA_PUBLIC`` says the bucket's policy lets anyone read ``media/`` (then optionally from
    ``KOMPETEN_S3_MEDIA_DOMAIN``, a CDN or the bucket's public host). Timeouts are short, so that an object store that
    is down fails an upload quickly with a clear message (``lms.middleware.StorageUnavailableMiddleware``).
    """
    bucket = env_str("KOMPETEN_S3_BUCKET")
    if not bucket:
        return {}
    endpoint = env_str("KOMPETEN_S3_ENDPOINT_URL") or None
    common = {
        "endpoint_url": endpoint,
        "region_name": env_str("KOMPETEN_S3_REGION") or None,
        "access_key": env_str("KOMPETEN_S3_ACCESS_KEY_ID") or None,
        "secret_key": env_str("KOMPETEN_S3_SECRET_ACCESS_KEY") or None,
        "default_acl": None,
        "file_overwrite": False,  # like a local folder: a name already taken gets a suffix, nothing is replaced
        "client_config": BotoConfig(
            # Self-hosted stores (MinIO, Ceph, moto) answer on one host: path-style addresses, unless told otherwise.
            s3={"addressing_style": env_str("KOMPETEN_S3_ADDRESSING_STYLE") or ("path" if endpoint else "auto")},
            signature_version="s3v4",
            connect_timeout=env_int("KOMPETEN_S3_CONNECT_TIMEOUT", 5),
            read_timeout=env_int("KOMPETEN_S3_READ_TIMEOUT", 30),
            retries={"max_attempts": env_int("KOMPETEN_S3_MAX_ATTEMPTS", 3), "mode": "standard"},
        ),
    }
    media_public = env_bool("KOMPETEN_S3_MEDIA_PUBLIC", False)
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": bucket,
                "location": "media",
                "querystring_auth": not media_public,
                "custom_domain": (env_str("KOMPETEN_S3_MEDIA_DOMAIN") or None) if media_public else None,
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": env_str("KOMPETEN_S3_PRIVATE_BUCKET") or bucket,
                "location": "private",
                "querystring_auth": True,
                "querystring_expire": env_int("KOMPETEN_PRIVATE_SIGNED_URL_SECONDS", 0) or 60,
            },
        },
    }


def object_store_media_origin() -> str | None:
    """Where pages load media from when they are in the object store (their URLs point at it): the origin the
    Content-Security-Policy must allow for images and video; None on local disk."""
    bucket = env_str("KOMPETEN_S3_BUCKET")
    if not bucket:
        return None
    domain = env_str("KOMPETEN_S3_MEDIA_DOMAIN")
    if env_bool("KOMPETEN_S3_MEDIA_PUBLIC", False) and domain:
        return f"https://{domain}"
    endpoint = env_str("KOMPETEN_S3_ENDPOINT_URL")
    if endpoint:
        parts = urlsplit(endpoint)
        if env_str("KOMPETEN_S3_ADDRESSING_STYLE") == "virtual":
            return f"{parts.scheme}://{bucket}.{parts.netloc}"
        return f"{parts.scheme}://{parts.netloc}"
    region = env_str("KOMPETEN_S3_REGION")
    return f"https://{bucket}.s3.{region}.amazonaws.com" if region else f"https://{bucket}.s3.amazonaws.com"


STORAGES = {**STORAGES, **object_storages()}
if _media_origin := object_store_media_origin():
    for _directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive].append(_media_origin)
KOMPETEN_PRIVATE_STORAGE = "private"
# Private files in the object store: 0 streams them through the permission-checked view; N > 0 redirects to a signed
# URL of the object valid N seconds (Content-Disposition: attachment asked of the store), sparing the app servers.
KOMPETEN_PRIVATE_SIGNED_URL_SECONDS = env_int("KOMPETEN_PRIVATE_SIGNED_URL_SECONDS", 0)
# nginx: `location /_private/ { internal; alias <PRIVATE_ROOT>/; }` and KOMPETEN_PRIVATE_ACCEL_PREFIX=/_private/
KOMPETEN_PRIVATE_ACCEL_PREFIX = env_str("KOMPETEN_PRIVATE_ACCEL_PREFIX")
# xAPI: the external Learning Record Store the statements go to ("" keeps them here only), docs/scorm-xapi.md.
KOMPETEN_XAPI_LRS_ENDPOINT = env_str("KOMPETEN_XAPI_LRS_ENDPOINT")
KOMPETEN_XAPI_LRS_USERNAME = env_str("KOMPETEN_XAPI_LRS_USERNAME")
KOMPETEN_XAPI_LRS_PASSWORD = env_str("KOMPETEN_XAPI_LRS_PASSWORD")
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The JSON API under /api/v1/ (docs/api.md). Each plugin's api/ package holds its views; the shared pieces
# (problem-details errors, scopes, rate limits, body limits, cursor pages) are in courses/api/framework.py, and
# their limits are KOMPETEN_API_* settings (courses/conf.py).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "lms.api.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["courses.api.framework.ScopePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["courses.api.framework.UserRateThrottle", "courses.api.framework.ClientRateThrottle"],
    "DEFAULT_PARSER_CLASSES": ["courses.api.framework.LimitedJSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "courses.api.framework.Cursor",
    "EXCEPTION_HANDLER": "courses.api.framework.problem_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kompeten API",
    "DESCRIPTION": "The JSON API of Kompeten for phone apps and partner systems. See docs/api.md.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["lms.api.schema_api_only"],
    "ENUM_NAME_OVERRIDES": {
        "EnrolmentStatusEnum": "courses.models.Enrolment.Status",
        "ApplicationStatusEnum": "placement.models.Application.Status",
        "VacancyStatusEnum": "placement.models.Vacancy.Status",
        "AttemptStateEnum": "assessments.models.Attempt.State",
    },
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "lms.api.schema_problems"],
}
# OAuth 2.0 (django-oauth-toolkit): authorization code with PKCE for the trainee's phone app, client credentials
# for partner systems. The scopes are the API's (courses.api.framework.SCOPES); each client may ask only for the
# scopes staff granted it (lms.models.ApiClientScopes, lms.api.auth.ClientScopes).
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER = {
    "SCOPES_BACKEND_CLASS": "lms.api.auth.ClientScopes",
    "PKCE_REQUIRED": True,
    "ACCESS_TOKEN_EXPIRE_SECONDS": env_int("KOMPETEN_API_TOKEN_SECONDS", 3600),
    "REFRESH_TOKEN_EXPIRE_SECONDS": 30 * 24 * 3600,
    "ROTATE_REFRESH_TOKEN": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https", "http", "id.kompeten.app"],
    # RFC 9700 (the OAuth 2.0 security best current practice): no implicit or password grant, S256 PKCE only, tokens
    # only in the Authorization header, `iss` in the authorization response, tokens stored hashed, a replayed refresh
    # token revokes its whole family. Production also refuses plain-http redirect addresses (settings.production).
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
}

# --- E-mail ---------------------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Kompeten <noreply@kompeten.local>")

# --- Wagtail --------------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kompeten"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # PostgreSQL full-text search with its Indonesian stemmer ("pelatihan" finds "latih").
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "indonesian"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip", "mp4", "webm"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024  # lesson videos are uploaded as documents
WAGTAIL_I18N_ENABLED = False
# No third-party requests from the admin: no Gravatar (it would send a hash of each e-mail address to a foreign
# service) and no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Draftail, with a posted value that is not its JSON read as empty instead of a 500 (courses.form_fields).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "courses.form_fields.CheckedDraftailRichTextArea"}}

# --- Kompeten plugins -----------------------------------------------------------------------------------
KOMPETEN_BASE_TEMPLATE = "base.html"
KOMPETEN_TRAINEE_CREATE = "lms.services.trainee_get_or_create"
KOMPETEN_SIGNUP_URL = "lms:signup"
# Signing off or countersigning an assessment decision asks again for the password, or for the two-step code.
KOMPETEN_REAUTHENTICATOR = "lms.security.reauthentication.PasswordOrCodeReauthenticator"
# A course is complete when its required lessons are done, its exams passed, and (in a batch with a timetable) the
# trainee attended at least KOMPETEN_ATTENDANCE_MIN_PERCENT of the lesson hours held.
KOMPETEN_COMPLETION_REQUIREMENTS = [
    "assessments.exams.services.completion.exams_passed",
    "courses.training.sessions.selectors.attendance_minimum_met",
]
# An LSP P1 issuer certifies only people who trained at its own institution (issue #18, item 8).
KOMPETEN_CANDIDACY_SCOPE_CHECKS = ["certificates.selectors.scope.candidacy_scope_refusals"]
KOMPETEN_SELECTION_TEST_SCORES = "assessments.exams.selectors.selection.selection_test_scores"
# What a trainee is offered once a course's lessons are done: its exams, the competency test, the certificate.
KOMPETEN_NEXT_STEPS = [
    "assessments.exams.selectors.attempts.next_steps_after_lessons",
    "certificates.selectors.holder.next_steps_after_course",
]
# Issuers' private keys: files under this folder (made by `manage.py certificates_keys` for the embedded default)
# or KOMPETEN_KEY_<CODE>_* environment variables in production. Never in the database.
KOMPETEN_CERTIFICATE_KEYS_DIR = env_str("KOMPETEN_CERTIFICATE_KEYS_DIR", str(BASE_DIR / "var" / "keys"))
# Public address printed in QR codes and credentials (defaults to WAGTAILADMIN_BASE_URL).
KOMPETEN_PUBLIC_BASE_URL = env_str("KOMPETEN_PUBLIC_BASE_URL") or None
# Key material for personal data encrypted at rest (national ID numbers: kompeten_core.encryption), comma-separated for
# rotation (the first encrypts). Required in production; elsewhere derived from SECRET_KEY when empty.
KOMPETEN_FIELD_KEY = env_str("KOMPETEN_FIELD_KEY")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
}
