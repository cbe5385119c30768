"""The SCORM player's views: the lesson's player context, the package's files, and the runtime's commits.

The package plays in ``<iframe sandbox="allow-scripts allow-forms">`` (never ``allow-same-origin``) from
``package_file``, whose every answer carries its own relaxed Content-Security-Policy with ``sandbox``: even opened
on its own, a package's page runs in an opaque origin, so its scripts cannot read the site's cookies, storage or
pages. The address carries a signed token (package, user, expiry) because a sandboxed frame's requests carry no
session cookie. The runtime API (``API``, ``API_1484_11``) is in the package's own window (``runtime.js``, added to
each HTML page with its starting state); it posts its commits to the lesson page (``bridge.js``), which sends them
with the trainee's session and CSRF token to ``runtime_commit``: a trainee can only ever write their own attempt.
"""

from __future__ import annotations

import json
import mimetypes
import re

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import json_script
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_POST

from courses import selectors as course_selectors
from courses import services as course_services
from courses.scorm import selectors, services
from kompeten_core.conf import settings as kompeten
from kompeten_core.private_files import private_file_response, private_storage

#: The policy of every file of a package: its own scripts, styles and media, in a sandbox without same-origin.
PACKAGE_CSP = "; ".join(
    [
        "default-src 'self' data: blob:",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
        "style-src 'self' 'unsafe-inline' data:",
        "img-src 'self' data: blob:",
        "media-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
        "frame-ancestors 'self'",
        "sandbox allow-scripts allow-forms",
    ]
)
_HEAD = re.compile(rb"<head(\s[^>]*)?>", re.IGNORECASE)
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def lesson_context(*, page, access, user) -> dict:
    """The lesson page's player: the frame's address and the commit address, for an enrolled trainee."""
    package = selectors.package_for_lesson(lesson=page)
    if package is None:
        return {}
    context = {"package": package, "frame_url": "", "commit_url": ""}
    enrolment = getattr(access, "enrolment", None)
    if enrolment is not None and enrolment.status != enrolment.Status.WITHDRAWN:
        path, _sep, query = package.launch.partition("?")
        token = selectors.file_token(package=package, user=user)
        url = reverse("courses:scorm_file", args=[token, path])
        context["frame_url"] = f"{url}?{query}" if query else url
        context["commit_url"] = reverse("courses:scorm_commit", args=[package.pk])
    return {"scorm": context}


def _package_headers(response: HttpResponse) -> HttpResponse:
    response["Content-Security-Policy"] = PACKAGE_CSP
    response["Referrer-Policy"] = "no-referrer"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    # A sandboxed page has an opaque origin: its own requests for the package's files are cross-origin. They carry
    # no credentials and the token is in the address, so any origin may read them.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _runtime_tags(state: dict) -> bytes:
    # json_script escapes <, > and & as \u003C …: no "</script>" in a value can close the element.
    return (
        json_script(state, "kompeten-scorm-state") + f'<script src="{static("courses/scorm/runtime.js")}"></script>'
    ).encode()


@require_GET
@xframe_options_exempt  # framed by the lesson page: the policy's frame-ancestors 'self' says who may
def package_file(request: HttpRequest, token: str, path: str) -> HttpResponse:
    """One file of a package, for the trainee the token names (and nobody signed in as someone else)."""
    found = selectors.file_token_read(token=token)
    if found is None:
        raise Http404
    package_id, user_id = found
    if request.user.is_authenticated and request.user.pk != user_id:
        raise Http404
    package = selectors.package_get(package_id=package_id)
    if package is None or path not in package.files or not package.lesson.live:
        raise Http404
    enrolment = selectors.enrolment_for_files(user_id=user_id, lesson=package.lesson)
    if enrolment is None:
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    name = package.storage_name(path)
    if content_type not in _HTML_TYPES:
        response = private_file_response(name=name, filename=path.rsplit("/", 1)[-1], content_type=content_type)
        response["Content-Disposition"] = "inline"
        return _package_headers(response)
    with private_storage().open(name, "rb") as stream:
        body = stream.read()
    attempt = selectors.attempt_for(enrolment=enrolment, package=package)
    tags = _runtime_tags(selectors.runtime_state(package=package, attempt=attempt, user=enrolment.user))
    match = _HEAD.search(body[:65536])
    body = body[: match.end()] + tags + body[match.end() :] if match else tags + body
    return _package_headers(HttpResponse(body, content_type=f"{content_type}; charset=utf-8"))


def _refusal(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@require_POST
def runtime_commit(request: HttpRequest, package_id: int) -> HttpResponse:
    """Store the signed-in trainee's commit to their attempt at this package (JSON ``{session, values}``)."""
    if not request.user.is_authenticated:
        return _refusal(_("Log in to study this lesson."), 403)
    package = selectors.package_get(package_id=package_id)
    if package is None or not package.lesson.live:
        raise Http404
    course = course_selectors.course_of_lesson(lesson=package.lesson)
    enrolment = course_selectors.enrolment_for(user=request.user, course=course) if course else None
    if enrolment is None:
        raise Http404
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > kompeten.SCORM_MAX_COMMIT_BYTES or len(request.body) > kompeten.SCORM_MAX_COMMIT_BYTES:
        return _refusal(_("The runtime sent more data than a lesson may store."), 413)
    try:
        body = json.loads(request.body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: JSON nested thousands deep
        return _refusal(_("The runtime sent data that is not JSON."), 400)
    if not isinstance(body, dict):
        return _refusal(_("The runtime sent data that is not JSON."), 400)
    enrolment.user = request.user
    try:
        attempt, completed = services.scorm_attempt_commit(
            enrolment=enrolment, package=package, session_id=body.get("session"), values=body.get("values")
        )
    except services.CmiInvalid as error:
        return _refusal(error.messages[0], 400)
    except course_services.EnrolmentRefused as error:
        return _refusal(error.messages[0], 403)
    message = _("You have completed this lesson.") if attempt.completed_at else _("Your progress is saved.")
    return JsonResponse(
        {"saved": True, "completed": bool(attempt.completed_at), "lesson_completed_now": completed, "message": message}
    )
