"""Reads of the interactive blocks: a lesson's activities (from its live body), a trainee's records, whether a lesson's
activities are done, and the per-block report of a batch."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from courses.interactive.kinds import INTERACTIVE_BLOCKS
from courses.interactive.models import Interaction
from courses.models import Enrolment, LessonPage


@dataclass(frozen=True)
class Activity:
    block_id: str
    name: str  # the StreamField block type: "sort", "fill_blanks", ...
    number: int  # its place among the lesson's activities, from 1

    @property
    def block(self):
        return INTERACTIVE_BLOCKS[self.name]()

    @property
    def kind(self) -> str:
        return INTERACTIVE_BLOCKS[self.name].kind


def lesson_activities(*, lesson) -> list[Activity]:
    """The interactive blocks of the lesson's body, in order. No query: the body's raw data, no image lookup."""
    activities = []
    for raw in lesson.body.raw_data if lesson.body else []:
        if raw.get("type") in INTERACTIVE_BLOCKS and raw.get("id"):
            activities.append(Activity(block_id=raw["id"], name=raw["type"], number=len(activities) + 1))
    return activities


def lesson_block(*, lesson, block_id: str):
    """(block, value) of the lesson's interactive block with this id, or None."""
    for child in lesson.body:
        if child.id == block_id and child.block_type in INTERACTIVE_BLOCKS:
            return child.block, child.value
    return None


def lesson_scripts(*, lesson) -> list[str]:
    """The static scripts the lesson's activities need (none for a lesson without one)."""
    names = {activity.name for activity in lesson_activities(lesson=lesson)}
    return [block.script for name, block in INTERACTIVE_BLOCKS.items() if name in names]


def interactions_for(*, enrolment, lesson) -> dict[str, Interaction]:
    """The trainee's records of the lesson's blocks, by block id. One query."""
    return {row.block_id: row for row in Interaction.objects.filter(enrolment=enrolment, lesson=lesson)}


def activities_done(*, enrolment, lesson) -> bool:
    """Has the trainee completed every interactive activity of the lesson? One query (none without activities)."""
    wanted = {activity.block_id for activity in lesson_activities(lesson=lesson)}
    if not wanted:
        return True
    done = Interaction.objects.filter(
        enrolment=enrolment, lesson=lesson, block_id__in=wanted, completed_at__isnull=False
    ).values_list("block_id", flat=True)
    return wanted <= set(done)


# --- the instructor's report ------------------------------------------------------------------------------------


@dataclass
class ReportColumn:
    lesson: LessonPage
    activity: Activity
    done: int = 0
    scores: list[int] = field(default_factory=list)

    @property
    def average(self) -> int | None:
        return round(sum(self.scores) / len(self.scores)) if self.scores else None


@dataclass
class ReportRow:
    enrolment: Enrolment
    cells: list[Interaction | None]


@dataclass
class BatchReport:
    columns: list[ReportColumn]
    rows: list[ReportRow]


def batch_activity_report(*, batch) -> BatchReport:
    """Every trainee of the batch (not withdrawn) against every activity of the course's live lessons: attempts,
    best score and completion. Three queries, however many trainees and activities."""
    lessons = LessonPage.objects.live().descendant_of(batch.course).order_by("path").only("pk", "title", "body")
    columns = [
        ReportColumn(lesson=lesson, activity=activity)
        for lesson in lessons
        for activity in lesson_activities(lesson=lesson)
    ]
    enrolments = list(
        Enrolment.objects.filter(batch=batch)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .select_related("user")
        .order_by("user__email", "pk")
    )
    records: dict[tuple[int, int, str], Interaction] = {}
    if columns and enrolments:
        wanted = Q()
        for lesson_id in {column.lesson.pk for column in columns}:
            wanted |= Q(lesson_id=lesson_id)
        for row in Interaction.objects.filter(wanted, enrolment__in=[e.pk for e in enrolments]):
            records[(row.enrolment_id, row.lesson_id, row.block_id)] = row
    rows = []
    for enrolment in enrolments:
        cells = [records.get((enrolment.pk, column.lesson.pk, column.activity.block_id)) for column in columns]
        for column, cell in zip(columns, cells, strict=True):
            if cell is not None and cell.completed_at is not None:
                column.done += 1
                column.scores.append(cell.best_score)
        rows.append(ReportRow(enrolment=enrolment, cells=cells))
    return BatchReport(columns=columns, rows=rows)
