"""Settings of the Celery worker the broker-outage test starts: the test settings, with each e-mail written to a file
under ``KOMPETEN_FAULTS_MAIL_DIR`` so that the test can count what the worker sent."""

import os

from lms.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["KOMPETEN_FAULTS_MAIL_DIR"]
