"""Fixtures shared by every test; nothing here may import ``lms`` (the plugin-host leg runs without it)."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import UserFactory


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
