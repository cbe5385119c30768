"""Fault tests: Redis dies, a Celery worker is killed mid-task, PostgreSQL restarts — and nothing is lost.

Those that need real services (marked ``faults``) run on the PostgreSQL + Redis leg of .ci/run (``DATABASE_URL`` is
PostgreSQL and ``CELERY_BROKER_URL`` is set) and are skipped on the embedded default. Each starts the processes it
breaks — its own ``redis-server``, PostgreSQL cluster, Celery worker and site — on free ports, and stops them; the
machine's services are never touched. Process helpers live in ``tests/faults/processes.py``.
"""

import shutil

import pytest

from tests.faults import processes


def pytest_configure(config):
    config.addinivalue_line("markers", "faults: starts and breaks its own Redis, PostgreSQL or Celery worker")


@pytest.fixture
def scratch(request):
    """A private temporary folder, removed after the test."""
    folder = processes.scratch_dir(request.node.name[:40])
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def redis_server(scratch):
    """A ``redis-server`` of this test's own, started; stopped after the test whatever state it was left in."""
    server = processes.RedisServer(scratch / "redis")
    server.folder.mkdir()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def postgres_cluster(scratch):
    """A PostgreSQL cluster of this test's own, made with initdb and started; stopped and removed after the test."""
    folder = scratch / "postgres"
    folder.mkdir()
    cluster = processes.PostgresCluster(folder)
    cluster.init()
    cluster.start()
    yield cluster
    cluster.close()
