"""Admin: the reviews of an event's assessment. FR.IA.11, the instruments of the event's plan judged against the
principles of assessment, by a reviewer with the permission (the *Certification admin* role), who need not be an
assessor of the event."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.models import AssessmentEvent
from assessments.competency.reviews import selectors, services

PRINCIPLES = ("valid", "reliable", "flexible", "fair")


def _event_or_404(request: HttpRequest, pk: int, permission: str) -> AssessmentEvent:
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(AssessmentEvent.objects.select_related("scheme"), pk=pk)


def _posted_judgements(post) -> dict[str, services.InstrumentJudgement]:
    return {
        code[:20]: services.InstrumentJudgement(
            **{principle: post.get(f"{principle}-{code}") == "1" for principle in PRINCIPLES},
            note=post.get(f"note-{code}", "")[: services.TEXT_MAX_CHARS],
        )
        for code in post.getlist("instrument")[:50]
    }


def instrument_review(request: HttpRequest, pk: int) -> HttpResponse:
    """FR.IA.11 for one event: each instrument of its plan, valid / reliable / flexible / fair, and a note."""
    event = _event_or_404(request, pk, selectors.REVIEW_PERMISSION)
    posted = {}
    status = 200
    if request.method == "POST":
        posted = _posted_judgements(request.POST)
        try:
            services.instrument_reviews_save(event=event, reviewer=request.user, judgements=posted)
        except services.ReviewRefused as refusal:
            messages.error(request, refusal.messages[0])
            status = 400
        else:
            messages.success(request, _("The review of the instruments (FR.IA.11) is saved."))
            return redirect(reverse("assessments_event_instrument_review", args=[event.pk]))
    rows = selectors.instrument_rows(event=event)
    for row in rows:
        source = posted.get(row.instrument) or row.review
        row.values = {name: getattr(source, name) for name in (*PRINCIPLES, "note")} if source else {}
    context = {"event": event, "rows": rows, "principles": PRINCIPLES}
    return TemplateResponse(request, "assessments/reviews/instrument_review.html", context, status=status)


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path(
            "assessments/events/<id:pk>/instrument-review/",
            instrument_review,
            name="assessments_event_instrument_review",
        ),
    ]
