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
    (``tests/worker_tasks.py`` says why). After it, the connection must be out of every transaction: one left inside
    would hold back every later test's after-commit callbacks, and the tests that fail then are not the culprit."""
    if _commits(item):
        published_tasks_settle()
    yield
    if _commits(item):
        from django.db import connection

        if connection.in_atomic_block:
            raise RuntimeError(
                f"{item.nodeid} left the database connection inside a transaction (a live-server request that ran "
                "beside the test? see tests/live_server.py)"
            )


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server behind a gate that lets requests in only while a test that asked for it runs,
    one at a time (``tests/live_server.py`` says why)."""
    from tests.live_server import live_server_started

    server = live_server_started(request.config.getvalue("liveserver"))
    yield server
    server.gate.close()
    server.stop()


@pytest.fixture(autouse=True)
def _live_server_gate(request):
    """The live server takes requests during this test only; its teardown waits for the request in flight, and
    comes before the database is flushed."""
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")
    gate = request.getfixturevalue("live_server").gate
    gate.open()
    yield
    gate.close()


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
