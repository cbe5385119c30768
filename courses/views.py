from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses import selectors, services
from courses.forms import EnrolForm
from courses.interactive import views as interactive_views
from courses.models import CoursePage, Enrolment, LessonPage, TrackIndexPage, TrackPage
from courses.scorm import selectors as scorm_selectors
from courses.scorm import views as scorm_views
from courses.training.coverage.selectors import coverage_warning
from courses.xapi import services as xapi_services
from kompeten_core import exports
from kompeten_core.audit import audit_log
from kompeten_core.conf import settings as kompeten


def track_list(request: HttpRequest) -> HttpResponse:
    """The tracks (kejuruan): the published track index page, or an empty state before there is one."""
    index = TrackIndexPage.objects.live().first()
    if index is not None:
        return redirect(index.get_url(request))
    return render(request, "courses/track_list.html", {"tracks": []})


@require_POST
@login_required
def enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    form = EnrolForm(request.POST, course=course)
    if not form.is_valid():
        messages.error(request, _("Choose one of the batches offered."))
        return redirect(course.get_url(request))
    try:
        _enrolment, created = services.enrolment_create(
            user=request.user, course=course, batch=form.cleaned_data["batch"]
        )
    except services.EnrolmentRefused as refusal:
        messages.error(request, refusal.messages[0])
        return redirect(course.get_url(request))
    if created:
        messages.success(request, _("You are enrolled in %(course)s.") % {"course": course.title})
    else:
        messages.info(request, _("You are already enrolled in this course."))
    return redirect(course.get_url(request) + "#outline")


@require_POST
@login_required
def lesson_complete(request: HttpRequest, lesson_id: int) -> HttpResponse:
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = selectors.course_of_lesson(lesson=lesson)
    enrolment = selectors.enrolment_for(user=request.user, course=course) if course else None
    if enrolment is None:
        raise Http404
    if scorm_selectors.package_for_lesson(lesson=lesson) is not None:  # its package completes it, not a button
        messages.error(request, _("This lesson is completed by finishing its SCORM package."))
        return redirect(lesson.get_url(request))
    try:
        _completion, created = services.lesson_complete(enrolment=enrolment, lesson=lesson)
    except services.EnrolmentRefused as refusal:
        messages.error(request, refusal.messages[0])
        return redirect(lesson.get_url(request))
    enrolment.refresh_from_db(fields=["status"])
    if enrolment.status == Enrolment.Status.COMPLETED and created:
        messages.success(request, _("Congratulations! You have completed %(course)s.") % {"course": course.title})
    navigation = selectors.lesson_navigation(lesson=lesson, course=course)
    if navigation["next"] is not None:
        return redirect(navigation["next"].get_url(request))
    return redirect(course.get_url(request) + "#next")  # the last lesson: what comes next


@require_GET
@login_required
def course_continue(request: HttpRequest, course_id: int) -> HttpResponse:
    """Continue where I left off: the first lesson not done yet, else the last one opened, else the course."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    outline = selectors.course_outline(course=course, user=request.user)
    if outline.enrolment is None:
        return redirect(course.get_url(request))
    target = outline.next_lesson or outline.enrolment.last_lesson
    return redirect((target or course).get_url(request))


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "")
    terms = selectors.search_terms(query=raw)
    results = selectors.curriculum_search(terms=terms)
    notice = ""
    if raw.strip() and not terms.words:
        notice = _("Type words to search for: letters or digits; quotes and symbols are ignored.")
    elif terms.truncated:
        notice = _("Only the first %(count)d words were searched.") % {"count": len(terms.words)}
    # The page echoes the words searched for, never the raw query (no control characters, no 5,000 characters).
    context = {"query": " ".join(terms.words), "results": results, "notice": notice}
    return render(request, "courses/search.html", context)


@require_GET
@login_required
def batch_roster(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = selectors.batch_for_instructor(batch_id=batch_id, user=request.user)
    if batch is None:
        raise Http404
    rows = selectors.batch_roster(batch=batch)
    export = request.GET.get("format", "")
    if export in ("csv", "xlsx"):
        audit_log(batch, "courses.roster_export", user=request.user, data={"format": export, "rows": len(rows)})
    if export == "csv":
        return _roster_csv(batch, rows)
    if export == "xlsx":
        return _roster_xlsx(batch, rows)
    context = {"batch": batch, "rows": rows, "coverage_warning": coverage_warning(batch=batch)}
    return render(request, "courses/batch_roster.html", context)


def _roster_table(rows) -> tuple[list[str], list[list]]:
    header = [
        _("Full name"),
        _("E-mail"),
        _("Status"),
        _("Lessons done"),
        _("Lessons"),
        _("Progress (%)"),
        _("Last activity"),
    ]
    body = []
    for row in rows:
        last = timezone.localtime(row.last_activity_at).strftime("%Y-%m-%d %H:%M") if row.last_activity_at else ""
        name = row.user.get_full_name() or row.user.get_username()
        body.append(
            [name, row.user.email, row.get_status_display(), row.lesson_done, row.lesson_total, row.percent, last]
        )
    return header, body


def _roster_csv(batch, rows) -> HttpResponse:
    header, body = _roster_table(rows)
    return exports.csv_response(filename=f"roster-{batch.pk}", header=header, rows=body)


def _roster_xlsx(batch, rows) -> HttpResponse:
    header, body = _roster_table(rows)
    return exports.xlsx_response(filename=f"roster-{batch.pk}", sheets=[(_("Roster"), header, body)])


# The curriculum pages' part of the views layer, plugged into the pages through their hooks (courses/pages.py,
# courses/wagtail_hooks.py): for a live page and an editor's preview alike.


def lesson_page_refusal(*, page, request: HttpRequest) -> HttpResponse | None:
    """Serving a lesson: a redirect (with the reason) for someone who may not study it, else None.

    The access found is kept on the request for the page's context (one check per request)."""
    if not isinstance(page, LessonPage):
        return None
    access = selectors.lesson_access(lesson=page, user=request.user, next_url=request.get_full_path())
    if not access.allowed:
        messages.info(request, access.reason)
        return redirect(access.redirect_to or page.get_parent().get_parent().get_url(request))
    request.kompeten_lesson_access = access
    return None


