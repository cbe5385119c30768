"""What every plugin's JSON API shares: problem-details errors, scopes, rate limits, body limits, cursor pages,
ETags and idempotency keys.

Lives in the bottom plugin (with the audit trail and the private files) so that each plugin's ``api/`` package
builds on it; the host site names these classes in ``REST_FRAMEWORK`` and mounts the plugins' URLs. Nothing here
imports an OAuth library: a token is recognised by what it can do (``allow_scopes``), so a plugin stays installable
on a site that authenticates its API another way.
"""

from __future__ import annotations

import codecs
import hashlib
import json

from django import forms
from django.core.cache import cache
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.csrf import csrf_exempt
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, status
from rest_framework.pagination import CursorPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from kompeten_core.conf import settings as kompeten

PROBLEM_TYPE = "about:blank"
PROBLEM_MEDIA_TYPE = "application/problem+json"


# --- errors ---------------------------------------------------------------------------------------------


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is too large.")
    default_code = "too_large"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("This Idempotency-Key was already used for another request.")
    default_code = "idempotency_key_reused"


def _titles() -> dict[int, str]:
    return {
        400: _("The request is not valid."),
        401: _("Authentication is needed."),
        403: _("Not allowed."),
        404: _("Not found."),
        405: _("Method not allowed."),
        406: _("Cannot answer in the requested format."),
        409: _("Conflict."),
        413: _("The request body is too large."),
        415: _("Unsupported media type."),
        429: _("Too many requests."),
    }


def problem_handler(exc, context):
    """Every error of the API in one shape, RFC 9457 problem details: ``type``, ``title``, ``status``, ``detail``,
    and for invalid input ``errors`` (field → messages). Messages in the request's language (Accept-Language)."""
    from rest_framework.views import exception_handler  # noqa: PLC0415 - DRF's views read the settings naming this module

    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=as_serializer_error(exc))
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    body = {"type": PROBLEM_TYPE, "title": _titles().get(code, force_str(exc.default_detail)), "status": code}
    if isinstance(exc, exceptions.ValidationError):
        body["detail"] = _("Some fields are not valid.")
        errors = response.data
        body["errors"] = errors if isinstance(errors, dict) else {api_settings.NON_FIELD_ERRORS_KEY: errors}
    else:
        body["detail"] = force_str(exc.detail) if isinstance(exc.detail, str) else body["title"]
    request = context.get("request")
    if request is not None:
        body["instance"] = request.path
    response.data = body
    response.content_type = PROBLEM_MEDIA_TYPE
    return response


# --- language -------------------------------------------------------------------------------------------


class LanguageMixin:
    """An API client says its language with Accept-Language (id or en); without it, the site's choice holds."""

    def initial(self, request, *args, **kwargs):
        language = _language_of(request)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        super().initial(request, *args, **kwargs)


# --- request bodies --------------------------------------------------------------------------------------


class LimitedJSONParser(JSONParser):
    """JSON bodies up to ``KOMPETEN_API_MAX_BODY_BYTES``; larger ones get 413, deep or broken ones 400."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = kompeten.API_MAX_BODY_BYTES
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if declared and declared.isascii() and declared.isdigit() and int(declared) > limit:
            raise RequestTooLarge()
        data = stream.read(limit + 1) if stream is not None else b""
        if len(data) > limit:
            raise RequestTooLarge()
        encoding = (parser_context or {}).get("encoding") or "utf-8"
        try:
            return json.loads(codecs.decode(data, encoding), parse_constant=_no_constant)
        except (ValueError, RecursionError, LookupError):
            raise exceptions.ParseError(_("The request body is not valid JSON.")) from None


def _no_constant(name):
    raise ValueError(name)


# --- who may call --------------------------------------------------------------------------------------


def token_scopes(request) -> set[str] | None:
    """The scopes of the OAuth token the request came with, or None for a request without one (a session)."""
    token = getattr(request, "auth", None)
    scope = getattr(token, "scope", None)
    if token is None or scope is None or not hasattr(token, "allow_scopes"):
        return None
    return set(scope.split())


class ScopePermission(BasePermission):
    """A request with an OAuth token is allowed only what the token's scopes name: the view's ``required_scope``
    (``required_write_scope`` for writes, when it differs). A session or an anonymous caller is not limited here —
    the view's own permissions and ownership checks decide, exactly as on the HTML pages."""

    message = gettext_lazy("Your access token does not allow this.")

    def has_permission(self, request, view):
        scopes = token_scopes(request)
        if scopes is None:
            return True
        needed = getattr(view, "required_scope", None)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            needed = getattr(view, "required_write_scope", needed)
        return bool(needed) and needed in scopes


