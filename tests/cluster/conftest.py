"""The cluster test (``make cluster-test``): a whole installation on one machine — two app nodes, a worker and beat,
nginx, PostgreSQL, Redis and an object store — started once for the session from ``deploy/`` (``harness.py``).

Marked ``cluster`` and skipped unless ``KOMPETEN_CLUSTER_TEST=1`` (the Makefile target sets it): the normal suite
never starts it. Needs PostgreSQL (``DATABASE_URL``'s server; the cluster makes a database of its own next to it),
Redis (``REDIS_URL``, ``CELERY_BROKER_URL``, flushed), nginx and openssl.
"""

import os

import pytest

from tests.cluster.harness import cluster_from_environment

ENABLED = os.environ.get("KOMPETEN_CLUSTER_TEST") == "1"


def pytest_collection_modifyitems(config, items):
    if ENABLED:
        return
    skip = pytest.mark.skip(reason="the cluster test runs with make cluster-test (KOMPETEN_CLUSTER_TEST=1)")
    for item in items:
        if item.get_closest_marker("cluster"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def cluster(request):
    """The running cluster and the data the checks share (``tests/cluster/seed.py``). When anything failed, the
    processes' logs are printed and the run's folder (logs, rendered nginx configuration) is kept."""
    running = cluster_from_environment()
    failed = True
    try:
        running.start()
        running.world = running.run("tests.cluster.seed")
        yield running
        failed = bool(request.session.testsfailed)
    finally:
        if failed:
            print(f"cluster: logs and configuration kept in {running.folder}\n{running.logs()}")
        running.stop(keep_folder=failed)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The cluster's cache is the nodes' own, shared across the checks: never cleared by the test process."""
    yield
