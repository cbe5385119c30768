"""The interactive blocks' endpoints: a trainee's posted interaction (JSON) and the instructor's per-block report of a
batch. Thin: parse, check who asks, call a service or a selector, answer."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses import selectors as course_selectors
from courses.interactive import selectors, services
from courses.models import Enrolment, LessonPage

#: The largest interaction post read (a branching path of 50 steps or 20 blanks of 200 characters fit easily).
MAX_BODY = 16 * 1024


def _refusal(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@require_POST
@login_required
def interaction_post(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """Record the asker's attempt at one activity of a lesson of a course they are enrolled in.

    Body: ``{"block": "<block id>", "attempt": "<key>", "response": {...}}``. Another trainee's enrolment is never
    reached: the enrolment is the asker's own. A lesson of a course they are not enrolled in is a 404."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = course_selectors.course_of_lesson(lesson=lesson)
    enrolment = course_selectors.enrolment_for(user=request.user, course=course) if course else None
    if enrolment is None:
        raise Http404
    if enrolment.status == Enrolment.Status.WITHDRAWN:
        return _refusal(_("You have withdrawn from this course."), status=403)
    if len(request.body) > MAX_BODY:
        return _refusal(_("This answer is too large."), status=413)
    try:
        posted = json.loads(request.body)
    except (ValueError, RecursionError):
        posted = None
    if not isinstance(posted, dict):
        return _refusal(_("This answer could not be read."))
    try:
        interaction, _changed = services.interaction_record(
            enrolment=enrolment,
            lesson=lesson,
            block_id=posted.get("block"),
            response=posted.get("response"),
            attempt_key=posted.get("attempt"),
        )
    except services.InteractionRefused as refusal:
        return _refusal(refusal.messages[0])
    return JsonResponse(
        {
            "attempts": interaction.attempts,
            "score": interaction.score,
            "best_score": interaction.best_score,
            "completed": interaction.completed_at is not None,
            "activities_done": selectors.activities_done(enrolment=enrolment, lesson=lesson),
        }
    )


@require_GET
@login_required
def batch_activity_report(request: HttpRequest, batch_id: int) -> HttpResponse:
    """The batch's trainees against the course's activities: best score, attempts, done (the batch's instructors and
    staff allowed to view batches)."""
    batch = course_selectors.batch_for_instructor(batch_id=batch_id, user=request.user)
    if batch is None:
        raise Http404
    report = selectors.batch_activity_report(batch=batch)
    return render(request, "courses/interactive/report.html", {"batch": batch, "report": report})


def lesson_context(*, lesson, enrolment) -> dict:
    """What the lesson page needs for its activities: the scripts to load, the trainee's records, whether the
    activities gate the lesson's completion and are done (for the lesson page's context, courses.views)."""
    scripts = selectors.lesson_scripts(lesson=lesson)
    if not scripts:
        return {"interactive_scripts": []}
    records = selectors.interactions_for(enrolment=enrolment, lesson=lesson) if enrolment is not None else {}
    done = all(
        records.get(a.block_id) is not None and records[a.block_id].completed_at is not None
        for a in selectors.lesson_activities(lesson=lesson)
    )
    return {
        "interactive_scripts": ["courses/interactive/record.js", *scripts],
        "interactive_records": records,
        "interactive_record_url": reverse("courses:interaction_post", args=[lesson.pk]) if enrolment else "",
        "activities_pending": lesson.activities_required and not done,
    }
