import pytest

from courses.models import CoursePage, LessonPage, ModulePage, TrackIndexPage, TrackPage


@pytest.mark.parametrize(
    ("child", "allowed_parents"),
    [
        (TrackPage, {TrackIndexPage}),
        (CoursePage, {TrackPage}),
        (ModulePage, {CoursePage}),
        (LessonPage, {ModulePage}),
    ],
)
def test_each_page_type_lives_only_under_its_parent(child, allowed_parents):
    assert set(child.allowed_parent_page_models()) == allowed_parents


def test_lessons_have_no_children_and_modules_hold_only_lessons():
    assert LessonPage.allowed_subpage_models() == []
    assert ModulePage.allowed_subpage_models() == [LessonPage]
    assert TrackIndexPage.allowed_subpage_models() == [TrackPage]
    assert ModulePage in CoursePage.allowed_subpage_models()


@pytest.mark.django_db
def test_a_lesson_cannot_be_created_straight_under_a_course(course):
    assert not LessonPage.can_create_at(course)
    assert ModulePage.can_create_at(course)
