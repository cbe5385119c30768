from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses import selectors, services
from courses.forms import EnrolForm
from courses.models import CoursePage, Enrolment, LessonPage, TrackIndexPage
from kompeten_core import exports
from kompeten_core.audit import audit_log


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
    return render(request, "courses/batch_roster.html", {"batch": batch, "rows": rows})


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
