"""Builders for the tracer study and the figures: batches that ended, their trainees, certificates issued on a
given day, placements starting on a given day."""

import datetime

from django.utils import timezone

from certificates.models import Certificate
from courses.models import Enrolment
from placement.models import Placement, Vacancy
from tests.certificates import factories as certificate_factories
from tests.courses import factories as course_factories
from tests.factories import UserFactory
from tests.placement import factories as placement_factories


def ended_batch(*, track_page=None, ends_on: datetime.date, starts_on: datetime.date | None = None, **fields):
    course_page = course_factories.course(track_page=track_page, modules=0)
    return course_factories.batch(
        course_page=course_page, starts_on=starts_on or ends_on - datetime.timedelta(days=60), ends_on=ends_on, **fields
    )


def trainee_in(batch, *, user=None, completed: bool = True, withdrawn: bool = False):
    user = user or certificate_factories.trainee_create()
    status = Enrolment.Status.WITHDRAWN if withdrawn else (Enrolment.Status.COMPLETED if completed else "active")
    Enrolment.objects.create(
        user=user,
        course=batch.course,
        batch=batch,
        status=status,
        completed_at=timezone.now() if status == Enrolment.Status.COMPLETED else None,
    )
    return user


def certified_on(user, day: datetime.date, codes=("C.FIG.01",)):
    certificate = placement_factories.certified(user=user, codes=list(codes))
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=moment)
    return certificate


def placed(user, starts_on: datetime.date):
    return Placement.objects.create(
        person=user,
        employer_name="PT Contoh Luar Portal",
        position="Operator",
        starts_on=starts_on,
        wage_band=Placement.WageBand.UMK,
        contract=Vacancy.Contract.PKWT,
        recorded_by=UserFactory(),
    )
