"""Tests against a real S3-compatible server (``tests.object_store.MotoServer``), on any leg.

A module marked ``object_store`` gets its own ``moto_server`` on a free port and a fresh bucket per test; the
``default`` and ``private`` storages point at it exactly as ``lms.settings.base.object_storages`` builds them from the
environment, and every FileField whose storage is a callable (``private_storage``) is bound to the new storage.
"""

import uuid

import pytest
from django.apps import apps

from lms.settings.base import object_storages
from tests.object_store import MotoServer


def pytest_configure(config):
    config.addinivalue_line("markers", "object_store: runs against its own moto_server (a local S3-compatible server)")


@pytest.fixture(scope="module")
def moto_server():
    server = MotoServer()
    server.start()
    yield server
    server.stop()


def _storage_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if getattr(field, "_storage_callable", None) is not None:
                yield field


@pytest.fixture
def object_store(moto_server, settings, monkeypatch):
    """The site's media and private storages in a fresh bucket of ``moto_server``; yields the server."""
    if moto_server.process is None:  # a fault test stopped it: a new, empty server on the same port
        moto_server.start()
    bucket = f"kompeten-{uuid.uuid4().hex[:12]}"
    moto_server.create_bucket(bucket)
    for name, value in moto_server.environment(bucket).items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, **object_storages()}
    for field in _storage_fields():
        monkeypatch.setattr(field, "storage", field._storage_callable())
    moto_server.bucket = bucket
    yield moto_server
