import pytest

from courses import services
from courses.models import Enrolment, LessonCompletion
from courses.signals import course_completed
from tests.courses import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(course, trainee_user):
    return factories.enrolment(user=trainee_user, course_page=course)


@pytest.fixture
def completed_signals():
    received = []

    def receiver(sender, enrolment_id, **kwargs):
        received.append(enrolment_id)

    course_completed.connect(receiver)
    yield received
    course_completed.disconnect(receiver)


def test_marking_a_lesson_done_twice_records_it_once(course, enrolment):
    lesson = factories.lessons_of(course)[0]
    _first, created = services.lesson_complete(enrolment=enrolment, lesson=lesson)
    _again, created_again = services.lesson_complete(enrolment=enrolment, lesson=lesson)
    assert (created, created_again) == (True, False)
    assert LessonCompletion.objects.filter(enrolment=enrolment).count() == 1
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_id == lesson.pk


def test_a_lesson_of_another_course_is_refused(enrolment):
    stranger = factories.lessons_of(factories.course(modules=1, lessons=1))[0]
    with pytest.raises(services.EnrolmentRefused):
        services.lesson_complete(enrolment=enrolment, lesson=stranger)
    assert not LessonCompletion.objects.exists()


def test_the_course_completes_once_when_every_required_lesson_is_done(
    course, enrolment, completed_signals, django_capture_on_commit_callbacks
):
    lessons = factories.lessons_of(course)
    optional = lessons[-1]
    optional.required = False
    optional.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons[:-1]:
            services.lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert enrolment.completed_at is not None
    assert completed_signals == [enrolment.pk]
    # when the optional lesson is done too, and completion is recorded again
    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_complete(enrolment=enrolment, lesson=optional)
        assert services.course_completion_record(enrolment=enrolment) is False
    assert completed_signals == [enrolment.pk]


def test_the_course_is_not_complete_while_a_required_lesson_is_missing(course, enrolment):
    for lesson in factories.lessons_of(course)[:-1]:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE


def test_extra_completion_requirements_hold_completion_back(course, enrolment, settings):
    settings.KOMPETEN_COMPLETION_REQUIREMENTS = ["tests.courses.test_services_progress.never_satisfied"]
    for lesson in factories.lessons_of(course):
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE


def never_satisfied(enrolment) -> bool:
    return False


def test_a_withdrawn_trainee_cannot_mark_lessons(course, enrolment):
    services.enrolment_withdraw(enrolment=enrolment)
    with pytest.raises(services.EnrolmentRefused):
        services.lesson_complete(enrolment=enrolment, lesson=factories.lessons_of(course)[0])


def test_sequential_modules_lock_the_next_module_until_the_required_lessons_are_done(trainee_user):
    course = factories.course(modules=2, lessons=2, sequential=True)
    enrolment = factories.enrolment(user=trainee_user, course_page=course)
    first_a, first_b, second_a, _second_b = factories.lessons_of(course)
    with pytest.raises(services.EnrolmentRefused) as refusal:
        services.lesson_complete(enrolment=enrolment, lesson=second_a)
    assert refusal.value.code == "locked"
    services.lesson_complete(enrolment=enrolment, lesson=first_a)
    services.lesson_complete(enrolment=enrolment, lesson=first_b)
    _completion, created = services.lesson_complete(enrolment=enrolment, lesson=second_a)
    assert created
