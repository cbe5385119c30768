"""Writes of the courses plugin: enrolment, progress, completion, and enrolling a list of trainees."""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from wagtail.models import GroupPagePermission

from courses import selectors
from courses.interactive import selectors as interactive_selectors
from courses.models import Batch, CoursePage, Enrolment, LessonCompletion, LessonPage
from courses.signals import course_completed
from kompeten_core.conf import settings as kompeten
from kompeten_core.tabular import TabularFileInvalid, tabular_records

LIVE_ENROLMENT = [Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]


class EnrolmentRefused(ValidationError):
    """Enrolment is not possible; the message says why, in the user's language."""


# --- enrolment -----------------------------------------------------------------------------------------


def _prerequisites_missing(*, user, course) -> list[str]:
    completed = Enrolment.objects.filter(user=user, status=Enrolment.Status.COMPLETED).values("course_id")
    prerequisites = CoursePage.objects.filter(required_by=course)  # the published relation, not a draft's
    return list(prerequisites.exclude(pk__in=completed).order_by("title").values_list("title", flat=True))


def _batch_check(*, course, batch: Batch | None, selected: bool = False) -> Batch | None:
    """Lock and check the batch; without one, the course must have no batch open (self-paced). A batch that takes
    applications (``Batch.takes_applications``) enrols only the applicants its selection accepted (``selected``)."""
    if batch is None:
        if Batch.objects.filter(course=course).exists():
            raise EnrolmentRefused(_("Choose a batch to enrol in."), code="batch_required")
        return None
    batch = Batch.objects.select_for_update().get(pk=batch.pk)
    if batch.course_id != course.pk:
        raise EnrolmentRefused(_("This batch belongs to another course."), code="wrong_batch")
    if batch.takes_applications and not selected:
        raise EnrolmentRefused(
            _("This batch selects its trainees: apply for it and take part in the selection."), code="selection"
        )
    if not batch.enrolment_open and not selected:
        raise EnrolmentRefused(_("Enrolment in this batch is closed."), code="closed")
    if batch.capacity is not None:
        taken = Enrolment.objects.filter(batch=batch, status__in=LIVE_ENROLMENT).count()
        if taken >= batch.capacity:
            raise EnrolmentRefused(_("This batch is full."), code="full")
    return batch


@transaction.atomic
def enrolment_create(
    *, user, course: CoursePage, batch: Batch | None = None, selected: bool = False
) -> tuple[Enrolment, bool]:
    """Enrol a user in a course (and batch). Enrolling again returns the existing enrolment, unchanged.
    ``selected``: the batch's selection accepted this user (``courses.training.registration``), who may be enrolled
    in a batch that takes applications, whether or not its direct enrolment is open.

    Refuses, with a translated message, a course that is not published, a closed or full batch, and a
    user who has not completed the course's prerequisites.
    """
    existing = Enrolment.objects.filter(user=user, course=course).first()
    if existing is not None and existing.status != Enrolment.Status.WITHDRAWN:
        return existing, False
    if not course.live:
        raise EnrolmentRefused(_("This course is not open."), code="not_live")
    missing = _prerequisites_missing(user=user, course=course)
    if missing:
        raise EnrolmentRefused(
            ngettext(
                "Complete this course first: %(courses)s.",
                "Complete these courses first: %(courses)s.",
                len(missing),
            )
            % {"courses": ", ".join(missing)},
            code="prerequisites",
        )
    batch = _batch_check(course=course, batch=batch, selected=selected)
    if existing is not None:  # a withdrawn trainee comes back
        existing.status, existing.batch, existing.enrolled_at = Enrolment.Status.ACTIVE, batch, timezone.now()
        existing.full_clean()
        existing.save(update_fields=["status", "batch", "enrolled_at"])
        return existing, True
    enrolment = Enrolment(user=user, course=course, batch=batch)
    enrolment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError:  # the same user enrolled in a parallel request
        return Enrolment.objects.get(user=user, course=course), False
    return enrolment, True


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment) -> Enrolment:
    if enrolment.status == Enrolment.Status.ACTIVE:
        enrolment.status = Enrolment.Status.WITHDRAWN
        enrolment.save(update_fields=["status"])
    return enrolment