def curriculum_page_context(*, page, request: HttpRequest) -> dict:
    """What a curriculum page shows beyond its own fields (its template's context)."""
    for page_class, context in _PAGE_CONTEXTS:
        if isinstance(page, page_class):
            return context(page, request)
    return {}


def _track_index_context(page: TrackIndexPage, request: HttpRequest) -> dict:
    return {"tracks": selectors.track_list(index_page=page) if page.pk else []}  # unsaved: a preview


def _track_context(page: TrackPage, request: HttpRequest) -> dict:
    return {"courses": selectors.course_list_for_track(track=page) if page.pk else []}  # unsaved: a preview


def _course_context(page: CoursePage, request: HttpRequest) -> dict:
    if page.pk is None:  # the preview of a course not saved yet
        return {"outline": selectors.Outline.empty(course=page)}
    outline = selectors.course_outline(course=page, user=request.user)
    context = {
        "outline": outline,
        "track": page.get_parent(),
        "login_url": resolve_url(settings.LOGIN_URL),
        "signup_url": resolve_url(kompeten.SIGNUP_URL) if kompeten.SIGNUP_URL else "",
    }
    if outline.enrolment is not None:
        outline.enrolment.course = page  # the next-step providers read the course's tree path
    lessons_done = outline.enrolment is not None and outline.total and outline.done >= outline.total
    context["next_steps"] = (
        selectors.next_steps(enrolments=[outline.enrolment])[outline.enrolment.pk] if lessons_done else []
    )
    if outline.enrolment is None or outline.enrolment.status == outline.enrolment.Status.WITHDRAWN:
        context["batches"] = list(selectors.batch_list_open(course=page))
        context["has_batches"] = bool(context["batches"]) or selectors.batch_exists(course=page)
        context["prerequisites"] = selectors.prerequisite_list(course=page, user=request.user)
    return context


def _lesson_context(page: LessonPage, request: HttpRequest) -> dict:
    if getattr(request, "is_preview", False):  # an editor's preview: no progress, no enrolment needed
        return {
            "access": selectors.LessonAccess(allowed=True),
            "navigation": {},
            **interactive_views.lesson_context(lesson=page, enrolment=None),
        }
    access = getattr(request, "kompeten_lesson_access", None) or selectors.lesson_access(lesson=page, user=request.user)
    context = {"access": access, "navigation": selectors.lesson_navigation(lesson=page, course=access.course)}
    context.update(scorm_views.lesson_context(page=page, access=access, user=request.user))
    context.update(interactive_views.lesson_context(lesson=page, enrolment=access.enrolment))
    if access.enrolment is not None and services.lesson_visit(enrolment=access.enrolment, lesson=page):
        xapi_services.statement_record(
            user=request.user,
            verb=xapi_services.Verb.EXPERIENCED,
            kind="lesson",
            object_pk=page.pk,
            object_name=page.title,
            course_id=access.course.pk if access.course else None,
        )
    return context


_PAGE_CONTEXTS = (
    (TrackIndexPage, _track_index_context),
    (TrackPage, _track_context),
    (CoursePage, _course_context),
    (LessonPage, _lesson_context),
)
