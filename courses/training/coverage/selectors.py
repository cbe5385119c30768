"""Reads of BPJS Ketenagakerjaan coverage: the gate's check for one trainee on one day, a batch's coverage list, the
trainees not covered on a day, the roster the centre sends to BPJS Ketenagakerjaan. Each in a fixed number of
queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from courses.models import Batch, Enrolment
from courses.training.coverage.models import Coverage
from courses.training.registration.models import Application
from courses.training.sessions.models import TrainingSession
from kompeten_core.conf import settings as kompeten

LIVE_ENROLMENT = [Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]
#: The programmes a trainee in practice must be covered for: work accident and death.
REQUIRED_PROGRAMMES = ("jkk", "jkm")


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def coverage_problem(*, coverage: Coverage | None, on_date: datetime.date) -> str:
    """What is wrong with this coverage on that day: "missing", "lapsed", "programmes" or "" (covered)."""
    if coverage is None:
        return "missing"
    if not coverage.covers(on_date):
        return "lapsed"
    if any(code not in coverage.programmes for code in REQUIRED_PROGRAMMES):
        return "programmes"
    return ""


def _coverage_of(enrolment: Enrolment) -> Coverage | None:
    """The enrolment's coverage; no query when it was read with it (``select_related("bpjs_coverage")``)."""
    if Enrolment.bpjs_coverage.is_cached(enrolment):
        return getattr(enrolment, "bpjs_coverage", None)  # None: read, and none is recorded
    return Coverage.objects.filter(enrolment_id=enrolment.pk).first()


def coverage_refusal(
    *, user, on_date: datetime.date, enrolment: Enrolment | None = None, batch_id: int | None = None
) -> str | None:
    """The translated reason why this trainee may not take part in practice on ``on_date`` for lack of BPJS
    Ketenagakerjaan coverage, or None. The trainee's place: their ``enrolment``, or the ``batch_id`` their live
    enrolment is in. The gate does not apply (None, no query) when ``KOMPETEN_BPJS_COVERAGE_REQUIRED`` is off or
    without an enrolment in a batch; one query otherwise (none when the enrolment was read with its coverage)."""
    if not kompeten.BPJS_COVERAGE_REQUIRED:
        return None
    if enrolment is not None and enrolment.batch_id is not None:
        coverage = _coverage_of(enrolment)
    elif enrolment is None and batch_id is not None:
        enrolment = (
            Enrolment.objects.filter(user_id=user.pk, batch_id=batch_id, status__in=LIVE_ENROLMENT)
            .select_related("bpjs_coverage")
            .first()
        )
        if enrolment is None:
            return None
        coverage = getattr(enrolment, "bpjs_coverage", None)
    else:
        return None
    problem = coverage_problem(coverage=coverage, on_date=on_date)
    if not problem:
        return None
    values = {"name": _name(user), "date": formats.date_format(on_date, "DATE_FORMAT")}
    if problem == "missing":
        message = _("No BPJS Ketenagakerjaan coverage (JKK and JKM) is recorded for %(name)s.") % values
    elif problem == "lapsed":
        values["start"] = formats.date_format(coverage.starts_on, "DATE_FORMAT")
        values["end"] = formats.date_format(coverage.ends_on, "DATE_FORMAT")
        message = (
            _(
                "The BPJS Ketenagakerjaan coverage of %(name)s runs from %(start)s to %(end)s and does not cover "
                "%(date)s."
            )
            % values
        )
    else:
        missing = [code.upper() for code in REQUIRED_PROGRAMMES if code not in coverage.programmes]
        values["missing"] = ", ".join(missing)
        message = _("The BPJS Ketenagakerjaan coverage of %(name)s lacks %(missing)s.") % values
    return "{} {}".format(
        message,
        _(
            "Practice in a workshop and practical assessment need it. Ask the centre's training administration to "
            "register the trainee with BPJS Ketenagakerjaan and record the coverage."
        ),
    )


# --- staff: a batch's coverage ----------------------------------------------------------------------------------


def batch_for_coverage(*, batch_id: int) -> Batch | None:
    return Batch.objects.select_related("course").filter(pk=batch_id).first()


