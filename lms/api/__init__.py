"""The host's side of the JSON API's schema: the one error shape on every operation."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension

from courses.api.framework import PROBLEM_MEDIA_TYPE, SignedIn
from courses.api.scopes import SCOPES

PROBLEM_STATUSES = {
    "400": "The request is not valid (the fields in errors).",
    "401": "No valid session or access token.",
    "403": "Not allowed: the token's scopes or the caller's role do not allow this.",
    "404": "Not found, or not yours.",
    "405": "Method not allowed.",
    "406": "Cannot answer in the requested format.",
    "409": "Conflict: an Idempotency-Key reused for another request.",
    "413": "The request body is too large.",
    "415": "Unsupported media type.",
    "429": "Too many requests: wait the seconds the Retry-After header says.",
}


def schema_problems(result, generator, request, public):
    """drf-spectacular post-processing: the one error shape (RFC 9457 problem details), documented on every
    operation for every error status the API can answer."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = {
        "type": "object",
        "description": "An error, as RFC 9457 problem details. Messages follow Accept-Language (id or en).",
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "instance": {"type": "string"},
            "errors": {"type": "object", "additionalProperties": True},
        },
        "required": ["type", "title", "status", "detail"],
    }
    problem = {"$ref": "#/components/schemas/Problem"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            for code, description in PROBLEM_STATUSES.items():
                responses[code] = {"description": description, "content": {PROBLEM_MEDIA_TYPE: {"schema": problem}}}
            if method == "get":
                for code, answer in list(responses.items()):
                    if code == "200":
                        answer.setdefault("headers", {})["ETag"] = {"schema": {"type": "string"}}
                responses["304"] = {"description": "Not modified (If-None-Match matched the ETag)."}
    return result


def schema_api_only(endpoints):
    """drf-spectacular pre-processing: the schema describes /api/v1/ only (Wagtail's admin API is its own)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """The OAuth 2.0 flows in the schema: authorization code (with PKCE) and client credentials, with the scopes."""

    target_class = "lms.api.auth.TokenAuthentication"
    name = "oauth2"

    def get_security_definition(self, auto_schema):
        scopes = {name: str(text) for name, text in SCOPES.items()}
        return {
            "type": "oauth2",
            "flows": {
                "authorizationCode": {
                    "authorizationUrl": "/o/authorize/",
                    "tokenUrl": "/o/token/",
                    "refreshUrl": "/o/token/",
                    "scopes": scopes,
                },
                "clientCredentials": {"tokenUrl": "/o/token/", "scopes": scopes},
            },
        }

    def get_security_requirement(self, auto_schema):
        scope = getattr(auto_schema.view, "required_scope", None)
        if auto_schema.method not in ("GET", "HEAD", "OPTIONS"):
            scope = getattr(auto_schema.view, "required_write_scope", scope)
        requirement = {self.name: [scope] if scope else []}
        if SignedIn in getattr(auto_schema.view, "permission_classes", ()):
            return requirement
        return [requirement, {}]  # public: anonymous callers are answered too
