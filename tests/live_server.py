"""The live server the browser tests drive, safe to run beside the rest of the suite on SQLite.

On the SQLite leg the test database lives in memory, so the live server's threads and the test thread share one
connection *object* (pytest-django hands it over; a second connection would see another, empty database). That
object's transaction state (``in_atomic_block``, savepoints, the after-commit callbacks) is plain Python state with
no lock. A request the browser sends while the test thread is also inside the connection — a beacon sent when a page
is closed, a timer of a page a test left open, a request that arrives as the next test begins — can leave that state
corrupted: the connection then believes it is inside a transaction for the rest of the run, and no after-commit
callback ever fires again (a certificate is never rendered, a cache token is never bumped).

So the server's application sits behind a :class:`Gate`:

- it is open only while a test that asked for the live server runs (``_live_server_gate`` in ``tests/conftest.py``);
  between tests and after the browser tests a request is answered ``503`` without touching the database;
- it lets one request in at a time (the shared connection is not safe for two), and reads the whole response while
  holding its lock, so that a response that reads the database while it streams does so inside it too;
- closing it waits for the request in flight, so that the database is never flushed under a running request.
"""

from __future__ import annotations

import os
import threading

from pytest_django.live_server_helper import LiveServer


class Gate:
    """A WSGI application that passes requests to ``app`` one at a time, and only while open."""

    def __init__(self, app=None) -> None:
        self.app = app
        self._lock = threading.Lock()
        self._open = False

    def __call__(self, environ, start_response):
        with self._lock:
            if not self._open:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain"), ("Retry-After", "1")])
                return [b"The test live server is between tests."]
            response = self.app(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                close = getattr(response, "close", None)
                if close is not None:
                    close()
            return [body]

    def open(self) -> None:
        with self._lock:
            self._open = True

    def close(self) -> None:
        """Refuse requests from now on, once the one in flight (if any) has finished."""
        with self._lock:
            self._open = False

    @property
    def is_open(self) -> bool:
        return self._open


def live_server_started(addr: str | None = None) -> LiveServer:
    """pytest-django's live server, its application behind a closed :class:`Gate` (``server.gate``)."""
    from django.conf import settings

    if "django.contrib.staticfiles" in settings.INSTALLED_APPS:
        from django.contrib.staticfiles.handlers import StaticFilesHandler as static_handler
    else:
        from django.test.testcases import _StaticFilesHandler as static_handler

    gate = Gate()

    def gated(app):
        gate.app = static_handler(app)
        return gate

    server = LiveServer(addr or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost", start=False)
    server.thread.static_handler = gated
    server.gate = gate
    server.start()
    return server
