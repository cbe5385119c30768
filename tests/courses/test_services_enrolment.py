import pytest
from django.db import IntegrityError, connection, transaction

from courses import services
from courses.models import Enrolment
from tests.courses import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_self_enrolment_in_a_course_without_batches(course, trainee_user):
    enrolment, created = services.enrolment_create(user=trainee_user, course=course)
    assert created
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert enrolment.batch is None


def test_enrolling_twice_returns_the_same_enrolment(course, trainee_user):
    first, _ = services.enrolment_create(user=trainee_user, course=course)
    second, created = services.enrolment_create(user=trainee_user, course=course)
    assert (second.pk, created) == (first.pk, False)
    assert Enrolment.objects.count() == 1


def test_a_closed_batch_refuses_enrolment(course, trainee_user):
    batch = factories.batch(course_page=course, enrolment_open=False)
    with pytest.raises(services.EnrolmentRefused) as refusal:
        services.enrolment_create(user=trainee_user, course=course, batch=batch)
    assert refusal.value.code == "closed"
    assert not Enrolment.objects.exists()


def test_a_full_batch_refuses_enrolment(course):
    batch = factories.batch(course_page=course, capacity=1)
    services.enrolment_create(user=UserFactory(), course=course, batch=batch)
    with pytest.raises(services.EnrolmentRefused) as refusal:
        services.enrolment_create(user=UserFactory(), course=course, batch=batch)
    assert refusal.value.code == "full"
    assert Enrolment.objects.count() == 1


def test_withdrawn_trainees_free_their_seat(course):
    batch = factories.batch(course_page=course, capacity=1)
    first, _ = services.enrolment_create(user=UserFactory(), course=course, batch=batch)
    services.enrolment_withdraw(enrolment=first)
    _second, created = services.enrolment_create(user=UserFactory(), course=course, batch=batch)
    assert created


def test_a_course_with_batches_needs_one_to_be_chosen(course, trainee_user):
    factories.batch(course_page=course)
    with pytest.raises(services.EnrolmentRefused) as refusal:
        services.enrolment_create(user=trainee_user, course=course)
    assert refusal.value.code == "batch_required"


def test_a_batch_of_another_course_is_refused(course, trainee_user):
    other = factories.batch(course_page=factories.course(modules=1, lessons=1))
    with pytest.raises(services.EnrolmentRefused) as refusal:
        services.enrolment_create(user=trainee_user, course=course, batch=other)
    assert refusal.value.code == "wrong_batch"


def test_prerequisites_must_be_completed_first(course, trainee_user):
    basics = factories.course(modules=1, lessons=1, title="Dasar K3")
    course.prerequisites.add(basics)
    course.save_revision().publish()
    with pytest.raises(services.EnrolmentRefused, match="Dasar K3"):
        services.enrolment_create(user=trainee_user, course=course)
    factories.enrolment(
        user=trainee_user, course_page=basics, status="completed", completed_at="2026-11-01T08:00+07:00"
    )
    _enrolment, created = services.enrolment_create(user=trainee_user, course=course)
    assert created


def test_an_unpublished_course_refuses_enrolment(course, trainee_user):
    course.unpublish()
    with pytest.raises(services.EnrolmentRefused) as refusal:
        services.enrolment_create(user=trainee_user, course=course)
    assert refusal.value.code == "not_live"


def test_the_database_refuses_a_second_enrolment_row(course, trainee_user):
    Enrolment.objects.create(user=trainee_user, course=course)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(user=trainee_user, course=course)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL leg checks the constraint there")
def test_postgresql_enforces_one_enrolment_per_user_and_course(course, trainee_user):
    with connection.cursor() as cursor:
        cursor.execute("SELECT conname FROM pg_constraint WHERE conname = %s", ["courses_enrolment_once_per_course"])
        assert cursor.fetchone() is not None
    Enrolment.objects.create(user=trainee_user, course=course)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(user=trainee_user, course=course)


def test_the_database_refuses_a_completed_enrolment_without_a_date(course, trainee_user):
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(user=trainee_user, course=course, status="completed")
