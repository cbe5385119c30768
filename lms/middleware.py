import logging
import os
import traceback

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html
from django.utils.translation import gettext as _

from lms.selectors import language_for_request

logger = logging.getLogger(__name__)


class UserLocaleMiddleware(LocaleMiddleware):
    """Activate the language the person chose — never the browser's guess.

    Order: the signed-in user's preferred language, then the session, then the language cookie, then
    Bahasa Indonesia (``LANGUAGE_CODE``). Must come after AuthenticationMiddleware.
    """

    def process_request(self, request):
        language = language_for_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language() or settings.LANGUAGE_CODE)
        patch_vary_headers(response, ("Cookie",))
        return response


class TrustedProxyMiddleware:
    """Behind our own reverse proxy, take the client's address from ``X-Forwarded-For``.

    Only when the direct peer (``REMOTE_ADDR``) is one of ``KOMPETEN_TRUSTED_PROXIES``: anyone else could send
    that header. The right-most address not itself a trusted proxy is the client. Rate limits, login lockouts and
    the audit trail all read ``REMOTE_ADDR`` afterwards. Must come first.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = frozenset(getattr(settings, "KOMPETEN_TRUSTED_PROXIES", ()))

    def __call__(self, request):
        if self.trusted and request.META.get("REMOTE_ADDR") in self.trusted:
            chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
            for address in reversed(chain):
                if address not in self.trusted:
                    request.META["REMOTE_ADDR"] = address
                    break
        return self.get_response(request)


def _malformed_query_value(exception: BaseException) -> bool:
    """A model field refused, while a query was being built, a value that is not of its type (a word for an id).

    The innermost frame is the field's ``get_prep_value`` or ``to_python`` in ``django.db.models.fields``: the value
    came from the request (a URL, a query string, a re-shown form), never from a row.
    """
    if not isinstance(exception, (ValueError, TypeError, ValidationError)):
        return False
    frames = traceback.extract_tb(exception.__traceback__)
    if not frames:
        return False
    last = frames[-1]
    return last.name in ("get_prep_value", "to_python") and f"{os.sep}django{os.sep}db{os.sep}models{os.sep}" in (
        last.filename
    )


class MalformedQueryValueMiddleware:
    """Answer 400 (a short, translated "bad request" page) when a view we do not own queries with made-up values.

    Wagtail's document, image and page choosers (``chosen/<pk>/``, ``chosen-multiple/?id=``), its chooser widgets
    re-showing a refused form (``BaseChooser.get_instance`` catches only ``DoesNotExist``) and taggit's "merge tags"
    admin action send the request's text to ``objects.get(pk=…)`` / ``filter(pk__in=…)``: a word or a NUL byte
    where an id belongs is a ``ValueError`` from the id field (a 500). Our own views check ids before querying
    (``courses.form_fields``, ``courses.choosers``, the ``id`` path converter); this is for the views we do not
    own, and only for that one exception: a model field's own refusal of a query value. Anything else still
    propagates. Numbers too large for the database are handled by ``lms.db_lookups`` (they match nothing).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not _malformed_query_value(exception):
            return None
        logger.warning("Bad request: %s %s: %s", request.method, request.path, exception)
        message = _("The address or the form holds a value that cannot be right here (a word where an id belongs).")
        return HttpResponseBadRequest(format_html("<h1>{}</h1><p>{}</p>", _("Bad request"), message))


def _storage_status(exception: BaseException) -> int | None:
    """503 when the object store failed (down, too slow, answering 5xx), 404 when it has no such object; None for
    anything else (it propagates)."""
    if isinstance(exception, ClientError):
        status = exception.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
        code = str(exception.response.get("Error", {}).get("Code", ""))
        return 404 if status == 404 or code in ("404", "NoSuchKey") else 503
    if isinstance(exception, BotoCoreError):
        return 503
    return None


class StorageUnavailableMiddleware:
    """An object store that is down or too slow (``KOMPETEN_S3_*``) fails only the requests that need a file.

    Uploads and downloads answer 503 with a short, translated page and ``Retry-After``; the service that was saving
    rolled its transaction back when the storage raised, so nothing is half-written. Every page that needs no file
    keeps working. A missing object is a 404. Anything else still propagates.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        status = _storage_status(exception)
        if status is None:
            return None
        logger.warning("Object store: %s %s: %s: %s", request.method, request.path, type(exception).__name__, exception)
        if status == 404:
            return HttpResponseNotFound(
                format_html("<h1>{}</h1><p>{}</p>", _("Not found"), _("This file is not there."))
            )
        message = _(
            "Files cannot be stored or read at the moment: the file store does not answer. Nothing was saved. "
            "Please try again in a few minutes."
        )
        response = HttpResponse(format_html("<h1>{}</h1><p>{}</p>", _("Files are unavailable"), message), status=503)
        response["Retry-After"] = "60"
        return response
