"""Tasks a test sent to a real Celery worker settle before the test's database is flushed.

On the PostgreSQL + Redis leg, a test that commits (``transaction=True``, a live server) hands its after-commit tasks
to the real worker. Without waiting, the worker can still be reading while pytest-django truncates every table at
teardown, and PostgreSQL kills one of the two as a deadlock: the test errors although nothing it checked was wrong.
``pytest_runtest_teardown`` in ``tests/conftest.py`` waits here for what the test published, before the flush.
"""

import threading
import time

from celery import current_app
from celery.signals import after_task_publish

_lock = threading.Lock()
_published: list[str] = []


@after_task_publish.connect(weak=False)
def _remember_published(sender=None, headers=None, **kwargs) -> None:
    task_id = (headers or {}).get("id")
    if task_id:
        with _lock:
            _published.append(task_id)


def published_task_ids() -> list[str]:
    """The ids of the tasks published since the last ``published_tasks_forget()``."""
    with _lock:
        return list(_published)


def published_tasks_forget() -> None:
    with _lock:
        _published.clear()


def published_tasks_settle(*, timeout: float = 30.0) -> list[str]:
    """Wait until every task published since the last call has finished on the worker; revoke what is still
    pending after ``timeout`` seconds (a task waiting to retry), so that it never runs on a flushed database.
    Returns the ids that did not finish. Does nothing when tasks run in process (eager)."""
    ids = published_task_ids()
    published_tasks_forget()
    if not ids or current_app.conf.task_always_eager:
        return []
    pending = set(ids)
    deadline = time.monotonic() + timeout
    while pending and time.monotonic() < deadline:
        pending = {task_id for task_id in pending if not current_app.AsyncResult(task_id).ready()}
        if pending:
            time.sleep(0.05)
    if pending:
        current_app.control.revoke(sorted(pending))
    return sorted(pending)