class SignedIn(BasePermission):
    """A person must be signed in (a session, or a token that acts for a user)."""

    message = gettext_lazy("Sign in to use this.")

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated)


# --- rate limits ----------------------------------------------------------------------------------------


class _ConfiguredRate(SimpleRateThrottle):
    """A rate read from ``KOMPETEN_API_RATES`` at call time (so ``override_settings`` works)."""

    def get_rate(self):
        return kompeten.API_RATES.get(self.scope)


class UserRateThrottle(_ConfiguredRate):
    """Per signed-in person (``user``), else per address (``anon``)."""

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"anon-{self.get_ident(request)}"
        return f"api-throttle-{self.scope}-{ident}"

    def allow_request(self, request, view):
        self.scope = "user" if request.user and request.user.is_authenticated else "anon"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def __init__(self):
        self.scope = "user"
        self.rate = None


class ClientRateThrottle(_ConfiguredRate):
    """Per OAuth client (application), for the tokens a client holds on its own (the client-credentials grant of a
    partner system, whoever staff registered it to act for). A token a person granted (the phone app's
    authorization code) is limited per person instead: one phone app serves every trainee, and one busy class
    must not use up the app's allowance for everyone else."""

    scope = "client"

    def __init__(self):
        self.rate = None

    def get_cache_key(self, request, view):
        token = getattr(request, "auth", None)
        application_id = getattr(token, "application_id", None)
        if not application_id or getattr(token, "user_id", None) is not None:
            return None
        return f"api-throttle-client-{application_id}"

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


# --- lists ------------------------------------------------------------------------------------------------


class Cursor(CursorPagination):
    """Opaque cursors (``?cursor=``), ``KOMPETEN_API_PAGE_SIZE`` rows a page; ordering as the view says."""

    ordering = "-pk"
    page_size_query_param = None

    def get_page_size(self, request):
        return kompeten.API_PAGE_SIZE


@csrf_exempt
def not_found(request, *args, **kwargs):
    """Any other path under the API: a 404 in the API's own shape (not the site's HTML page)."""
    with translation.override(_language_of(request)):
        body = {"type": PROBLEM_TYPE, "title": _("Not found."), "status": 404, "detail": _("Not found.")}
        body["instance"] = request.path
    return JsonResponse(body, status=404, content_type=PROBLEM_MEDIA_TYPE)


def _language_of(request) -> str | None:
    try:
        choices = parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:255])
    except ValueError:
        choices = ()
    for code, _quality in choices:
        if code.split("-")[0].lower() in {"id", "en"}:
            return code.split("-")[0].lower()
    return translation.get_language()


# A structural bound, not a setting: the largest id a path or body may name (below PostgreSQL's bigint).
ID_MAX = 2**62


class _WholeNumberField(forms.IntegerField):
    """A whole number as the schema says: present but empty is an error too (the schema's ``integer``)."""

    def clean(self, value):
        if value == "":
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().clean(value)


class IdFilter(filters.NumberFilter):
    """A whole number from 0 to 2**62 (an id, a level): anything else — an empty value too — is a 400, never a
    database overflow."""

    field_class = _WholeNumberField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", ID_MAX)
        super().__init__(*args, **kwargs)


class _IsoDateField(forms.DateField):
    """A day written as the schema says (YYYY-MM-DD) and nothing else: present but empty is an error too."""

    input_formats = ["%Y-%m-%d"]

    def clean(self, value):
        if value == "":
            raise forms.ValidationError(_("Enter a date as YYYY-MM-DD."), code="invalid")
        return super().clean(value)