# --- progress and completion ------------------------------------------------------------------------------


def _lesson_in_course(*, lesson: LessonPage, course: CoursePage) -> bool:
    return lesson.path.startswith(course.path) and lesson.depth > course.depth


def lesson_visit(*, enrolment: Enrolment, lesson: LessonPage) -> bool:
    """Remember the lesson a trainee opened last ("continue where I left off"), in one UPDATE; whether this is a new
    visit. Opening the lesson the enrolment already points at, within ``KOMPETEN_LESSON_VISIT_WINDOW_SECONDS`` of
    its last activity, is the same visit (a reload): nothing is written."""
    now = timezone.now()
    last = enrolment.last_activity_at
    window = datetime.timedelta(seconds=kompeten.LESSON_VISIT_WINDOW_SECONDS)
    if enrolment.last_lesson_id == lesson.pk and last is not None and now - last < window:
        return False
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson, last_activity_at=now)
    enrolment.last_lesson_id, enrolment.last_activity_at = lesson.pk, now
    return True


@transaction.atomic
def lesson_complete(*, enrolment: Enrolment, lesson: LessonPage) -> tuple[LessonCompletion, bool]:
    """Mark a lesson done (once), then record the course's completion if it is now complete."""
    if enrolment.status == Enrolment.Status.WITHDRAWN:
        raise EnrolmentRefused(_("You have withdrawn from this course."), code="withdrawn")
    course = enrolment.course
    if not lesson.live or not _lesson_in_course(lesson=lesson, course=course):
        raise EnrolmentRefused(_("This lesson is not part of your course."), code="wrong_lesson")
    completion = LessonCompletion.objects.filter(enrolment=enrolment, lesson=lesson).first()
    if completion is not None:
        return completion, False
    if course.sequential_modules and selectors._locked(course=course, lesson=lesson, enrolment=enrolment):
        raise EnrolmentRefused(_("Finish the required lessons of the earlier modules first."), code="locked")
    if lesson.activities_required and not interactive_selectors.activities_done(enrolment=enrolment, lesson=lesson):
        raise EnrolmentRefused(_("Finish this lesson's activities first."), code="activities")
    try:
        with transaction.atomic():
            completion = LessonCompletion.objects.create(enrolment=enrolment, lesson=lesson)
    except IntegrityError:  # a double click that raced
        return LessonCompletion.objects.get(enrolment=enrolment, lesson=lesson), False
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson, last_activity_at=completion.completed_at)
    course_completion_record(enrolment=enrolment)
    return completion, True


@transaction.atomic(savepoint=False)  # inside a caller's transaction it needs no savepoint of its own
def course_completion_record(*, enrolment: Enrolment) -> bool:
    """Record that the course is complete when every requirement holds. Idempotent: True only the first time.

    Requirements: every live required lesson done, plus each ``KOMPETEN_COMPLETION_REQUIREMENTS`` check.
    On commit, ``courses.signals.course_completed`` is sent once with the enrolment id.
    """
    if enrolment.status != Enrolment.Status.ACTIVE or not selectors.completion_requirements_met(enrolment=enrolment):
        return False
    now = timezone.now()
    flipped = Enrolment.objects.filter(pk=enrolment.pk, status=Enrolment.Status.ACTIVE).update(
        status=Enrolment.Status.COMPLETED, completed_at=now
    )
    if not flipped:
        return False
    enrolment.status, enrolment.completed_at = Enrolment.Status.COMPLETED, now
    enrolment_id = enrolment.pk
    transaction.on_commit(lambda: course_completed.send(sender=Enrolment, enrolment_id=enrolment_id))
    return True


# --- enrolling a list of trainees from a CSV file --------------------------------------------------------


