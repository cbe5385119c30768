"""The resources added after the foundation (assessment events, the training cycle, the centre's figures) are in
the OpenAPI schema with the scope each needs, their answer's shape, their filters, and the one error shape."""

import pytest

pytestmark = pytest.mark.django_db

NEW = {
    "/api/v1/assessment-events/": ("events:read", {"scheme", "unit", "starts_after", "starts_before", "ordering"}),
    "/api/v1/assessment-events/{event_id}/": ("events:read", set()),
    "/api/v1/me/batch-applications/": ("training:read", {"status"}),
    "/api/v1/me/batch-applications/{application_id}/": ("training:read", set()),
    "/api/v1/me/sessions/": ("training:read", {"batch", "starts_after", "starts_before"}),
    "/api/v1/me/attendance/": ("training:read", set()),
    "/api/v1/staff/figures/": ("figures:read", {"track", "year", "quarter"}),
}


def test_the_new_resources_are_in_the_schema_with_their_scope_filters_and_answers(api):
    # given the schema, when it is read
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    # then each new resource has a GET with its scope, its filters, a 200 with a body and the problem answers
    for path, (scope, filters) in NEW.items():
        operation = schema["paths"][path]["get"]
        assert {"oauth2": [scope]} in operation["security"], path
        names = {parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "query"}
        assert filters <= names, (path, names)
        assert "application/json" in operation["responses"]["200"]["content"], path
        for status in ("400", "401", "403", "404", "429"):
            assert "application/problem+json" in operation["responses"][status]["content"], (path, status)
        assert set(schema["paths"][path]) == {"get"}, path  # read only
