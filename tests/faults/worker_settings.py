"""Settings of the Celery worker a fault test starts: the test settings, plus two things the test needs to see.

- Files go to disk under ``KOMPETEN_FAULTS_MEDIA_ROOT`` (not the per-process in-memory storage), so the test can
  count the PDFs a render left behind, including any left by a worker it killed.
- Each task logs a line with the pool process's id when it starts, so the test knows when, and what, to kill.
"""

import logging
import os

from celery.signals import task_prerun

from lms.settings.test import *  # noqa: F403
from lms.settings.test import STORAGES

MEDIA_ROOT = os.environ["KOMPETEN_FAULTS_MEDIA_ROOT"]
_ON_DISK = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}}
STORAGES = {alias: config if alias == "staticfiles" else _ON_DISK for alias, config in STORAGES.items()}


@task_prerun.connect(weak=False)
def _announce_start(task_id=None, task=None, **_kwargs):
    logging.getLogger("faults").warning("faults: task started %s[%s] pid=%s", task.name, task_id, os.getpid())
