"""Fixtures shared by every test; nothing here may import ``lms`` (the plugin-host leg runs without it)."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import UserFactory
from tests.worker_tasks import published_tasks_forget, published_tasks_settle

#: What a test that commits uses: its after-commit tasks reach a real worker on the PostgreSQL leg.
_COMMITTING_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def _commits(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool(_COMMITTING_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_runtest_setup(item):
    published_tasks_forget()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Before pytest-django flushes a committing test's database, the tasks the test sent to a real worker finish
    (``tests/worker_tasks.py`` says why)."""
    if _commits(item):
        published_tasks_settle()
    yield


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def client_logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def user_model():
    return get_user_model()


@pytest.fixture
def tasks_run_in_process():
    """Run Celery tasks in this process, for tests that inspect what a task did here (mail.outbox).

    The broker path itself is proven by the tests marked ``celery_worker`` against a real worker.
    """
    from celery import current_app

    saved = current_app.conf.task_always_eager
    current_app.conf.task_always_eager = True
    yield
    current_app.conf.task_always_eager = saved


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so that query counts do not depend on test order."""
    from django.core.cache import cache

    cache.clear()
    yield