@dataclass
class CoverageRow:
    enrolment: Enrolment
    coverage: Coverage | None
    problem: str  # "", "missing", "lapsed" or "programmes" on the day the list is read for

    @property
    def name(self) -> str:
        return _name(self.enrolment.user)


def _live_enrolments(batch: Batch):
    return (
        Enrolment.objects.filter(batch=batch, status__in=LIVE_ENROLMENT)
        .select_related("user", "bpjs_coverage")
        .order_by("user__username", "pk")
    )


def coverage_list(*, batch: Batch, on_date: datetime.date | None = None) -> list[CoverageRow]:
    """Every live trainee of the batch with their coverage and what is wrong with it on ``on_date`` (today by
    default). One query."""
    on_date = on_date or timezone.localdate()
    rows = []
    for enrolment in _live_enrolments(batch):
        coverage = getattr(enrolment, "bpjs_coverage", None)
        rows.append(
            CoverageRow(
                enrolment=enrolment,
                coverage=coverage,
                problem=coverage_problem(coverage=coverage, on_date=on_date),
            )
        )
    return rows


def uncovered_enrolments(batch: Batch, on_date: datetime.date) -> list[Enrolment]:
    """The batch's live enrolments not covered (JKK and JKM) on ``on_date``, with their trainee. One query."""
    return [row.enrolment for row in coverage_list(batch=batch, on_date=on_date) if row.problem]


@dataclass
class CoverageWarning:
    session: TrainingSession
    uncovered: list[Enrolment]


def coverage_warning(*, batch: Batch) -> CoverageWarning | None:
    """Before the batch's next practice session (the first one that has not ended), the trainees who would be
    refused on its day; None when there is no such session or everyone is covered. Two queries at most."""
    session = (
        TrainingSession.objects.filter(batch=batch, kind=TrainingSession.Kind.PRACTICE, ends_at__gt=timezone.now())
        .order_by("starts_at", "pk")
        .first()
    )
    if session is None:
        return None
    uncovered = uncovered_enrolments(batch, timezone.localdate(session.starts_at))
    return CoverageWarning(session=session, uncovered=uncovered) if uncovered else None


# --- the roster sent to BPJS Ketenagakerjaan ----------------------------------------------------------------------


@dataclass
class RegistrationRow:
    name: str
    nik: str
    birth_date: datetime.date | None
    starts_on: datetime.date
    ends_on: datetime.date


def registration_roster(*, batch: Batch) -> list[RegistrationRow]:
    """What the centre sends BPJS Ketenagakerjaan to register the batch's trainees: NIK, name and birth date (from
    the trainee's application for the batch, else the account's own NIK where the site keeps one) and the period
    (the batch's dates). Two queries."""
    applications = Application.objects.filter(batch=batch).order_by("-pk")
    enrolments = _live_enrolments(batch).prefetch_related(
        Prefetch("user__batch_applications", queryset=applications, to_attr="coverage_applications")
    )
    rows = []
    for enrolment in enrolments:
        user = enrolment.user
        application = next(iter(user.coverage_applications), None)
        rows.append(
            RegistrationRow(
                name=application.full_name if application else _name(user),
                nik=application.nik if application else getattr(user, "national_id", "") or "",
                birth_date=application.birth_date if application else None,
                starts_on=batch.starts_on,
                ends_on=batch.ends_on,
            )
        )
    return rows


def enrolments_for_import(*, batch: Batch) -> list[Enrolment]:
    """The batch's live enrolments with their trainee, their coverage and their application for the batch (for the
    NIK): what an import row is matched against. Two queries."""
    applications = Application.objects.filter(batch=batch).order_by("-pk")
    return list(
        _live_enrolments(batch).prefetch_related(
            Prefetch("user__batch_applications", queryset=applications, to_attr="coverage_applications")
        )
    )


def enrolment_for_coverage(*, batch: Batch, enrolment_id: int) -> Enrolment | None:
    """A live enrolment of this batch (never another batch's), with its trainee and coverage."""
    return _live_enrolments(batch).filter(pk=enrolment_id).first()
