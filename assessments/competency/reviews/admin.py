"""Admin: the reviews of an event's assessment. FR.IA.11, the instruments of the event's plan judged against the
principles of assessment; FR.AK.06, the review of the assessment process, signed with the reviewer's password. Each
for a reviewer with the permission (the *Certification admin* role), who need not be an assessor of the event."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.models import AssessmentEvent
from assessments.competency.reauthentication import reauthentication_prompt, reauthenticator_for
from assessments.competency.reviews import selectors, services
from assessments.competency.reviews.forms import ProcessReviewForm

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


def process_review(request: HttpRequest, pk: int) -> HttpResponse:
    """FR.AK.06 for one event, after the assessment: signed with the reviewer's password (nothing is signed when it
    is not right)."""
    event = _event_or_404(request, pk, selectors.PROCESS_REVIEW_PERMISSION)
    current = selectors.process_review_of(event=event)
    initial = {}
    if current is not None:
        initial = {
            name: getattr(current, name)
            for name in (
                "principles_met",
                "principles_comment",
                "evidence_rules_met",
                "evidence_rules_comment",
                "recommendations",
            )
        }
    prompt = reauthentication_prompt(request.user)
    form = ProcessReviewForm(request.POST or None, initial=initial, prompt=prompt)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        secret = data.pop("secret")
        try:
            reauthenticator_for(request.user).verify(request.user, secret)
            services.process_review_sign(event=event, reviewer=request.user, **data)
        except services.ReviewRefused as refusal:
            form.add_error(None, refusal.messages[0])
        except ValidationError as refusal:
            form.add_error("secret", refusal.messages[0])
        else:
            messages.success(request, _("The review of the assessment process (FR.AK.06) is signed."))
            return redirect(reverse("assessments_event_process_review", args=[event.pk]))
    context = {"event": event, "form": form, "current": current}
    status = 400 if form.errors else 200
    return TemplateResponse(request, "assessments/reviews/process_review.html", context, status=status)


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path(
            "assessments/events/<id:pk>/instrument-review/",
            instrument_review,
            name="assessments_event_instrument_review",
        ),
        path("assessments/events/<id:pk>/process-review/", process_review, name="assessments_event_process_review"),
    ]
