"""Attempts: start (draw and freeze), save one answer (newest sequence wins), submit, expire, grade."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.exams.models import Attempt, AttemptItem, Response, ResponseFile
from assessments.exams.pages import ExamPage
from assessments.exams.selectors import attempts as selectors
from assessments.exams.services.completion import course_completion_after_exam
from assessments.questions.models import Question, QuestionOption
from assessments.questions.services.versions import question_versions_current
from assessments.questions.types import (
    AnswerInvalid,
    clean_answer,
    grade,
    option_keys,
    shuffled_match_order,
    shuffled_option_order,
)
from courses.xapi.services import Verb, result_of, statement_record
from kompeten_core.conf import settings as kompeten
from kompeten_core.uploads import IMAGES, UploadRefused, content_matches, reencode_image


class ExamRefused(ValidationError):
    """The exam cannot be started or answered now; the message says why, in the user's language."""


def _draw(exam: ExamPage, rng: random.Random) -> list[Question]:
    """Fixed questions first, then each rule's random questions; no question twice."""
    chosen: list[int] = [row.question_id for row in exam.fixed_questions.all().order_by("sort_order")]
    for rule in exam.rules.all().order_by("sort_order"):
        pool = list(rule.pool().exclude(pk__in=chosen).values_list("pk", flat=True).distinct())
        if len(pool) < rule.count:
            raise ExamRefused(
                _("This exam cannot start: its question bank has too few questions. Please tell the instructor."),
                code="pool_too_small",
            )
        chosen.extend(rng.sample(pool, rule.count))
    if not chosen:
        raise ExamRefused(_("This exam has no questions yet."), code="empty")
    questions = Question.objects.filter(pk__in=chosen).prefetch_related(
        Prefetch("options", queryset=QuestionOption.objects.order_by("sort_order"))
    )
    by_id = {q.pk: q for q in questions}
    ordered = [by_id[pk] for pk in dict.fromkeys(chosen) if pk in by_id]
    if exam.shuffle_questions:
        rng.shuffle(ordered)
    return ordered


def _deadline(exam: ExamPage, now, *, extra_minutes: int = 0):
    """The time limit from now, and never after the exam closes; a person's extra minutes (a reasonable adjustment)
    lengthen both."""
    if not exam.time_limit_minutes and not exam.closes_at:
        return None
    extra = timedelta(minutes=extra_minutes)
    ends = now + timedelta(minutes=exam.time_limit_minutes) + extra if exam.time_limit_minutes else None
    if exam.closes_at and (ends is None or exam.closes_at + extra < ends):
        ends = exam.closes_at + extra
    return ends


@transaction.atomic
def attempt_start(*, user, exam: ExamPage) -> tuple[Attempt, bool]:
    """Start an attempt (or resume the one in progress). Returns (attempt, created)."""
    current = Attempt.objects.filter(user=user, exam=exam, state=Attempt.State.IN_PROGRESS).first()
    if current is not None and not attempt_close_if_expired(attempt=current):
        return current, False
    eligibility = selectors.exam_eligibility(exam=exam, user=user)
    if not eligibility.may_start:
        raise ExamRefused(eligibility.reason, code="not_eligible")
    rng = random.SystemRandom()  # question draws and orders must not be predictable
    questions = _draw(exam, rng)
    versions = question_versions_current(questions=questions)
    now = timezone.now()
    override = selectors.exam_override(exam=exam, user=user) if exam.time_limit_minutes or exam.closes_at else None
    attempt = Attempt(
        user=user,
        exam=exam,
        number=eligibility.attempts_used + 1,
        started_at=now,
        deadline=_deadline(exam, now, extra_minutes=override.extra_minutes if override else 0),
        max_score=sum((q.points for q in questions), Decimal(0)),
    )
    try:
        with transaction.atomic():
            attempt.save()
    except IntegrityError:  # a second "start" in parallel: there is one attempt, and it is that one
        return Attempt.objects.get(user=user, exam=exam, state=Attempt.State.IN_PROGRESS), False
    items = []
    for position, question in enumerate(questions, start=1):
        version = versions[question.pk]
        if exam.shuffle_options or question.type == Question.Type.ORDERING:  # ordering: never the right order
            option_order = shuffled_option_order(version.data)
        else:
            option_order = option_keys(version.data)
        items.append(
            AttemptItem(
                attempt=attempt,
                position=position,
                question_version=version,
                unit_id=question.unit_id,
                option_order=option_order,
                match_order=shuffled_match_order(version.data),
                max_score=question.points,
            )
        )
    AttemptItem.objects.bulk_create(items)
    Response.objects.bulk_create([Response(item=item) for item in items])
    return attempt, True


