"""An instructor places an image hotspots block's points by clicking its picture in the Wagtail editor
(courses/static/courses/interactive/hotspot_picker.js): the click fills the selected point's fields, the points are
numbered markers on the picture that follow the typed fields, the arrow keys move a point, and the draft keeps what
was placed. No axe-core violation in the picker, nothing refused by the CSP."""

import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, new_page

pytestmark = pytest.mark.django_db(transaction=True)

TWO_POINTS = [
    {"label": "Sepatu jahit", "x": "30.0", "y": "70.0", "description": ""},
    {"label": "Roda tangan", "x": "85.0", "y": "30.0", "description": ""},
]


def _build(language: str):
    from lms.models import User
    from tests.courses import factories as course_factories
    from tests.courses.interactive import factories

    try:
        # a superuser: after a flush the roles have no page permissions until roles_sync sees the tree again
        author = User(username="penulis", email="penulis@contoh.id", full_name="Sari Penulis")
        author.preferred_language = language
        author.is_superuser = author.is_staff = True
        author.set_password("penulis-aman-2026")
        author.save()
        course = course_factories.course(title="Menjahit dasar", modules=1, lessons=1)
        hotspots = {**factories.hotspots(factories.image().pk), "spots": TWO_POINTS}
        lesson = factories.with_blocks(course_factories.lessons_of(course)[0], ("hotspots", hotspots))
        return author, lesson
    finally:
        connection.close()


def _world(language: str):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build, language).result()


@pytest.fixture
def world(live_server):
    return _world("en")


@pytest.fixture
def world_in_indonesian(live_server):
    return _world("id")


def _left_top(marker) -> list[float]:
    return marker.evaluate("m => [parseFloat(m.style.left), parseFloat(m.style.top)]")


def _saved_spots(lesson, placed: list[str]) -> list[dict]:
    """The points of the lesson's latest revision, once it holds point 2 where it was placed."""
    from courses.models import LessonPage

    for _attempt in range(50):
        draft = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
        spots = next(child.value for child in draft.body if child.block_type == "hotspots")["spots"]
        if [str(spots[1]["x"]), str(spots[1]["y"])] == placed:
            return spots
        time.sleep(0.1)
    return spots


def test_a_click_on_the_picture_places_the_selected_point(browser, live_server, world):
    author, lesson = world
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=author, viewport=DESKTOP, locale="en-US")
    # Given the editor of a lesson with a hotspots block, its image chosen and two points
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    editor = page.locator(".ia-hotspots-editor")
    picker = editor.locator(".ia-hotspots-picker")
    expect(picker).to_be_visible()
    xs, ys = editor.locator('input[name$="-value-x"]'), editor.locator('input[name$="-value-y"]')
    markers = picker.locator(".ia-hotspots-picker__marker")
    # then each point is a numbered marker where its fields say
    expect(markers).to_have_count(2)
    expect(markers).to_have_text(["1", "2"])
    assert _left_top(markers.nth(0)) == [30.0, 70.0]
    assert _left_top(markers.nth(1)) == [85.0, 30.0]
    assert Axe().run(page, context=".ia-hotspots-picker").response["violations"] == []

    # When the author focuses point 2's x field and clicks the picture at 25 % across, 75 % down
    xs.nth(1).focus()
    expect(markers.nth(1)).to_have_class("ia-hotspots-picker__marker is-selected")
    area = picker.locator(".ia-hotspots-picker__area")  # the image's shape, loaded or not (no media server here)
    box = area.bounding_box()
    area.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    # Then point 2's fields read the position, with one decimal, and its marker is there; point 1 is unchanged
    placed = [xs.nth(1).input_value(), ys.nth(1).input_value()]
    assert all(re.fullmatch(r"\d{1,3}\.\d", value) for value in placed), placed
    assert abs(float(placed[0]) - 25.0) <= 0.5 and abs(float(placed[1]) - 75.0) <= 0.5
    assert [xs.nth(0).input_value(), ys.nth(0).input_value()] == ["30.0", "70.0"]
    assert _left_top(markers.nth(1)) == [float(placed[0]), float(placed[1])]
    expect(picker.get_by_role("status")).to_have_text(f"Point 2: across {placed[0]}, down {placed[1]}.")

    # When the author types point 1's position, its marker follows
    xs.nth(0).fill("60")
    assert _left_top(markers.nth(0)) == [60.0, 70.0]
    assert Axe().run(page, context=".ia-hotspots-picker").response["violations"] == []

    # When the draft is saved
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    # Then it keeps both points' positions
    spots = _saved_spots(lesson, placed)
    assert [float(spots[0]["x"]), float(spots[0]["y"])] == [60.0, 70.0]
    assert [str(spots[1]["x"]), str(spots[1]["y"])] == placed
    assert abs(float(spots[1]["x"]) - 25.0) <= 0.5 and abs(float(spots[1]["y"]) - 75.0) <= 0.5

    # When, by keyboard only, the author focuses the picture of the saved draft (no field used yet: the last point is
    # selected) and moves the point one step right and, with Shift, ten steps up
    frame = page.get_by_role("button", name="Place point 2 on the image")
    frame.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowUp")
    # Then point 2's fields follow, and a press of Enter places nothing
    page.keyboard.press("Enter")
    assert xs.nth(1).input_value() == f"{float(placed[0]) + 1:.1f}"
    assert ys.nth(1).input_value() == f"{float(placed[1]) - 10:.1f}"
    assert [float(xs.nth(0).input_value()), float(ys.nth(0).input_value())] == [60.0, 70.0]

    # When the author adds a third point (its label field takes the focus) and clicks the middle of the picture
    editor.locator("button.c-sf-add-button").last.click()
    expect(markers).to_have_count(3)
    expect(xs.nth(2)).to_have_value("")
    box = area.bounding_box()
    area.click(position={"x": box["width"] * 0.5, "y": box["height"] * 0.5})
    # Then the new point is placed there, and numbered 3 on the picture
    assert abs(float(xs.nth(2).input_value()) - 50.0) <= 0.5 and abs(float(ys.nth(2).input_value()) - 50.0) <= 0.5
    expect(markers.nth(2)).to_have_text("3")
    expect(markers.nth(2)).to_be_visible()
    page.context.close()
    assert csp == []


def test_the_picker_speaks_the_authors_language(browser, live_server, world_in_indonesian):
    author, lesson = world_in_indonesian
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=author, viewport=DESKTOP)
    # Given an author whose language is Indonesian, when they edit the lesson
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    picker = page.locator(".ia-hotspots-picker")
    # Then the picker's words are Indonesian
    expect(picker.get_by_role("button", name="Taruh titik 2 pada gambar")).to_be_visible()
    expect(picker.locator(".ia-hotspots-picker__hint")).to_contain_text("Klik atau ketuk gambar")
    # and so is what it says after a click
    picker.locator(".ia-hotspots-picker__area").click(position={"x": 1, "y": 1})
    expect(picker.get_by_role("status")).to_contain_text("Titik 2: mendatar")
    page.context.close()
    assert csp == []
