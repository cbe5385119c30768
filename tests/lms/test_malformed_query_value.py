"""MalformedQueryValueMiddleware (lms.middleware): a word where a view we do not own queries an id is a 400."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from lms.middleware import MalformedQueryValueMiddleware
from lms.models import User

pytestmark = pytest.mark.django_db


def _raised(call):
    try:
        call()
    except Exception as error:  # the exception as a view would have raised it, traceback included
        return error
    raise AssertionError("no exception")


def test_a_model_field_refusing_a_query_value_answers_400_translated():
    # Given the exception a third-party view raises querying an id with text (Wagtail's chooser: get(pk=...))
    error = _raised(lambda: User.objects.get(pk="a\x00b"))
    request = RequestFactory().get("/admin/documents/chooser/chosen/a%00b/")
    # When the middleware sees it
    with translation.override("id"):
        response = MalformedQueryValueMiddleware(lambda request: None).process_exception(request, error)
    # Then the answer is a 400 in the person's language
    assert response.status_code == 400
    assert "Permintaan tidak valid" in response.content.decode()


def test_any_other_error_is_left_to_propagate():
    request = RequestFactory().get("/")
    middleware = MalformedQueryValueMiddleware(lambda request: None)
    assert middleware.process_exception(request, _raised(lambda: int("x"))) is None
    assert middleware.process_exception(request, _raised(lambda: {}["x"])) is None
