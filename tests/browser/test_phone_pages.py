"""Every page a visitor, a trainee, an assessor and an instructor open, on a 360 px phone: nothing is wider than the
screen, axe-core finds no violation, the Content-Security-Policy refuses nothing. One browser, one world, many pages."""

import io
import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, new_page, problems_at
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

#: A Javanese name in one word, as a trainee may write it: it must wrap, not widen the dashboard.
LONG_NAME = "Raden Ajeng Sitirahmawatiningsihkusumawardhanipurwaningtyas"
TABLE_FEW = {
    "data": [["Alat", "Fungsi", "K3"], ["Obeng", "Memutar sekrup", "Sarung tangan"], ["Tang", "Menjepit", "Kacamata"]],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "Alat tangan",
}
TABLE_WIDE = {
    "data": [
        ["Kode", "Komponen", "Tegangan", "Arus", "Daya", "Pemeriksaan harian", "Catatan K3"],
        ["M-01", "Motor induksi", "380 V", "12 A", "5,5 kW", "Suara, getaran, suhu bantalan", "Kunci dan label"],
    ],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "Data motor",
}


def _rich_lesson(lesson) -> None:
    """The world's lesson gets what lessons really hold: a diagram, a short table and a wide one."""
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from tests.factories import image_bytes

    # Transactional tests flush the root collection that a migration made.
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    diagram = get_image_model().objects.create(
        collection=collection,
        title="Diagram panel",
        file=ImageFile(io.BytesIO(image_bytes(size=(1600, 900))), name="panel.png"),
    )
    lesson.body = [
        ("text", "<p>Bacalah diagram panel listrik berikut sebelum praktik.</p>"),
        ("image", {"image": diagram, "caption": "Diagram panel", "alt_text": "Diagram panel listrik"}),
        ("table", TABLE_FEW),
        ("table", TABLE_WIDE),
    ]
    lesson.save()


@pytest.fixture
def world(live_server):
    # Built in a thread of its own: Playwright's event loop runs in this one, and signing the world's certificate
    # (pyHanko) runs asyncio itself.
    with ThreadPoolExecutor(max_workers=1) as pool:
        built = pool.submit(_build_world).result()
    yield built
    for name in built.stored_files:
        default_storage.delete(name)


def _build_world():
    from assessments.models import Attempt, Candidacy, EvidenceRecord
    from courses.models import LessonPage
    from lms import roles
    from lms.security import two_factor
    from tests.api.support import access_token
    from tests.assessments.competency.factories import (
        assessor_create,
        candidacy_create,
        event_create,
        scheme_create,
    )
    from tests.security.world import _in_role, build_world

    try:
        built = build_world()
        _rich_lesson(LessonPage.objects.get(pk=built.values["lesson"]))
        type(built.trainee_a).objects.filter(pk=built.trainee_a.pk).update(full_name=LONG_NAME)
        # A fresh candidacy whose self-assessment is still open.
        fresh = candidacy_create(
            event=event_create(scheme=scheme_create(units=2), title="Uji Kompetensi Januari"),
            candidate=built.trainee_a,
            assessor=built.assessor_a,
        )
        built.values["fresh_candidacy"] = fresh.pk
        built.values["submitted_attempt"] = Attempt.objects.filter(user=built.trainee_a).order_by("pk").first().pk
        built.values["methods"] = [m for m in EvidenceRecord.Method.values if m != EvidenceRecord.Method.OBSERVATION]
        # A decision another assessor signed off, waiting for assessor A's countersignature as the event's lead.
        led = event_create(scheme=scheme_create(units=2), lead_assessor=built.assessor_a, countersign_required=True)
        signed = candidacy_create(event=led, candidate=built.trainee_b, assessor=assessor_create(event=led))
        Candidacy.objects.filter(pk=signed.pk).update(
            status=Candidacy.Status.SIGNED, recommendation="K", signed_at=timezone.now(), signed_by=signed.assessor
        )
        built.values["signed_candidacy"] = signed.pk
        # An app trainee A let use her account, with a long name.
        access_token(user=built.trainee_a, scopes="profile:read progress:read", name="Aplikasi Kompeten Seluler")
        # Staff at the two-step pages: one setting it up (QR code and key shown), one asked for the code.
        built.values["staff_setting_up"] = _in_role(UserFactory(), roles.INSTRUCTOR)
        two_factor.totp_device_start(user=built.values["staff_setting_up"])
        built.values["staff_verifying"] = _in_role(UserFactory(), roles.INSTRUCTOR)
        TOTPDevice.objects.create(user=built.values["staff_verifying"], name=two_factor.DEVICE_NAME, confirmed=True)
        _in_role(built.assessor_a, roles.ASSESSOR)
        return built
    finally:
        connection.close()


