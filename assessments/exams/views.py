"""Trainee views of an exam: overview, start, the attempt page, autosave, submit, results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from assessments.exams.forms import answer_from_post
from assessments.exams.models import Attempt, AttemptItem
from assessments.exams.pages import ExamPage
from assessments.exams.selectors import attempts as selectors
from assessments.exams.selectors import reports
from assessments.exams.selectors import review as review_selectors
from assessments.exams.services import attempts as attempt_services
from assessments.json_body import JsonBodyInvalid, json_body
from assessments.questions.types import AnswerInvalid, public_view
from kompeten_core import exports
from kompeten_core.audit import audit_log
from kompeten_core.conf import settings as kompeten


def exam_overview(request: HttpRequest, exam: ExamPage) -> HttpResponse:
    """The exam's page: instructions, the trainee's attempts, and start or resume."""
    eligibility = selectors.exam_eligibility(exam=exam, user=request.user)
    attempts = list(selectors.attempts_for_exam(exam=exam, user=request.user)) if request.user.is_authenticated else []
    in_progress = next((a for a in attempts if a.state == Attempt.State.IN_PROGRESS), None)
    if in_progress is not None and attempt_services.attempt_close_if_expired(attempt=in_progress):
        in_progress.refresh_from_db()
        in_progress = None
    context = {
        "page": exam,
        "self": exam,
        "eligibility": eligibility,
        "attempts": attempts,
        "in_progress": in_progress,
        "course": selectors.course_of_exam(exam=exam),
        "can_report": request.user.is_authenticated and exam.permissions_for_user(request.user).can_edit(),
        "override": selectors.exam_override(exam=exam, user=request.user),
    }
    return render(request, "assessments/exam_page.html", context)


@require_POST
@login_required
def attempt_start(request: HttpRequest, exam_id: int) -> HttpResponse:
    exam = get_object_or_404(ExamPage.objects.live(), pk=exam_id)
    try:
        attempt, _created = attempt_services.attempt_start(user=request.user, exam=exam)
    except attempt_services.ExamRefused as refusal:
        messages.error(request, refusal.messages[0])
        return redirect(exam.get_url(request))
    return redirect("assessments:attempt", attempt_id=attempt.pk)


def _attempt_or_404(request, attempt_id: int) -> Attempt:
    attempt = selectors.attempt_for_user(attempt_id=attempt_id, user=request.user)
    if attempt is None:
        raise Http404
    return attempt


def _form_state(public: dict, answer: dict) -> dict:
    """What the form shows for a saved answer (checked choices, texts, chosen matches and places)."""
    order = answer.get("order") or []
    return {
        "choices": set(answer.get("choices") or ([answer["choice"]] if answer.get("choice") else [])),
        "value": answer.get("value"),
        "text": answer.get("text") or ("" if answer.get("value") is None else str(answer.get("value"))),
        "pairs": answer.get("pairs") or {},
        "places": {key: str(index) for index, key in enumerate(order, start=1)},
    }


@never_cache
@require_GET
@login_required
def attempt_page(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _attempt_or_404(request, attempt_id)
    if attempt.state == Attempt.State.IN_PROGRESS and attempt_services.attempt_close_if_expired(attempt=attempt):
        messages.info(request, _("Time is up: your attempt was submitted with every saved answer."))
    if attempt.state != Attempt.State.IN_PROGRESS:
        return redirect("assessments:attempt_result", attempt_id=attempt.pk)
    items = selectors.attempt_items(attempt=attempt)
    sequential = attempt.exam.navigation == ExamPage.Navigation.SEQUENTIAL
    file_names = selectors.response_file_names(items=items)
    rows = []
    for item in items:
        public = public_view(item.question_version.data, item.option_order, item.match_order)
        answer = item.response.answer or {}
        state = _form_state(public, answer)
        state["file_name"] = file_names.get(answer.get("file_id"), "")
        upload_url = (
            reverse("assessments:file_upload", args=[attempt.pk, item.position]) if public["type"] == "file" else ""
        )
        rows.append(
            {
                "item": item,
                "public": public,
                "state": state,
                "upload_url": upload_url,
                "answered": bool(answer),
                "flagged": item.response.flagged,
                "seq": item.response.seq,
                "open": not sequential or item.position == attempt.position_reached,
            }
        )
    context = {
        "attempt": attempt,
        "exam": attempt.exam,
        "rows": rows,
        "sequential": sequential,
        "server_now": timezone.now(),
        "grace_seconds": kompeten.ATTEMPT_GRACE_SECONDS,
    }
    return render(request, "assessments/attempt_page.html", context)


def _autosave_payload(request: HttpRequest) -> tuple[int, object, object, bool | None]:
    """(position, seq, answer, flagged) from an autosave body; raises ``JsonBodyInvalid``."""
    payload = json_body(request, max_bytes=kompeten.ANSWER_MAX_BYTES)
    if not isinstance(payload, dict) or set(payload) - {"position", "seq", "answer", "flagged"}:
        raise JsonBodyInvalid(_("The save is malformed."))
    position, seq, flagged = payload.get("position"), payload.get("seq"), payload.get("flagged")
    if not isinstance(position, int) or isinstance(position, bool) or "seq" not in payload:
        raise JsonBodyInvalid(_("The save is malformed."))
    if flagged is not None and not isinstance(flagged, bool):
        raise JsonBodyInvalid(_("The save is malformed."))
    return position, seq, payload.get("answer", {}), flagged


@require_POST
@login_required
def response_save(request: HttpRequest, attempt_id: int) -> JsonResponse:
    """Autosave one answer: JSON {"position": n, "seq": n, "answer": {...}, "flagged": bool?}.

    The hottest request of an exam (every trainee, every few seconds): the body is parsed first, then one read and
    one conditional UPDATE (``response_autosave``); error answers may cost a query more (a body that cannot be read
    is answered only once the attempt is known to be the asker's).
    """
    try:
        position, seq, raw_answer, flagged = _autosave_payload(request)
    except JsonBodyInvalid as invalid:
        if selectors.attempt_for_user(attempt_id=attempt_id, user=request.user) is None:
            return JsonResponse({"error": _("This attempt does not exist.")}, status=404)
        return invalid.response()
    try:
        result = attempt_services.response_autosave(
            user=request.user, attempt_id=attempt_id, position=position, seq=seq, raw_answer=raw_answer, flagged=flagged
        )
    except Attempt.DoesNotExist:
        return JsonResponse({"error": _("This attempt does not exist.")}, status=404)
    except AttemptItem.DoesNotExist:
        return JsonResponse({"error": _("This question is not part of your attempt.")}, status=404)
    except attempt_services.ExamRefused as refusal:
        return JsonResponse({"error": refusal.messages[0], "code": refusal.code}, status=409)
    except AnswerInvalid as invalid:
        return JsonResponse({"error": invalid.messages[0]}, status=400)
    return JsonResponse({"saved": result.saved, "seq": result.seq})


def _save_posted_answers(attempt: Attempt, post) -> list[str]:
    """Save the answers a posted form holds (the exam without JavaScript); return the problems found."""
    seq = int(timezone.now().timestamp() * 1000)
    problems = []
    for item in selectors.attempt_items(attempt=attempt):
        public = public_view(item.question_version.data, item.option_order, item.match_order)
        raw = answer_from_post(public=public, position=item.position, post=post)
        if raw is None:
            continue
        try:
            attempt_services.response_save(attempt=attempt, position=item.position, seq=seq, raw_answer=raw)
        except (AnswerInvalid, attempt_services.ExamRefused) as problem:
            problems.append(_("Question %(n)s: %(error)s") % {"n": item.position, "error": problem.messages[0]})
    return problems


@require_POST
@login_required
def attempt_submit(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """Submit (or, in sequential mode, go to the next question). Answers in the form are saved first."""
    attempt = _attempt_or_404(request, attempt_id)
    if attempt.state == Attempt.State.IN_PROGRESS and not attempt_services.attempt_close_if_expired(attempt=attempt):
        problems = _save_posted_answers(attempt, request.POST)
        if problems:
            for problem in problems:
                messages.error(request, problem)
            return redirect("assessments:attempt", attempt_id=attempt.pk)
        if request.POST.get("action") == "next":
            attempt_services.attempt_advance(attempt=attempt, position=attempt.position_reached + 1)
            return redirect("assessments:attempt", attempt_id=attempt.pk)
        attempt_services.attempt_submit(attempt=attempt)
    return redirect("assessments:attempt_result", attempt_id=attempt.pk)


@require_GET
@login_required
def attempt_result(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _attempt_or_404(request, attempt_id)
    if attempt.state == Attempt.State.IN_PROGRESS:
        return redirect("assessments:attempt", attempt_id=attempt.pk)
    context = {
        "attempt": attempt,
        "exam": attempt.exam,
        "rows": review_selectors.attempt_review(attempt=attempt),
        "units": review_selectors.unit_results(attempt=attempt),
        "show_feedback": selectors.feedback_visible(attempt=attempt),
        "show_correct": review_selectors.correct_answers_visible(attempt=attempt),
    }
    return render(request, "assessments/attempt_result.html", context)


@require_GET
@login_required
def exam_report(request: HttpRequest, exam_id: int) -> HttpResponse:
    """For the exam's authors: attempts and scores, and each question's facility and discrimination."""
    exam = get_object_or_404(ExamPage, pk=exam_id)
    if not exam.permissions_for_user(request.user).can_edit():
        raise Http404
    attempts = list(reports.exam_attempts(exam=exam))
    stats = reports.exam_question_stats(exam=exam)
    export = request.GET.get("format", "")
    attempts_header, attempts_rows = reports.attempts_table(attempts)
    questions_header, questions_rows = reports.questions_table(stats)
    if export == "csv":
        table = "questions" if request.GET.get("table") == "questions" else "attempts"
        rows = questions_rows if table == "questions" else attempts_rows
        audit_log(
            exam,
            "assessments.exam_report_export",
            user=request.user,
            data={"format": "csv", "table": table, "rows": len(rows)},
        )
        if table == "questions":
            return exports.csv_response(
                filename=f"exam-{exam.pk}-questions", header=questions_header, rows=questions_rows
            )
        return exports.csv_response(filename=f"exam-{exam.pk}-attempts", header=attempts_header, rows=attempts_rows)
    if export == "xlsx":
        audit_log(
            exam,
            "assessments.exam_report_export",
            user=request.user,
            data={"format": "xlsx", "table": "attempts,questions", "rows": len(attempts_rows)},
        )
        return exports.xlsx_response(
            filename=f"exam-{exam.pk}",
            sheets=[
                (_("Attempts"), attempts_header, attempts_rows),
                (_("Questions"), questions_header, questions_rows),
            ],
        )
    context = {"exam": exam, "attempts": attempts, "stats": stats}
    return render(request, "assessments/exam_report.html", context)


@require_POST
@login_required
def response_file_upload(request: HttpRequest, attempt_id: int, position: int) -> HttpResponse:
    attempt = _attempt_or_404(request, attempt_id)
    for problem in _save_posted_answers(attempt, request.POST):  # the rest of the form is not lost
        messages.error(request, problem)
    upload = request.FILES.get(f"file-{position}")
    if upload is None:
        messages.error(request, _("Choose a file to upload."))
        return redirect(reverse("assessments:attempt", args=[attempt.pk]) + f"#q{position}")
    try:
        attempt_services.response_file_upload(attempt=attempt, position=position, upload=upload)
    except AttemptItem.DoesNotExist as missing:
        raise Http404 from missing
    except (AnswerInvalid, attempt_services.ExamRefused) as problem:
        messages.error(request, problem.messages[0])
    else:
        messages.success(request, _("Your file has been uploaded."))
    return redirect(reverse("assessments:attempt", args=[attempt.pk]) + f"#q{position}")
