import pytest

from tests.courses import factories as course_factories
from tests.courses.interactive import factories
from tests.factories import UserFactory


@pytest.fixture
def lesson(db):
    """A live lesson with a sort, a fill-in-the-blanks and a branching block (activities required)."""
    course = course_factories.course(modules=1, lessons=2)
    first = course_factories.lessons_of(course)[0]
    return factories.with_blocks(
        first,
        ("sort", factories.SORT),
        ("fill_blanks", factories.BLANKS),
        ("branching", factories.BRANCHING),
        required=True,
    )


@pytest.fixture
def enrolment(lesson):
    course = lesson.get_parent().get_parent().specific
    batch = course_factories.batch(course_page=course)
    return course_factories.enrolment(user=UserFactory(), course_page=course, batch=batch)


@pytest.fixture
def document(db):
    """A real WebM video in the documents library."""
    return factories.video_document()


@pytest.fixture
def video_enrolment(document):
    """A trainee's enrolment and a lesson of their course with an interactive video of two stops (required)."""
    course = course_factories.course(modules=1, lessons=1)
    lesson = factories.with_blocks(
        course_factories.lessons_of(course)[0], ("interactive_video", factories.video(document.pk)), required=True
    )
    enrolment = course_factories.enrolment(
        user=UserFactory(), course_page=course, batch=course_factories.batch(course_page=course)
    )
    return enrolment, lesson