def _reset_link(user) -> tuple[str, str]:
    """The uid and token of a password-reset link from the e-mail."""
    return urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)


def _pages(world) -> dict[str, list[str]]:
    from assessments.models import ExamPage
    from courses.models import CoursePage, LessonPage

    v = world.values
    course = CoursePage.objects.get(pk=v["course"])
    lesson = LessonPage.objects.get(pk=v["lesson"])
    exam = ExamPage.objects.get(pk=v["exam"])
    candidacy, unit = v["candidacy"], v["unit"]
    public = [
        "/",
        reverse("courses:track_list"),
        course.get_parent().url,
        course.url,
        reverse("courses:search") + "?q=pelajaran",
        reverse("certificates:verify_lookup"),
        reverse("certificates:verify_pdf"),
        reverse("certificates:verify", args=[v["verification_code"]]),
    ]
    anonymous = [
        reverse("lms:login"),
        reverse("lms:signup"),
        reverse("lms:password_reset"),
        reverse("lms:password_reset_done"),
        reverse("lms:password_reset_complete"),
        reverse("lms:password_reset_confirm", args=_reset_link(world.trainee_b)),
        reverse("lms:signup_done"),
    ]
    trainee = [
        reverse("lms:dashboard"),
        reverse("lms:profile"),
        reverse("lms:password_change"),
        reverse("lms:password_change_done"),
        reverse("lms:connected_apps"),
        reverse("lms:account_delete"),
        course.url,
        lesson.get_parent().url,
        lesson.url,
        exam.url,
        reverse("assessments:attempt", args=[v["attempt"]]),
        reverse("assessments:attempt_result", args=[v["submitted_attempt"]]),
        reverse("assessments:candidacy_list"),
        reverse("assessments:candidacy_detail", args=[candidacy]),
        reverse("assessments:candidacy_detail", args=[v["fresh_candidacy"]]),
        reverse("assessments:candidacy_detail", args=[v["pending_candidacy"]]),
        reverse("certificates:mine"),
    ]
    assessor = [
        reverse("lms:dashboard"),
        reverse("assessments:assessor_queue"),
        reverse("assessments:assessor_grade", args=[v["response"]]),
        reverse("assessments:candidacy_assess", args=[candidacy]),
        reverse("assessments:candidacy_sign_off", args=[candidacy]),
        reverse("assessments:candidacy_assess", args=[v["signed_candidacy"]]),
        reverse("assessments:candidacy_countersign", args=[v["signed_candidacy"]]),
        reverse("assessments:unit_checklist", kwargs={"candidacy_id": candidacy, "unit_id": unit}),
        *(
            reverse("assessments:evidence_method", kwargs={"candidacy_id": candidacy, "unit_id": unit, "method": m})
            for m in v["methods"]
        ),
    ]
    instructor = [reverse("lms:dashboard"), reverse("courses:batch_roster", args=[v["batch"]])]
    return {
        "anonymous": public + anonymous,
        "trainee_a": trainee + public,
        "assessor_a": assessor,
        "instructor": [*instructor, reverse("lms:two_factor_setup")],
        "staff_setting_up": [reverse("lms:two_factor_setup")],
        "staff_verifying": [reverse("lms:two_factor_verify")],
    }


def _signed_in(browser, live_server, csp, world, who):
    """A page signed in as the world's person; staff asked for their code have it pending in the session."""
    if who == "anonymous":
        return new_page(browser, live_server, csp)
    user = getattr(world, who, None) or world.values[who]
    if who != "staff_verifying":
        return new_page(browser, live_server, csp, user=user)
    from lms.security import two_factor

    client = Client()
    client.force_login(user)
    session = client.session
    session[two_factor.SESSION_REQUIRED_KEY] = True
    session.save()
    page = new_page(browser, live_server, csp)
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}
    page.context.add_cookies([cookie])
    return page


