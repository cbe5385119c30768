"""Races that only a real database shows: run callables at the same moment, each in its own thread and connection."""

import threading

import pytest
from django.db import connection, connections

#: Mark for tests that need concurrent transactions (the PostgreSQL leg; skipped on SQLite).
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: concurrent transactions"
)


def race(workers, *, timeout: float = 60.0) -> list:
    """Run each callable in its own thread at the same instant; return their results in order, or raise the
    first error one of them raised."""
    barrier = threading.Barrier(len(workers))
    results, errors = [None] * len(workers), []

    def run(index, work):
        try:
            barrier.wait()
            results[index] = work()
        except Exception as error:  # collected and re-raised below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, w)) for i, w in enumerate(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    if errors:
        raise errors[0]
    return results
