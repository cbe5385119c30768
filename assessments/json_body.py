"""The one reader of JSON request bodies (autosave, the assessor's checklist): size and depth limits from the
plugin's settings, and a translated error (400 or 413) for anything else than a sound JSON value — never a server
error, never Django's HTML page for a body that is too large."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from kompeten_core.conf import settings as kompeten


class JsonBodyInvalid(Exception):
    """The body is not a JSON value this endpoint accepts; ``response()`` is the JSON error to answer with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status

    def response(self) -> JsonResponse:
        return JsonResponse({"error": self.message}, status=self.status)


def _too_large() -> JsonBodyInvalid:
    return JsonBodyInvalid(_("The request is too large."), status=413)


def _reject_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are not JSON (and no database stores them in a JSON column)


def _check_values(value: Any, max_depth: int) -> None:
    """No deeper than ``max_depth``; no NUL or lone surrogate in a key or a text (no database could store them)."""
    stack = [(value, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")  # a lone surrogate cannot be encoded
            except UnicodeEncodeError:
                raise JsonBodyInvalid(_("The request contains characters that are not allowed.")) from None
            if "\x00" in value:
                raise JsonBodyInvalid(_("The request contains characters that are not allowed."))
        elif isinstance(value, dict | list):
            if depth > max_depth:
                raise JsonBodyInvalid(_("The request is nested too deeply."))
            items = value.items() if isinstance(value, dict) else ((None, item) for item in value)
            for key, item in items:
                stack.extend(((key, depth), (item, depth + 1)) if key is not None else ((item, depth + 1),))


def json_body(request: HttpRequest, *, max_bytes: int) -> Any:
    """The request's body as a JSON value, no larger than ``max_bytes``; raises ``JsonBodyInvalid``.

    The declared length is checked before the body is read, so a huge body is never read (nor hits Django's
    ``DATA_UPLOAD_MAX_MEMORY_SIZE`` page)."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > max_bytes:
        raise _too_large()
    try:
        body = request.body
    except RequestDataTooBig:
        raise _too_large() from None
    if len(body) > max_bytes:
        raise _too_large()
    try:
        value = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except RecursionError:
        raise JsonBodyInvalid(_("The request is nested too deeply.")) from None
    except ValueError:  # not UTF-8 (UnicodeDecodeError), not JSON (JSONDecodeError), NaN or Infinity
        raise JsonBodyInvalid(_("The request is not valid JSON.")) from None
    _check_values(value, kompeten.JSON_MAX_DEPTH)
    return value
