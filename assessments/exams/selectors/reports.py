"""Instructor reports of an exam: attempts and scores, and per question its facility and discrimination.

Facility: the mean share of the points earned on the question. Discrimination: facility among the upper 27% of
graded attempts (by total percent) minus facility among the lower 27% — the classic upper-lower index; near 0 or
negative means the question does not separate stronger from weaker candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from assessments.exams.models import Attempt, Response
from assessments.exams.pages import ExamPage

GROUP_SHARE = Decimal("0.27")


@dataclass
class QuestionStats:
    question_id: int
    name: str
    responses: int
    facility: Decimal | None
    discrimination: Decimal | None


def exam_attempts(*, exam: ExamPage):
    """Every attempt at the exam with its trainee (one query)."""
    return Attempt.objects.filter(exam=exam).select_related("user").order_by("user__email", "number")


def exam_question_stats(*, exam: ExamPage) -> list[QuestionStats]:
    """Facility and discrimination per question over graded attempts (two queries)."""
    graded = list(
        Attempt.objects.filter(exam=exam, state=Attempt.State.GRADED).order_by("percent").values_list("pk", flat=True)
    )
    rows = list(
        Response.objects.filter(item__attempt_id__in=graded, score__isnull=False).values_list(
            "item__attempt_id",
            "item__question_version__question_id",
            "item__question_version__question__name",
            "score",
            "item__max_score",
        )
    )
    size = int(len(graded) * GROUP_SHARE) if len(graded) >= 4 else 0
    lower, upper = set(graded[:size]), set(graded[len(graded) - size :]) if size else set()
    by_question: dict[int, dict] = {}
    for attempt_id, question_id, name, score, maximum in rows:
        entry = by_question.setdefault(question_id, {"name": name, "all": [], "upper": [], "lower": []})
        share = (score / maximum) if maximum else Decimal(0)
        entry["all"].append(share)
        if attempt_id in upper:
            entry["upper"].append(share)
        if attempt_id in lower:
            entry["lower"].append(share)

    def mean(values):
        return (sum(values) / len(values)).quantize(Decimal("0.01")) if values else None

    stats = []
    for question_id, entry in by_question.items():
        upper_mean, lower_mean = mean(entry["upper"]), mean(entry["lower"])
        discrimination = upper_mean - lower_mean if upper_mean is not None and lower_mean is not None else None
        stats.append(QuestionStats(question_id, entry["name"], len(entry["all"]), mean(entry["all"]), discrimination))
    return sorted(stats, key=lambda row: row.name)


def attempts_table(attempts) -> tuple[list, list[list]]:
    header = [
        _("Full name"),
        _("E-mail"),
        _("Attempt"),
        _("Status"),
        _("Score"),
        _("Maximum"),
        _("Percent"),
        _("Passed"),
    ]
    rows = []
    for attempt in attempts:
        passed = "" if attempt.passed is None else (_("yes") if attempt.passed else _("no"))
        rows.append(
            [
                attempt.user.get_full_name() or attempt.user.get_username(),
                attempt.user.email,
                attempt.number,
                attempt.get_state_display(),
                attempt.score if attempt.score is not None else "",
                attempt.max_score,
                attempt.percent if attempt.percent is not None else "",
                passed,
            ]
        )
    return header, rows


def questions_table(stats: list[QuestionStats]) -> tuple[list, list[list]]:
    header = [_("Question"), _("Answers"), _("Facility"), _("Discrimination")]
    rows = [
        [
            s.name,
            s.responses,
            "" if s.facility is None else s.facility,
            "" if s.discrimination is None else s.discrimination,
        ]
        for s in stats
    ]
    return header, rows
