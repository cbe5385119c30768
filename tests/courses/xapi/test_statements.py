"""xAPI statements: stored with the actor as an account on our home page, forwarded to an LRS played by a real local
HTTP server (retries, an LRS that is down loses nothing), and read by the instructor's report."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from django.urls import reverse

from courses.outbox import outbox_relay
from courses.xapi import services
from courses.xapi.models import Statement
from courses.xapi.tasks import xapi_forward_pending
from kompeten_core.conf import public_base_url
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Lrs:
    """A Learning Record Store on 127.0.0.1: keeps what is PUT, answers 409 for an id it has, or is down."""

    def __init__(self):
        self.statements: dict[str, dict] = {}
        self.requests: list[dict] = []
        self.down = False
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def do_PUT(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                lrs.requests.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}})
                if lrs.down:
                    self.send_response(503)
                elif self.path.split("statementId=")[-1] in lrs.statements:
                    self.send_response(409)
                else:
                    lrs.statements[self.path.split("statementId=")[-1]] = json.loads(body)
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/xapi/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def lrs(tasks_run_in_process):
    server = Lrs()
    with override_settings(
        KOMPETEN_XAPI_LRS_ENDPOINT=server.url, KOMPETEN_XAPI_LRS_USERNAME="kunci", KOMPETEN_XAPI_LRS_PASSWORD="rahasia"
    ):
        yield server
    server.close()


def _record(user, **kwargs):
    return services.statement_record(
        user=user, verb=Statement.Verb.COMPLETED, kind="lesson", object_pk=7, object_name="Pelajaran 1", **kwargs
    )


def test_the_actor_is_an_account_on_our_home_page_never_an_email():
    user = UserFactory(email="dewi@example.com")
    statement = _record(user, result=services.result_of(score_scaled=0.8, success=True))
    assert statement.data["actor"] == {
        "objectType": "Agent",
        "account": {
            "homePage": public_base_url(),
            "name": str(user.pk),
        },
    }
    assert "dewi" not in json.dumps(statement.data)
    assert statement.data["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert statement.data["object"]["id"].endswith("/xapi/lesson/7")
    assert statement.data["result"] == {"score": {"scaled": 0.8}, "success": True}


def test_without_an_lrs_nothing_is_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        statement = _record(UserFactory())
    statement.refresh_from_db()
    assert statement.forwarded_at is None and statement.forward_attempts == 0


def test_a_statement_reaches_the_lrs_over_http(lrs, django_capture_on_commit_callbacks):
    # given an LRS that is up; when a statement is recorded and its transaction commits
    with django_capture_on_commit_callbacks(execute=True):
        statement = _record(UserFactory())
    # then the LRS holds it under its own id, sent with the xAPI version and Basic credentials
    statement.refresh_from_db()
    assert statement.forwarded_at is not None
    assert lrs.statements[str(statement.pk)]["id"] == str(statement.pk)
    headers = lrs.requests[0]["headers"]
    assert headers["x-experience-api-version"] == "1.0.3" and headers["authorization"].startswith("Basic ")


def test_an_lrs_that_is_down_loses_nothing_and_gets_it_later(lrs, django_capture_on_commit_callbacks):
    # given an LRS that is down
    lrs.down = True
    with django_capture_on_commit_callbacks(execute=True):
        first = _record(UserFactory())
        second = _record(UserFactory())
    # then the statements stay unsent, each tried once
    assert Statement.objects.filter(forwarded_at__isnull=True).count() == 2
    assert Statement.objects.get(pk=first.pk).forward_attempts == 1
    # when the beat task runs while it is still down, it stops at the first failure
    assert xapi_forward_pending() == {"sent": 0, "failed": 1}
    # when the LRS is back, the beat task sends both, oldest first, and a second run sends nothing more
    lrs.down = False
    assert xapi_forward_pending() == {"sent": 2, "failed": 0}
    assert set(lrs.statements) == {str(first.pk), str(second.pk)}
    assert xapi_forward_pending() == {"sent": 0, "failed": 0}


def test_an_lrs_that_cannot_be_reached_at_all_is_a_failure_not_an_error(
    tasks_run_in_process, django_capture_on_commit_callbacks
):
    with override_settings(KOMPETEN_XAPI_LRS_ENDPOINT="http://127.0.0.1:9/xapi/", KOMPETEN_XAPI_LRS_TIMEOUT_SECONDS=2):
        with django_capture_on_commit_callbacks(execute=True):
            statement = _record(UserFactory())
        assert services.statement_forward(statement_id=str(statement.pk)) == "failed"
    statement.refresh_from_db()
    assert statement.forwarded_at is None and statement.forward_attempts == 2


def test_forwarding_is_idempotent(lrs, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        statement = _record(UserFactory())
    assert services.statement_forward(statement_id=str(statement.pk)) == "already"
    # an LRS that already holds the id (a send whose answer was lost) counts as sent
    Statement.objects.filter(pk=statement.pk).update(forwarded_at=None)
    assert services.statement_forward(statement_id=str(statement.pk)) == "sent"
    assert len(lrs.statements) == 1


def test_the_outbox_relays_a_forwarding_asked_for_while_the_broker_was_down(lrs):
    # the statement's forwarding is stored in the outbox with it; the relay hands it over
    statement = _record(UserFactory())  # no commit callbacks run: as if the broker were down at that moment
    outbox_relay()
    statement.refresh_from_db()
    assert statement.forwarded_at is not None


@pytest.fixture
def report_world():
    course = factories.course(modules=1, lessons=1)
    instructor = UserFactory(is_staff=True)
    from django.contrib.auth.models import Permission

    instructor.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_statement")
    )
    batch = factories.batch(course_page=course)
    batch.instructors.add(instructor)
    return course, instructor


def _statements(course, n):
    for _ in range(n):
        _record(UserFactory(), course_id=course.pk)


@pytest.mark.parametrize("rows", [1, 20])
def test_the_report_reads_the_statements_in_a_fixed_number_of_queries(
    client, report_world, rows, django_assert_num_queries
):
    course, instructor = report_world
    _statements(course, rows)
    _record(UserFactory(), course_id=factories.course(modules=1, lessons=1).pk)  # another course's: not shown
    client.force_login(instructor)
    client.get(reverse("courses_xapi_report"))  # warm the admin's caches
    with django_assert_num_queries(QUERIES):
        response = client.get(reverse("courses_xapi_report"))
    assert response.status_code == 200
    assert len(response.context["statements"]) == rows


QUERIES = 10  # the session, the user and the admin's own reads; the statements: one query


def test_the_report_is_refused_without_the_permission(client):
    user = UserFactory(is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("courses_xapi_report")).status_code in (302, 403)