@dataclass
class CsvRow:
    line: int
    full_name: str
    email: str
    errors: list[str] = field(default_factory=list)
    status: str = ""  # one of STATUS_LABELS

    STATUS_LABELS = {
        "new": _lazy("new account"),
        "existing": _lazy("existing account"),
        "enrolled": _lazy("already enrolled"),
    }

    @property
    def status_label(self) -> str:
        return str(self.STATUS_LABELS.get(self.status, ""))


@dataclass
class CsvReport:
    rows: list[CsvRow]
    errors: list[str] = field(default_factory=list)  # errors about the file itself

    @property
    def ok(self) -> bool:
        return not self.errors and all(not row.errors for row in self.rows)


HEADER_ALIASES = {
    "full_name": {"full name", "full_name", "nama lengkap", "nama"},
    "email": {"email", "e-mail", "alamat e-mail", "surel"},
}
# A spreadsheet runs a cell that starts with one of these as a formula; no name or e-mail address starts so.
FORMULA_START = ("=", "+", "-", "@")


class EnrolmentCsvInvalid(ValidationError):
    """A trainee list that cannot be read at all; the message is translated and names the line when it can.
    ``batch_enrolment_csv_check`` reports it in ``CsvReport.errors``."""


def _csv_size_check(data: bytes) -> None:
    max_bytes = kompeten.CSV_MAX_BYTES
    if len(data) > max_bytes:
        raise EnrolmentCsvInvalid(
            _("The file is larger than %(size)s MB.") % {"size": f"{max_bytes / (1024 * 1024):g}"}
        )


def _csv_cell_problems(row: CsvRow) -> None:
    for value, limit in ((row.full_name, kompeten.CSV_MAX_NAME_CHARS), (row.email, kompeten.CSV_MAX_EMAIL_CHARS)):
        if len(value) > limit:
            row.errors.append(
                _("“%(value)s…” is %(length)s characters long; at most %(limit)s are allowed.")
                % {"value": value[:40], "length": len(value), "limit": limit}
            )
        elif value.startswith(FORMULA_START):
            row.errors.append(
                _("“%(value)s” looks like a spreadsheet formula, not a name or an e-mail address.") % {"value": value}
            )
    if any(unicodedata.category(char) in ("Cc", "Cf") for char in row.full_name):
        row.errors.append(_("The full name holds control characters."))


def _csv_rows(data: bytes) -> tuple[list[CsvRow], list[str]]:
    """The rows of the file, or ``([], [problem])`` when the file as a whole cannot be read."""
    try:
        return enrolment_csv_read(data=data), []
    except EnrolmentCsvInvalid as error:
        return [], error.messages


def enrolment_csv_read(*, data: bytes) -> list[CsvRow]:
    """Read a trainee list (no database): its rows, each with the problems of its own cells. Raises
    ``EnrolmentCsvInvalid`` (and nothing else) when the file as a whole cannot be read: over
    ``KOMPETEN_CSV_MAX_BYTES`` or ``KOMPETEN_CSV_MAX_ROWS``, not UTF-8, binary, malformed CSV, wrong columns."""
    _csv_size_check(data)
    try:
        table = tabular_records(data, aliases=HEADER_ALIASES, xlsx=False)
        if table.columns != set(HEADER_ALIASES):
            raise EnrolmentCsvInvalid(_("The first line must name the columns “full name” and “email”."))
        max_rows = kompeten.CSV_MAX_ROWS
        rows = []
        for line, cells in table.records:
            if len(rows) == max_rows:
                raise EnrolmentCsvInvalid(_("The file has more than %(max)s trainees.") % {"max": max_rows})
            row = CsvRow(line=line, full_name=cells["full_name"], email=cells["email"].lower())
            _csv_cell_problems(row)
            rows.append(row)
    except TabularFileInvalid as error:
        raise EnrolmentCsvInvalid(error.messages) from error
    if not rows:
        raise EnrolmentCsvInvalid(_("The file has no trainees."))
    return rows


