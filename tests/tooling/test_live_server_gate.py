"""The live server's gate (tests/live_server.py): a request outside a test never reaches the database shared with
the test thread, and closing the gate waits for the request in flight."""

import threading
import urllib.error
import urllib.request

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.live_server import Gate


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_request_between_tests_is_refused_without_touching_the_database(live_server):
    # Given the gate as a test's teardown leaves it
    live_server.gate.close()
    try:
        # When a late request arrives (a beacon of a page closed at the end of the test)
        with CaptureQueriesContext(connection) as queries:
            status = _status(f"{live_server.url}/healthz")
        # Then it is refused, and ran no query on the connection the test thread shares
        assert status == 503
        assert len(queries) == 0
    finally:
        live_server.gate.open()


def test_during_a_test_the_request_reaches_the_site(live_server):
    # Given the gate a test that asked for the live server finds open
    assert live_server.gate.is_open
    # When the browser asks for a page, Then the site answers it
    assert _status(f"{live_server.url}/healthz") == 200


def test_closing_the_gate_waits_for_the_request_in_flight():
    # Given a request that is being answered
    entered, release = threading.Event(), threading.Event()

    def slow(environ, start_response):
        entered.set()
        release.wait(10)
        start_response("200 OK", [])
        return [b"done"]

    gate = Gate(slow)
    gate.open()
    request = threading.Thread(target=lambda: gate({}, lambda *args: None))
    request.start()
    assert entered.wait(10)
    # When the test ends and closes the gate
    closed = threading.Event()
    closer = threading.Thread(target=lambda: (gate.close(), closed.set()))
    closer.start()
    # Then the close waits until that request has finished
    assert not closed.wait(0.3)
    release.set()
    assert closed.wait(10)
    request.join(10)
    closer.join(10)
    assert not gate.is_open
