"""Benchmark settings: production on PostgreSQL + Redis, plus the floor app, over plain HTTP on 127.0.0.1.

``bench/run.py`` sets DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL, REDIS_URL and CELERY_BROKER_URL.
The only differences from production: no TLS (no redirect, no secure cookies), plain static storage (static
files are not part of the benchmark) and the floor view's URL.
"""

from lms.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench.floor"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Static files are not requested by the benchmark: plain storage, so that no collectstatic is needed (a manifest
# lookup per {% static %} is all production adds to a page).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