def batch_enrolment_csv_check(*, batch: Batch, data: bytes) -> CsvReport:
    """Dry run: read the file and report, row by row, what enrolling it would do. Changes nothing."""
    rows, errors = _csv_rows(data)
    if errors:
        return CsvReport(rows=[], errors=errors)
    user_model = get_user_model()
    emails = [row.email for row in rows]
    users = {u.email.lower(): u for u in user_model._default_manager.filter(email__in=emails)}
    enrolled = set(
        Enrolment.objects.filter(course=batch.course, user__email__in=emails, status__in=LIVE_ENROLMENT).values_list(
            "user__email", flat=True
        )
    )
    enrolled = {e.lower() for e in enrolled}
    seen = set()
    for row in rows:
        if not row.full_name:
            row.errors.append(_("The full name is missing."))
        try:
            validate_email(row.email)
        except ValidationError:
            row.errors.append(_("“%(email)s” is not a valid e-mail address.") % {"email": row.email})
        if row.email in seen:
            row.errors.append(_("This e-mail address appears twice in the file."))
        seen.add(row.email)
        if row.email in enrolled:
            row.status = "enrolled"
        elif row.email in users:
            row.status = "existing"
        else:
            row.status = "new"
    new_seats = sum(1 for row in rows if row.email not in enrolled)
    if batch.capacity is not None:
        taken = Enrolment.objects.filter(batch=batch, status__in=LIVE_ENROLMENT).count()
        if taken + new_seats > batch.capacity:
            errors.append(
                _("The batch has %(free)s free seats; the file would need %(needed)s.")
                % {"free": max(batch.capacity - taken, 0), "needed": new_seats}
            )
    return CsvReport(rows=rows, errors=errors)


def trainee_get_or_create(*, email: str, full_name: str):
    """Default ``KOMPETEN_TRAINEE_CREATE``: find the account by e-mail or make one that must set its password."""
    user_model = get_user_model()
    user = user_model._default_manager.filter(email__iexact=email).first()
    if user is not None:
        return user
    first, _space, last = full_name.partition(" ")
    user = user_model(username=email, email=email, first_name=first[:150], last_name=last[:150])
    user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def batch_enrolment_csv_commit(*, batch: Batch, data: bytes) -> CsvReport:
    """Enrol every trainee of the file into the batch, or nobody: any problem changes nothing."""
    report = batch_enrolment_csv_check(batch=Batch.objects.select_for_update().get(pk=batch.pk), data=data)
    if not report.ok:
        return report
    create = import_string(kompeten.TRAINEE_CREATE)
    for row in report.rows:
        user = create(email=row.email, full_name=row.full_name)
        enrolment = Enrolment.objects.filter(user=user, course=batch.course).first()
        if enrolment is None:
            enrolment = Enrolment(user=user, course=batch.course, batch=batch)
            enrolment.full_clean(validate_constraints=False)
            enrolment.save()
        elif enrolment.status == Enrolment.Status.WITHDRAWN:
            enrolment.status, enrolment.batch = Enrolment.Status.ACTIVE, batch
            enrolment.save(update_fields=["status", "batch"])
    return report


# --- who may author a track ----------------------------------------------------------------------------

TRACK_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")


@transaction.atomic
def track_instructor_group_ensure(*, track) -> Group:
    """The group whose members author one track: add, edit and publish the pages under it, nothing else.

    Named "<instructor group>: <track title>"; managed afterwards like any group in the Wagtail admin
    (Settings → Groups), where page permissions per track can be changed too. Idempotent.
    """
    group, _created = Group.objects.get_or_create(name=f"{kompeten.INSTRUCTOR_GROUP}: {track.title}"[:150])
    for permission_type in TRACK_PAGE_PERMISSIONS:
        if not GroupPagePermission.objects.filter(
            group=group, page=track, permission__codename=f"{permission_type}_page"
        ).exists():
            GroupPagePermission.objects.create(group=group, page=track, permission_type=permission_type)
    return group