@dataclass(frozen=True)
class SaveResult:
    saved: bool  # False: a newer answer was already saved (this one was older)
    seq: int


def _save_allowed(*, state: str, deadline, seq) -> None:
    """Refuse a save to a closed or late attempt, or with a malformed sequence number (in this order)."""
    if state != Attempt.State.IN_PROGRESS:
        raise ExamRefused(_("This attempt has been submitted; answers can no longer change."), code="closed")
    if deadline and timezone.now() > deadline + timedelta(seconds=kompeten.ATTEMPT_GRACE_SECONDS):
        raise ExamRefused(_("Time is up: answers sent after the deadline are not accepted."), code="late")
    if not isinstance(seq, int) or isinstance(seq, bool) or not 0 < seq < 2**62:
        raise AnswerInvalid(_("The save is malformed (sequence number)."))


def _sequential_closed(*, navigation: str, position: int, position_reached: int) -> None:
    if navigation == ExamPage.Navigation.SEQUENTIAL and position < position_reached:
        raise ExamRefused(_("This question is closed: the exam goes forward only."), code="sequential")


def _while_open(responses, *, attempt_id: int, **changes) -> int:
    """Update these responses only while their attempt is in progress, in one statement: the attempt's row is
    locked by the statement itself (``FOR UPDATE`` in its ``EXISTS``), so a save waits for a submit that got there
    first and then finds the attempt closed, and a submit waits for a save that got there first (SQLite serialises
    the writes anyway). The number of rows updated."""
    still_open = Attempt.objects.filter(pk=attempt_id, state=Attempt.State.IN_PROGRESS).select_for_update()
    with transaction.atomic(savepoint=False):  # the row lock needs a transaction; no savepoint, no extra query
        return responses.filter(Exists(still_open)).update(**changes)


def _answer_write(
    *, attempt_id: int, item_id: int, data: dict, seq: int, raw_answer, flagged: bool | None
) -> SaveResult:
    """Clean the answer against the frozen question and keep it if its sequence number is the newest and the attempt
    is still open (one UPDATE; a save that finds nothing to update costs one query more, to tell why)."""
    answer = clean_answer(data, raw_answer)
    file_id = answer.get("file_id")
    # only a file uploaded for this very answer
    if file_id and not ResponseFile.objects.filter(pk=file_id, response__item_id=item_id).exists():
        raise AnswerInvalid(_("Upload a file first."))
    changes = {"answer": answer, "seq": seq, "saved_at": timezone.now()}
    if flagged is not None:
        changes["flagged"] = bool(flagged)
    updated = _while_open(Response.objects.filter(item_id=item_id, seq__lt=seq), attempt_id=attempt_id, **changes)
    if not updated and not Attempt.objects.filter(pk=attempt_id, state=Attempt.State.IN_PROGRESS).exists():
        # submitted between the state check and the write: the answer was not kept
        raise ExamRefused(_("This attempt has been submitted; answers can no longer change."), code="closed")
    return SaveResult(saved=bool(updated), seq=seq)


def response_save(*, attempt: Attempt, position: int, seq: int, raw_answer, flagged: bool | None = None) -> SaveResult:
    """Save one answer. Idempotent: the server keeps the answer with the highest sequence number.

    ``attempt`` (with its exam) must already be checked to belong to the user. Two queries: the item, then one
    conditional UPDATE — which is what makes two saves racing for one answer keep the newest.
    """
    _save_allowed(state=attempt.state, deadline=attempt.deadline, seq=seq)
    item = AttemptItem.objects.select_related("question_version").filter(attempt=attempt, position=position).first()
    if item is None:
        raise AttemptItem.DoesNotExist
    _sequential_closed(navigation=attempt.exam.navigation, position=position, position_reached=attempt.position_reached)
    return _answer_write(
        attempt_id=attempt.pk,
        item_id=item.pk,
        data=item.question_version.data,
        seq=seq,
        raw_answer=raw_answer,
        flagged=flagged,
    )


