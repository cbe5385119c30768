"""Benchmark settings of the embedded default: SQLite (WAL), local-memory cache, eager Celery, plus the floor app.

``bench/run.py`` sets SQLITE_PATH and DJANGO_SECRET_KEY and clears DATABASE_URL, REDIS_URL and CELERY_BROKER_URL.
"""

from lms.settings.base import *  # noqa: F403

DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "bench.floor"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