class DateParamFilter(filters.DateFilter):
    """A day (``YYYY-MM-DD``, the schema's ``date``) to filter by: an empty, malformed or local-format one is a
    400, as the schema promises — never silently ignored."""

    field_class = _IsoDateField


def id_parameter(name: str, description: str) -> OpenApiParameter:
    """The schema of an ``IdFilter`` query parameter, with its bounds."""
    schema = {"type": "integer", "minimum": 0, "maximum": ID_MAX}
    return OpenApiParameter(name, schema, OpenApiParameter.QUERY, description=description)


# --- caching and idempotency -----------------------------------------------------------------------------


def _etag(data) -> str:
    payload = json.dumps(data, sort_keys=True, default=str, separators=(",", ":")).encode()
    return '"' + hashlib.sha256(payload).hexdigest()[:32] + '"'


class ETagMixin:
    """Reads answer with a strong ``ETag`` over their body; ``If-None-Match`` with it gets 304 Not Modified."""

    def finalize_response(self, request, response, *args, **kwargs):
        if request.method in ("GET", "HEAD") and isinstance(response, Response) and response.status_code == 200:
            tag = _etag(response.data)
            response["ETag"] = tag
            response["Cache-Control"] = "private, no-cache"
            wanted = {part.strip() for part in request.META.get("HTTP_IF_NONE_MATCH", "").split(",")}
            if tag in wanted or "*" in wanted:
                not_modified = Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tag})
                return super().finalize_response(request, not_modified, *args, **kwargs)
        return super().finalize_response(request, response, *args, **kwargs)


IDEMPOTENCY_HEADER = "HTTP_IDEMPOTENCY_KEY"


def idempotent(write):
    """A write that creates something, made safe to retry: the same ``Idempotency-Key`` header from the same
    caller gets the first answer again (status and body) for ``KOMPETEN_API_IDEMPOTENCY_SECONDS``; the same key
    with another request is refused (409). Without the header the write runs as usual."""

    def wrapped(self, request, *args, **kwargs):
        key = request.META.get(IDEMPOTENCY_HEADER, "")
        if not key:
            return write(self, request, *args, **kwargs)
        if len(key) > 200:
            raise exceptions.ValidationError({"Idempotency-Key": [_("At most 200 characters.")]})
        who = request.user.pk if request.user.is_authenticated else "anon"
        cache_key = "api-idem-" + hashlib.sha256(f"{who}\0{key}".encode()).hexdigest()
        body = json.dumps(request.data, sort_keys=True, default=str)
        fingerprint = hashlib.sha256(f"{request.method} {request.path}\0{body}".encode()).hexdigest()
        stored = cache.get(cache_key)
        if stored is not None:
            if stored["fingerprint"] != fingerprint:
                raise PreconditionRequired()
            return Response(stored["data"], status=stored["status"], headers={"Idempotent-Replayed": "true"})
        response = write(self, request, *args, **kwargs)
        if response.status_code < 500:
            cache.set(
                cache_key,
                {"fingerprint": fingerprint, "status": response.status_code, "data": response.data},
                kompeten.API_IDEMPOTENCY_SECONDS,
            )
        return response

    wrapped.__name__ = write.__name__
    wrapped.__doc__ = write.__doc__
    return wrapped


class ApiMixin(LanguageMixin, ETagMixin):
    """Every API view: the caller's language, ETags on reads; a write's body is read (and its limits checked)
    before the view runs, whether or not the view uses it."""

    #: Whether the view's writes read a body: if so it is parsed before the view runs (broken → 400, another
    #: media type → 415); a write without a body (a lesson done) ignores what is sent, within the size limit.
    reads_body = True

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("POST", "PUT", "PATCH") or not hasattr(self, request.method.lower()):
            return
        declared = request.META.get("CONTENT_LENGTH") or ""
        if declared.isascii() and declared.isdigit() and int(declared) > kompeten.API_MAX_BODY_BYTES:
            raise RequestTooLarge()
        if self.reads_body:
            request.data  # noqa: B018 - parses now: too large → 413, broken → 400