def response_autosave(
    *, user, attempt_id: int, position: int, seq: int, raw_answer, flagged: bool | None = None
) -> SaveResult:
    """The autosave endpoint: ``response_save`` for the user's own attempt, found by id, in two queries.

    One read brings the item, its frozen question and its attempt's state, deadline and navigation (no model is
    built, no page is loaded), then one conditional UPDATE. When that read finds nothing, the attempt is looked up
    to tell why: ``Attempt.DoesNotExist`` (not this user's attempt), or what ``response_save`` refuses.
    """
    target = selectors.autosave_target(attempt_id=attempt_id, position=position, user=user)
    if target is None:
        attempt = selectors.attempt_for_user(attempt_id=attempt_id, user=user)
        if attempt is None:
            raise Attempt.DoesNotExist
        return response_save(attempt=attempt, position=position, seq=seq, raw_answer=raw_answer, flagged=flagged)
    _save_allowed(state=target["state"], deadline=target["deadline"], seq=seq)
    _sequential_closed(navigation=target["navigation"], position=position, position_reached=target["position_reached"])
    return _answer_write(
        attempt_id=attempt_id,
        item_id=target["pk"],
        data=target["data"],
        seq=seq,
        raw_answer=raw_answer,
        flagged=flagged,
    )


def attempt_advance(*, attempt: Attempt, position: int) -> None:
    """Sequential navigation: remember the furthest question reached (never goes back)."""
    Attempt.objects.filter(pk=attempt.pk, position_reached__lt=position).update(position_reached=position)


def attempt_close_if_expired(*, attempt: Attempt) -> bool:
    """Close an attempt whose deadline (plus grace) has passed, counting every saved answer. True if closed."""
    if attempt.state != Attempt.State.IN_PROGRESS or attempt.deadline is None:
        return False
    if timezone.now() <= attempt.deadline + timedelta(seconds=kompeten.ATTEMPT_GRACE_SECONDS):
        return False
    attempt_submit(attempt=attempt, expired=True)
    return True


@transaction.atomic
def attempt_submit(*, attempt: Attempt, expired: bool = False) -> Attempt:
    """Submit and grade. Submitting twice (or in two parallel requests) grades once."""
    flipped = Attempt.objects.filter(pk=attempt.pk, state=Attempt.State.IN_PROGRESS).update(
        state=Attempt.State.SUBMITTED, submitted_at=timezone.now(), expired=expired
    )
    attempt.refresh_from_db()
    attempt.submitted_now = bool(flipped)  # this call submitted it (not an earlier or a parallel one)
    if flipped:
        _attempt_grade(attempt)
        _submission_statement(attempt)
    return attempt


def _submission_statement(attempt: Attempt) -> None:
    """The submission as an xAPI statement: passed or failed once graded, else completed (an assessor grades it)."""
    exam = attempt.exam
    verb = {True: Verb.PASSED, False: Verb.FAILED}.get(attempt.passed, Verb.COMPLETED)
    scaled = attempt.percent / 100 if attempt.passed is not None and attempt.percent is not None else None
    course = selectors.course_of_exam(exam=exam)
    statement_record(
        user=attempt.user,
        verb=verb,
        kind="exam",
        object_pk=exam.pk,
        object_name=exam.title,
        course_id=course.pk if course else None,
        result=result_of(score_scaled=scaled, success=attempt.passed, completion=True),
    )


def _percent(score: Decimal, maximum: Decimal) -> Decimal:
    if not maximum:
        return Decimal("0.00")
    return (Decimal(100) * score / maximum).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _attempt_grade(attempt: Attempt) -> None:
    now = timezone.now()
    items = list(attempt.items.select_related("question_version", "response", "unit").order_by("position"))
    responses = []
    for item in items:
        response = item.response
        result = grade(item.question_version.data, response.answer or {})
        response.score = result.score if not result.needs_manual else None
        response.correct = result.correct
        response.needs_manual = result.needs_manual
        response.graded_at = None if result.needs_manual else now
        responses.append(response)
    Response.objects.bulk_update(responses, ["score", "correct", "needs_manual", "graded_at"])
    attempt_totals_record(attempt=attempt, items=items)


