"""Reads of batches, enrolments and their trainees for the plugins above (assessments' candidacies from a batch,
certificates' issuing and bulk runs, placement's tracer study and figures): a constant number of queries, whatever the
number of batches. The plugins above read the courses plugin through these and the rest of ``courses.selectors``,
never through ``courses.models`` (``.importlinter``: ``lower-models``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from wagtail.models import Page

from courses.models import Batch, Enrolment, EnrolmentQuerySet, TrackPage

LIVE = [Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]


@dataclass(frozen=True)
class BatchInfo:
    id: int
    name: str
    course_title: str
    track_id: int | None
    track_title: str
    starts_on: datetime.date
    ends_on: datetime.date


def batches_ended(*, since: datetime.date | None = None, until: datetime.date | None = None) -> QuerySet[Batch]:
    """Batches that ended within [since, until] (either bound optional), oldest end first."""
    batches = Batch.objects.all()
    if since is not None:
        batches = batches.filter(ends_on__gte=since)
    if until is not None:
        batches = batches.filter(ends_on__lte=until)
    return batches.order_by("ends_on", "pk")


def batch_infos(*, batches: QuerySet[Batch]) -> list[BatchInfo]:
    """The batches with their course and track titles (two queries: the batches with their courses, the tracks)."""
    rows = list(
        batches.select_related("course").only("id", "name", "starts_on", "ends_on", "course__title", "course__path")
    )
    track_paths = {batch.course.path[: -Page.steplen] for batch in rows}
    tracks = {track.path: track for track in TrackPage.objects.filter(path__in=track_paths).only("id", "title", "path")}
    infos = []
    for batch in rows:
        track = tracks.get(batch.course.path[: -Page.steplen])
        infos.append(
            BatchInfo(
                id=batch.pk,
                name=batch.name,
                course_title=batch.course.title,
                track_id=track.pk if track else None,
                track_title=track.title if track else "",
                starts_on=batch.starts_on,
                ends_on=batch.ends_on,
            )
        )
    return infos


def batch_trainees(*, batch_ids) -> QuerySet:
    """``(batch id, user id, completed)`` for each live (not withdrawn) enrolment of these batches (one query)."""
    return (
        Enrolment.objects.filter(batch_id__in=batch_ids, status__in=LIVE)
        .order_by()
        .values_list("batch_id", "user_id", "status")
    )


def users_enrolled(*, user_ids) -> set[int]:
    """Which of these people were ever enrolled in a course here (any status): the trainees of the institution.
    One query."""
    return set(Enrolment.objects.filter(user_id__in=list(user_ids)).values_list("user_id", flat=True).distinct())


def enrolments_completed() -> EnrolmentQuerySet:
    """``Enrolment.objects.completed()``: completed enrolments with their trainee, course and batch — the one rule
    of "completed" the plugins above read."""
    return Enrolment.objects.completed()


def batch_member_ids(*, batch) -> QuerySet:
    """The user ids of everyone enrolled in the batch, whatever their status (a subquery, no query of its own)."""
    return Enrolment.objects.filter(batch=batch).values("user_id")


def batch_ids_for_user(*, user, course_ids) -> QuerySet:
    """The ids of the batches ``user`` was enrolled in for these courses (a subquery, no query of its own)."""
    return Enrolment.objects.filter(user=user, batch__course_id__in=course_ids).values("batch_id")


def batch_choices() -> QuerySet[Batch]:
    """Every batch with its course, newest first: the choices of an admin form (one query)."""
    return Batch.objects.select_related("course").order_by("-starts_on", "name")


def is_completed(status: str) -> bool:
    return status == Enrolment.Status.COMPLETED


def track_choices() -> QuerySet[TrackPage]:
    return TrackPage.objects.live().order_by("path").only("id", "title")
