"""The Celery application. Tasks live in each app's ``tasks.py`` and are discovered from INSTALLED_APPS.

With no ``CELERY_BROKER_URL`` the settings turn on eager mode: tasks run in-process, on commit, as in tests.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
