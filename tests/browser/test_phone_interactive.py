"""A trainee on a 360 px phone completes each interactive block of a lesson — sort, fill in the blanks, image
hotspots, a branching scenario and flashcards — once by tapping and once by keyboard alone: each gives its feedback
at once and is recorded on the server; nothing is wider than the screen, no axe-core violation, nothing refused by
the CSP; then the lesson, whose activities are required, can be marked as done."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection

from tests.browser.conftest import new_page, problems_at, problems_here, written

pytestmark = pytest.mark.django_db(transaction=True)


def _build():
    from django.contrib.auth.models import Group

    from lms import roles
    from tests.certificates import factories as certificate_factories
    from tests.courses import factories as course_factories
    from tests.courses.interactive import factories

    try:
        course = course_factories.course(title="Dasar PLC", modules=1, lessons=1)
        batch = course_factories.batch(course_page=course)
        lesson = factories.with_blocks(
            course_factories.lessons_of(course)[0],
            ("sort", factories.SORT),
            ("fill_blanks", factories.BLANKS),
            # a picture big enough that its 44 px points do not cover one another, narrower than the column
            ("hotspots", factories.hotspots(factories.image(size=(240, 180)).pk)),
            ("branching", factories.BRANCHING),
            ("flashcards", factories.FLASHCARDS),
            required=True,
        )
        trainee = certificate_factories.trainee_create(full_name="Rina Wulandari")
        trainee.groups.add(Group.objects.get(name=roles.TRAINEE))
        enrolment = course_factories.enrolment(user=trainee, course_page=course, batch=batch)
        return trainee, lesson, enrolment
    finally:
        connection.close()


@pytest.fixture
def world(live_server):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build).result()


def _press(page, locator, keyboard: bool) -> None:
    """Tap the control, or reach it with the keyboard (focus) and press Enter."""
    if keyboard:
        locator.focus()
        page.keyboard.press("Enter")
    else:
        locator.click()


def _recorded(enrolment, count: int) -> None:
    from courses.interactive.models import Interaction

    done = Interaction.objects.filter(enrolment=enrolment, completed_at__isnull=False)
    written(lambda: True if done.count() >= count else None, f"{count} activities")


@pytest.mark.parametrize("keyboard", [False, True], ids=["tap", "keyboard"])
def test_a_trainee_completes_each_interactive_block_on_a_phone(browser, live_server, world, keyboard):
    trainee, lesson, enrolment = world
    axe = Axe()
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=trainee)
    problems = problems_at(page, lesson.url, axe, "interactive-lesson")
    assert page.locator("[data-activities-pending]").is_visible()

    # Sort: swap each step into its place (tap one, then the other)
    sort = page.locator('[data-ia="sort"]')
    for place in range(len(sort.locator(".ia-slot").all())):
        slot = sort.locator(".ia-slot").nth(place)
        if slot.locator(".ia-card").get_attribute("data-index") != str(place):
            _press(page, sort.locator(f'.ia-card[data-index="{place}"] .ia-pick'), keyboard)
            _press(page, slot.locator(".ia-pick"), keyboard)
    _press(page, sort.get_by_role("button", name="Periksa"), keyboard)
    assert "Semua di tempat yang benar" in sort.locator(".ia-status").inner_text()

    # Fill in the blanks: one wrong at first, then right, whatever the case
    blanks = page.locator('[data-ia="blanks"]')
    blanks.get_by_label("Bagian kosong 1").fill("rendah")
    blanks.get_by_label("Bagian kosong 2").fill("Sarung  TANGAN")
    _press(page, blanks.get_by_role("button", name="Periksa"), keyboard)
    assert "1 dari 2 benar" in blanks.locator(".ia-status").inner_text()
    blanks.get_by_label("Bagian kosong 1").fill("Tegangan Tinggi")
    _press(page, blanks.get_by_role("button", name="Periksa"), keyboard)
    assert "Semua benar" in blanks.locator(".ia-status").inner_text()

    # Hotspots: for each label asked, the point it names
    hotspots = page.locator('[data-ia="hotspots"]')
    for number in (1, 2, 3):
        _press(page, hotspots.get_by_role("button", name=f"Titik {number}", exact=True), keyboard)
    assert "3 dari 3 ditemukan" in hotspots.locator(".ia-prompt").inner_text()

    # Branching: the safe choice leads to the good ending
    branching = page.locator('[data-ia="branching"]')
    _press(page, branching.get_by_role("button", name="Pasang rambu dan lapor"), keyboard)
    assert "Akhir yang baik" in branching.locator(".ia-status").inner_text()

    # Flashcards: each card turned, then known (the second missed once: it comes back at the end of the round)
    cards = page.locator('[data-ia="flashcards"]')
    assert cards.get_by_role("button", name="Saya tahu").is_hidden()  # a hidden button is hidden, whatever its class
    for known in (True, False, True, True):
        _press(page, cards.get_by_role("button", name="Tampilkan jawaban"), keyboard)
        _press(page, cards.get_by_role("button", name="Saya tahu" if known else "Belum tahu"), keyboard)
    assert "Selesai untuk hari ini" in cards.locator(".ia-status").inner_text()

    page.locator("[data-activities-pending]").wait_for(state="hidden")  # the last answer says all are done
    _recorded(enrolment, 5)
    problems += problems_here(page, axe, "interactive-done")

    # The lesson, whose activities are required, is now marked as done
    with page.expect_navigation():
        _press(page, page.get_by_role("button", name="Tandai selesai"), keyboard)
    from courses.models import LessonCompletion

    assert LessonCompletion.objects.filter(enrolment=enrolment, lesson=lesson).exists()
    assert problems == []
    assert csp == []


def test_a_step_is_dragged_into_place_by_its_handle(browser, live_server, world):
    trainee, lesson, _enrolment = world
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=trainee)
    page.goto(lesson.url)
    sort = page.locator('[data-ia="sort"]')
    # Given the step shown second
    second = sort.locator(".ia-slot").nth(1)
    moved = second.locator(".ia-card").get_attribute("data-index")
    # When it is dragged by its handle onto the first slot
    handle = second.locator(".ia-handle").bounding_box()
    target = sort.locator(".ia-slot").first.bounding_box()
    page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    page.mouse.down()
    page.mouse.move(target["x"] + 20, target["y"] + target["height"] / 2, steps=5)
    page.mouse.up()
    # Then it is first
    assert sort.locator(".ia-slot").first.locator(".ia-card").get_attribute("data-index") == moved
    assert csp == []


def test_each_point_sits_on_its_place_in_the_picture(browser, live_server, world):
    from tests.courses.interactive import factories

    trainee, lesson, _enrolment = world
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=trainee)
    page.goto(lesson.url)
    # Given a picture narrower than the lesson's column (240 pixels wide on a 360 px phone)
    hotspots = page.locator('[data-ia="hotspots"]')
    picture = hotspots.locator(".ia-image").bounding_box()
    # Then each point's centre is where its author put it: a share of the picture's width and height, not the column's
    for index, spot in enumerate(factories.hotspots(0)["spots"]):
        box = hotspots.locator(f'.ia-spot[data-index="{index}"]').bounding_box()
        across = picture["x"] + picture["width"] * float(spot["x"]) / 100
        down = picture["y"] + picture["height"] * float(spot["y"]) / 100
        assert abs(box["x"] + box["width"] / 2 - across) < 1.5, spot["label"]
        assert abs(box["y"] + box["height"] / 2 - down) < 1.5, spot["label"]