def _not_redirected(world) -> set[str]:
    """Pages that must be the page itself, not where a refusal sends the person (a step they are not at, a
    decision that is not theirs)."""
    v = world.values
    return {
        reverse("assessments:candidacy_sign_off", args=[v["candidacy"]]),
        reverse("assessments:candidacy_countersign", args=[v["signed_candidacy"]]),
        reverse("lms:two_factor_setup"),
        reverse("lms:two_factor_verify"),
        reverse("lms:connected_apps"),
        reverse("lms:password_change_done"),
        reverse("lms:signup_done"),
    }


def test_every_page_fits_a_360_px_phone_and_passes_axe(browser, live_server, world):
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []
    stay = _not_redirected(world)
    for who, urls in _pages(world).items():
        page = _signed_in(browser, live_server, csp, world, who)
        for url in urls:
            found = problems_at(page, url, axe, shot=f"phone-{who}-{url.strip('/').replace('/', '_')}")
            if url in stay and urlsplit(page.url).path != url:
                found.append(f"{url}: sent on to {page.url}, so the page itself was not checked")
            problems += [f"[{who}] {p}" for p in found]
        page.context.close()
    assert problems + csp == [], "\n".join(problems + csp)


@pytest.fixture
def lesson_and_trainee():
    from tests.courses import factories

    course = factories.course(modules=1, lessons=1)
    lesson = factories.lessons_of(course)[0]
    _rich_lesson(lesson)
    trainee = factories.enrolment(user=UserFactory(), course_page=course).user
    return lesson, trainee


def test_lesson_tables_and_diagrams_are_readable_on_a_phone(browser, live_server, lesson_and_trainee):
    # given a trainee on a 360 px phone, on a lesson with a diagram, a short table and a wide one
    lesson, trainee = lesson_and_trainee
    page = new_page(browser, live_server, [], user=trainee)
    context = page.context

    # when the lesson opens
    page.goto(lesson.url)

    # then the short table fits the screen without scrolling
    few, wide = page.locator(".table-wrap").all()
    assert few.evaluate("box => box.scrollWidth <= box.clientWidth")
    # and the wide one scrolls inside its own box — reachable by keyboard, named, with a shadow showing there is more
    assert wide.evaluate("box => box.scrollWidth > box.clientWidth")
    assert wide.get_attribute("tabindex") == "0" and wide.get_attribute("aria-label") == "Data motor"
    assert "gradient" in wide.evaluate("box => getComputedStyle(box).backgroundImage")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # and the diagram is a link to a large rendition of itself (tap to enlarge, then pinch to zoom)
    link = page.locator("figure.block-image a.zoom")
    assert "max-1600x1600" in link.get_attribute("href")
    assert "Diagram panel listrik" in link.inner_text() or link.locator("img").get_attribute("alt")
    context.close()


def _header_height(page) -> float:
    return page.locator("header.site-header").evaluate("header => header.getBoundingClientRect().height")


@pytest.mark.parametrize("script", [True, False], ids=["with-script", "without-script"])
def test_the_header_is_compact_on_a_phone_and_its_menu_opens_by_keyboard(browser, live_server, script):
    # given a visitor on a 360 px phone (with the page's script, or without it)
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, java_script_enabled=script)
    page = context.new_page()
    page.goto("/")
    tracks = page.get_by_role("link", name="Kejuruan", exact=True).first

    # then the header is the brand and a Menu button, at most 64 px high, the navigation folded away
    assert _header_height(page) <= 64
    assert not page.locator("header nav").is_visible()
    assert not page.locator("header form.language").is_visible()

    # when they reach the Menu button with the keyboard and press Enter
    page.locator("a.brand").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    assert page.locator("summary.menu-button").inner_text().strip() == "Menu"
    page.keyboard.press("Enter")

    # then the navigation and the language switch appear, over the page: the header itself stays as high
    expect(page.locator("header nav")).to_be_visible()
    expect(page.get_by_role("button", name="EN")).to_be_visible()
    assert _header_height(page) <= 64
    if script:
        # and Escape folds it again, the focus back on the button
        page.keyboard.press("Escape")
        expect(page.locator("header nav")).to_be_hidden()
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        page.keyboard.press("Enter")
    # and a link in it works
    tracks.click()
    expect(page).to_have_url(re.compile(r"/daftar-kejuruan/$"))
    context.close()


def test_on_a_wide_screen_the_navigation_shows_without_a_menu_button(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto("/")
    expect(page.locator("header nav")).to_be_visible()
    expect(page.get_by_role("button", name="EN")).to_be_visible()
    expect(page.locator("summary.menu-button")).to_be_hidden()
    assert _header_height(page) <= 64
    context.close()
