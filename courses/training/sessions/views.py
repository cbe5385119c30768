"""The calendar, its ICS feed, the attendance roster, the QR screen and the QR check-in. Thin: parse, call a
selector or a service, render."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from courses.converters import IdConverter
from courses.training.sessions import ics, selectors, services, tokens
from courses.training.sessions.models import Attendance

# A format bound, not a setting: a QR token is some 60 characters; anything longer is not one of ours.
TOKEN_MAX_CHARS = 200


@require_GET
@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    context = {
        "calendar": selectors.calendar_for(user=request.user),
        "today": timezone.localdate(),
        "feed": selectors.feed_for(user=request.user),
    }
    return render(request, "courses/sessions/calendar.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """The personal ICS address: shown, made anew (the old one stops working) or revoked."""
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "regenerate":
            services.calendar_feed_regenerate(user=request.user)
            messages.success(request, _("Your calendar has a new secret address; the old one no longer works."))
        elif action == "revoke":
            services.calendar_feed_revoke(user=request.user)
            messages.success(request, _("Your calendar address is revoked: no calendar can read it any more."))
        else:
            messages.error(request, _("Choose to make a new address or to revoke it."))
        return redirect("courses:calendar_feed")
    feed = selectors.feed_for(user=request.user)
    url = request.build_absolute_uri(reverse("courses:calendar_ics", args=[feed.token])) if feed else ""
    return render(request, "courses/sessions/feed.html", {"feed": feed, "feed_url": url})


@require_GET
@never_cache
def calendar_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The personal calendar as iCalendar, for phone calendars that subscribe to it (no session cookie: the secret
    address is the capability)."""
    # A token is URL-safe base64: anything else (a NUL byte PostgreSQL refuses) matches no feed, without a query.
    valid = token.isascii() and token.replace("-", "").replace("_", "").isalnum()
    user = selectors.feed_owner(token=token[:TOKEN_MAX_CHARS]) if valid else None
    if user is None:
        raise Http404
    events = [
        {
            "uid": f"kompeten-session-{entry.session.pk}",
            "starts_at": entry.session.starts_at,
            "ends_at": entry.session.ends_at,
            "summary": f"{entry.session.topic or entry.session.get_kind_display()} — {entry.session.batch.name}",
            "location": entry.session.workshop.name,
            "description": _("%(kind)s, %(jp)s JP, %(course)s. Instructor: %(instructor)s")
            % {
                "kind": entry.session.get_kind_display(),
                "jp": entry.session.jp,
                "course": entry.session.batch.course.title,
                "instructor": entry.session.instructor.get_full_name() or entry.session.instructor.get_username(),
            },
        }
        for entry in selectors.calendar_for(user=user).entries
    ]
    body = ics.calendar(name=_("Kompeten timetable"), events=events, host=request.get_host().split(":")[0])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kompeten.ics"'
    return response


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@require_http_methods(["GET", "POST"])
@login_required
def session_roster(request: HttpRequest, session_id: int) -> HttpResponse:
    """The instructor's roster: one tap per trainee (hadir, izin, sakit, alpa), saved as they go."""
    session = selectors.session_for_instructor(session_id=session_id, user=request.user)
    if session is None:
        raise Http404
    if request.method == "POST":
        return _mark(request, session)
    context = {"session": session, "rows": selectors.session_roster(session=session), "statuses": Attendance.Status}
    return render(request, "courses/sessions/roster.html", context)


def _mark(request: HttpRequest, session) -> HttpResponse:
    raw_id = request.POST.get("enrolment", "")
    status = request.POST.get("status", "")
    try:
        if not raw_id.isascii() or not raw_id.isdigit() or len(raw_id) > 18:
            raise ValidationError(_("This trainee is not in the session's batch."), code="not_trainee")
        row, _changed = services.attendance_mark(
            session=session, enrolment_id=IdConverter().to_python(raw_id), status=status, by=request.user
        )
    except ValidationError as error:
        if _wants_json(request):
            return JsonResponse({"ok": False, "error": error.messages[0]}, status=400)
        messages.error(request, error.messages[0])
        return redirect("courses:session_roster", session_id=session.pk)
    if _wants_json(request):
        return JsonResponse({"ok": True, "enrolment": row.enrolment_id, "status": row.status})
    return redirect(reverse("courses:session_roster", args=[session.pk]) + f"#trainee-{row.enrolment_id}")


@require_GET
@never_cache
@login_required
def session_qr(request: HttpRequest, session_id: int) -> HttpResponse:
    """The QR code on the instructor's screen: the check-in address with this slot's token; the page reloads itself
    when the slot turns."""
    session = selectors.session_for_instructor(session_id=session_id, user=request.user)
    if session is None:
        raise Http404
    token = tokens.qr_token(session_id=session.pk)
    url = request.build_absolute_uri(reverse("courses:session_checkin", args=[session.pk, token]))
    svg = segno.make(url, error="m").svg_inline(scale=6, border=2, dark="#000", light="#fff")
    context = {
        "session": session,
        "qr_svg": mark_safe(svg),  # noqa: S308 - generated by segno from our own URL
        "checkin_url": url,
        "refresh": tokens.seconds_to_next_slot(),
    }
    return render(request, "courses/sessions/qr.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
@login_required
def session_checkin(request: HttpRequest, session_id: int, token: str) -> HttpResponse:
    """The address a trainee's phone opens from the QR code: GET asks to confirm, POST checks in."""
    session = selectors.session_by_id(session_id=session_id)
    if session is None:
        raise Http404
    enrolment = selectors.enrolment_in_batch(user=request.user, batch_id=session.batch_id)
    context = {"session": session, "token": token[:TOKEN_MAX_CHARS], "enrolment": enrolment}
    if enrolment is None:
        context["error"] = _("You are not a trainee of this session's batch.")
        return render(request, "courses/sessions/checkin.html", context, status=403)
    if request.method == "POST":
        try:
            _row, changed = services.attendance_check_in(
                session=session, token=token, user=request.user, enrolment=enrolment
            )
        except services.CheckInRefused as refusal:
            context["error"] = refusal.messages[0]
            context["refusals"] = getattr(refusal, "refusals", [])
            return render(request, "courses/sessions/checkin.html", context, status=400)
        context["done"] = True
        context["changed"] = changed
        context["rate"] = selectors.attendance_rate(enrolment=enrolment)
    return render(request, "courses/sessions/checkin.html", context)
