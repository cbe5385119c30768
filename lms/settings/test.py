"""Test settings: the embedded default, or PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env_str, object_storages

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or "test-only-insecure-key-kompeten-not-secret-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Files in a bucket when KOMPETEN_S3_BUCKET is set (.ci/run's PostgreSQL leg, against a local moto_server).
    **object_storages(),
}
ALLOWED_HOSTS = ["*"]
# Sessions in the database on both legs, so that pinned query counts mean the same on SQLite and on
# PostgreSQL + Redis (production reads them from Redis: cached_db).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Test issuers' keys, shared by pytest and the Celery worker of the PostgreSQL leg (never used elsewhere).
KOMPETEN_CERTIFICATE_KEYS_DIR = str(BASE_DIR / "var" / "test-keys")

# Two-step verification optional, so that tests of other features need not enter codes; the accounts tests
# (tests/lms/security/test_two_factor.py) turn the requirement on, and check base.py's default.
KOMPETEN_TWO_FACTOR_REQUIRED_ROLES: list[str] = []

# Static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