def attempt_totals_record(*, attempt: Attempt, items: list[AttemptItem] | None = None) -> None:
    """Totals per unit and overall, and pass/fail — once no answer waits for an assessor."""
    exam = attempt.exam
    items = items if items is not None else list(attempt.items.select_related("response", "unit"))
    waiting = any(item.response.needs_manual and item.response.graded_at is None for item in items)
    units: dict = {}
    total = Decimal(0)
    for item in items:
        score = item.response.score or Decimal(0)
        total += score
        key = item.unit_id or 0
        row = units.setdefault(
            key,
            {
                "unit_id": item.unit_id,
                "code": item.unit.code if item.unit else "",
                "score": Decimal(0),
                "max": Decimal(0),
            },
        )
        row["score"] += score
        row["max"] += item.max_score
    unit_results = []
    unit_ok = True
    for row in units.values():
        percent = _percent(row["score"], row["max"])
        passed = exam.unit_pass_mark is None or row["unit_id"] is None or percent >= exam.unit_pass_mark
        unit_ok = unit_ok and passed
        unit_results.append(
            {
                "unit_id": row["unit_id"],
                "code": row["code"],
                "score": str(row["score"]),
                "max": str(row["max"]),
                "percent": str(percent),
                "passed": passed,
            }
        )
    percent = _percent(total, attempt.max_score)
    fields = {"score": total, "percent": percent, "unit_results": unit_results}
    if waiting:
        fields.update(state=Attempt.State.SUBMITTED, passed=None)
    else:
        fields.update(
            state=Attempt.State.GRADED, graded_at=timezone.now(), passed=percent >= exam.pass_mark and unit_ok
        )
    Attempt.objects.filter(pk=attempt.pk).update(**fields)
    for name, value in fields.items():
        setattr(attempt, name, value)
    if attempt.passed:
        transaction.on_commit(lambda: course_completion_after_exam(attempt_id=attempt.pk))


@transaction.atomic
def response_grade_manual(*, response: Response, score: Decimal, grader, feedback: str = "") -> Response:
    """An assessor grades an essay or file answer; the attempt's result follows once nothing waits."""
    item = response.item
    if not Decimal(0) <= score <= item.max_score:
        raise ValidationError({"score": _("The score must be between 0 and %(max)s.") % {"max": item.max_score}})
    response.score, response.graded_by, response.feedback, response.graded_at = score, grader, feedback, timezone.now()
    response.correct = score >= item.max_score
    response.save(update_fields=["score", "graded_by", "feedback", "graded_at", "correct"])
    attempt = Attempt.objects.select_related("exam").get(pk=item.attempt_id)
    if attempt.state == Attempt.State.SUBMITTED:
        attempt_totals_record(attempt=attempt)
    return response


def attempts_close_expired() -> int:
    """Close every attempt past its deadline (the periodic task). Returns how many were closed."""
    limit = timezone.now() - timedelta(seconds=kompeten.ATTEMPT_GRACE_SECONDS)
    closed = 0
    for attempt in Attempt.objects.filter(state=Attempt.State.IN_PROGRESS, deadline__lt=limit).select_related("exam"):
        attempt_submit(attempt=attempt, expired=True)
        closed += 1
    return closed


def _upload_checked(upload, *, name: str, extension: str):
    """The upload when its content is what its name claims (images rebuilt from their pixels), else refused."""
    kind = content_matches(upload, extension)
    if kind is None:
        raise AnswerInvalid(_("“%(name)s” is not really a .%(ext)s file.") % {"name": name, "ext": extension})
    if kind in IMAGES:
        try:
            return reencode_image(upload, kind)
        except UploadRefused as error:
            raise AnswerInvalid(_("“%(name)s” is not a readable image.") % {"name": name}) from error
    return upload


@transaction.atomic
def response_file_upload(*, attempt: Attempt, position: int, upload) -> ResponseFile:
    """Store an uploaded file as the answer to a file question, after checking its type and size."""
    if attempt.state != Attempt.State.IN_PROGRESS:
        raise ExamRefused(_("This attempt has been submitted; answers can no longer change."), code="closed")
    if attempt.deadline and timezone.now() > attempt.deadline + timedelta(seconds=kompeten.ATTEMPT_GRACE_SECONDS):
        raise ExamRefused(_("Time is up: answers sent after the deadline are not accepted."), code="late")
    item = (
        AttemptItem.objects.select_related("question_version", "response")
        .filter(attempt=attempt, position=position)
        .first()
    )
    if item is None or item.question_version.data["type"] != Question.Type.FILE:
        raise AttemptItem.DoesNotExist
    rules = item.question_version.data["file"]
    name = (upload.name or "").rsplit("/", 1)[-1][:200]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in rules["extensions"]:
        raise AnswerInvalid(_("Allowed file types: %(types)s.") % {"types": ", ".join(rules["extensions"])})
    if upload.size > rules["max_mb"] * 1024 * 1024:
        raise AnswerInvalid(_("The file is larger than %(mb)s MB.") % {"mb": rules["max_mb"]})
    content = _upload_checked(upload, name=name, extension=extension)
    stored = ResponseFile(response=item.response, original_name=name, size=content.size)
    stored.file.save(name, content, save=False)
    stored.save()
    seq = int(timezone.now().timestamp() * 1000)
    Response.objects.filter(pk=item.response.pk, seq__lt=seq).update(
        answer={"file_id": stored.pk}, seq=seq, saved_at=timezone.now()
    )
    return stored
