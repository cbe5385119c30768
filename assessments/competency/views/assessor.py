"""The assessor's grading queue: essay and file answers waiting for the assessor assigned to the candidate.

Views parse input, call ``selectors.assessor`` and ``services.grading``, and render; an answer the user may not
grade is a 404 whatever the reason, so that nothing reveals whether it exists."""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments.competency.selectors import assessor as selectors
from assessments.competency.selectors.candidacy import candidate_assigned_to
from assessments.competency.services import grading
from assessments.exams.models import ResponseFile
from assessments.questions.types import public_view
from kompeten_core.conf import settings as kompeten
from kompeten_core.posted import posted_id
from kompeten_core.private_files import private_file_response

QUEUE_LIMIT = 100


class GradeForm(forms.Form):
    score = forms.DecimalField(label=gettext_lazy("Score"), min_value=Decimal(0), max_digits=8, decimal_places=2)
    feedback = forms.CharField(
        label=gettext_lazy("Feedback for the candidate"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    lock_token = forms.CharField(max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, max_score: Decimal, **kwargs):
        super().__init__(*args, **kwargs)
        feedback = self.fields["feedback"]
        feedback.max_length = kompeten.GRADING_FEEDBACK_MAX_CHARS
        feedback.validators.append(MaxLengthValidator(feedback.max_length))
        feedback.widget.attrs["maxlength"] = str(feedback.max_length)
        field = self.fields["score"]
        field.max_value = max_score
        field.validators.append(MaxValueValidator(max_score))
        field.widget.attrs.update({"max": str(max_score), "min": "0", "step": "0.01"})


def _exam_id(request: HttpRequest) -> int | None:
    return posted_id(request.GET.get("exam", ""))


def _with_exam(url: str, exam_id: int | None) -> str:
    return f"{url}?{urlencode({'exam': exam_id})}" if exam_id else url


def _held_by_other(response, user) -> bool:
    return bool(response.locked_until and response.locked_until > timezone.now() and response.locked_by_id != user.pk)


@require_GET
@login_required
@never_cache
def grading_queue(request: HttpRequest) -> HttpResponse:
    """Counts, the filter by exam, and the awaiting answers, oldest submission first, with a "next item" link."""
    exam_id = _exam_id(request)
    responses = list(selectors.grading_queue(assessor=request.user, exam=exam_id)[:QUEUE_LIMIT])
    rows = [
        {"response": r, "attempt": r.item.attempt, "held_by_other": _held_by_other(r, request.user)} for r in responses
    ]
    next_row = next((row for row in rows if not row["held_by_other"]), None)
    context = {
        "rows": rows,
        "counts": selectors.grading_counts(assessor=request.user, exam=exam_id),
        "exams": list(selectors.grading_exams(assessor=request.user)),
        "exam_id": exam_id,
        "in_progress": list(selectors.checklists_in_progress(assessor=request.user)[:QUEUE_LIMIT]),
        "next_response": next_row["response"] if next_row else None,
        "limit": QUEUE_LIMIT,
    }
    return render(request, "assessments/assessor/queue.html", context)


def _answer(response) -> dict:
    """The candidate's answer for the page: essay text (escaped by the template) or the uploaded file."""
    answer = response.answer or {}
    file_id = answer.get("file_id")
    stored = next((f for f in response.files.all() if f.pk == file_id), None) if file_id else None
    return {
        "text": answer.get("text", ""),
        "file_id": file_id,
        "file_name": stored.original_name if stored else "",
        "file_url": reverse("assessments:file_download", args=[file_id]) if file_id else "",
    }


@require_http_methods(["GET", "POST"])
@login_required
@never_cache
def response_grade(request: HttpRequest, response_id: int) -> HttpResponse:
    """GET takes the lock and shows the form (or who holds the lock); POST grades and moves to the next answer."""
    response = selectors.response_for_grading(response_id=response_id, assessor=request.user)
    if response is None:
        raise Http404
    exam_id = _exam_id(request)
    item = response.item
    here = _with_exam(reverse("assessments:assessor_grade", args=[response.pk]), exam_id)
    if request.method == "POST":
        form = GradeForm(request.POST, max_score=item.max_score)
        if form.is_valid():
            try:
                grading.response_grade(
                    response_id=response.pk,
                    assessor=request.user,
                    score=form.cleaned_data["score"],
                    feedback=form.cleaned_data["feedback"],
                    lock_token=form.cleaned_data["lock_token"],
                )
            except grading.GradingRefused as refusal:
                if refusal.code != "score":
                    messages.error(request, refusal.messages[0])
                    if refusal.code in ("graded", "not_found"):
                        return redirect(_with_exam(reverse("assessments:assessor_queue"), exam_id))
                    return redirect(here)
                form.add_error("score", refusal.messages[0])
            else:
                messages.success(request, _("The grade has been saved."))
                following = selectors.grading_next(assessor=request.user, exam=exam_id, exclude=response.pk)
                if following is None:
                    return redirect(_with_exam(reverse("assessments:assessor_queue"), exam_id))
                return redirect(_with_exam(reverse("assessments:assessor_grade", args=[following.pk]), exam_id))
        locked = not _held_by_other(response, request.user)
    else:
        locked = grading.response_lock(response=response, assessor=request.user)
        form = GradeForm(
            initial={"lock_token": grading.lock_token(response), "feedback": response.feedback},
            max_score=item.max_score,
        )
    context = {
        "response": response,
        "item": item,
        "attempt": item.attempt,
        "question": public_view(item.question_version.data, item.option_order, item.match_order),
        "answer": _answer(response),
        "form": form if locked else None,
        "locked": locked,
        "holder": None if locked else response.locked_by,
        "locked_until": None if locked else response.locked_until,
        "exam_id": exam_id,
        "action": here,
    }
    return render(request, "assessments/assessor/grade.html", context)


@require_POST
@login_required
def response_release(request: HttpRequest, response_id: int) -> HttpResponse:
    """Give the lock back without grading (skip this answer for now)."""
    response = selectors.response_for_grading(response_id=response_id, assessor=request.user)
    if response is None:
        raise Http404
    grading.response_unlock(response=response, assessor=request.user)
    return redirect(_with_exam(reverse("assessments:assessor_queue"), _exam_id(request)))


@require_GET
@login_required
def response_file_download(request: HttpRequest, file_id: int) -> HttpResponse:
    """The uploaded file, for its owner, an assessor assigned to them, or staff who correct grades. Never public."""
    stored = get_object_or_404(ResponseFile.objects.select_related("response__item__attempt"), pk=file_id)
    candidate_id = stored.response.item.attempt.user_id
    # The trainee, staff who may correct grades, or an assessor assigned to this candidate (whatever the answer's
    # state). Merely holding "view attempts" (every assessor does) is not enough.
    allowed = candidate_id == request.user.pk or request.user.has_perm("assessments.change_response")
    if not allowed and not candidate_assigned_to(assessor=request.user, candidate_id=candidate_id):
        raise Http404
    return private_file_response(name=stored.file.name, filename=stored.original_name, storage=stored.file.storage)
