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
