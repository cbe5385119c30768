"""A lesson page's weight on a trainee's phone (issue #20): its HTML, CSS and JavaScript at most 60 KB compressed,
its images responsive renditions (``srcset``, WebP, lazy) — never the full-size upload — on a 360 px screen with no
horizontal overflow and no axe-core violation."""

import gzip
import io
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.browser.conftest import new_page, problems_here
from tests.courses import factories
from tests.factories import UserFactory, image_bytes

BUDGET = 60 * 1024  # bytes of HTML + CSS + JS, compressed as the server sends them (gzip)
TEXT_TYPES = ("document", "stylesheet", "script")


def _lesson_with_a_photo(lesson):
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    photo = get_image_model().objects.create(
        collection=collection,
        title="Foto mesin jahit",
        file=ImageFile(io.BytesIO(image_bytes(kind="JPEG", size=(2400, 1600))), name="mesin-jahit.jpg"),
    )
    lesson.body = [
        ("text", "<p>Perhatikan bagian-bagian mesin jahit industri pada foto berikut.</p>" * 20),
        ("image", {"image": photo, "caption": "Mesin jahit industri", "alt_text": "Mesin jahit industri"}),
        ("text", "<p>Setelah itu, kerjakan latihan di akhir pelajaran.</p>"),
    ]
    lesson.save_revision().publish()
    return photo


def test_a_lesson_page_on_a_phone_stays_within_its_weight(browser, live_server):
    # given an enrolled trainee and a lesson with a long text and a 2400 x 1600 photo
    course = factories.course(modules=1, lessons=2)
    trainee = UserFactory()
    factories.enrolment(user=trainee, course_page=course)
    lesson = factories.lessons_of(course)[0]
    photo = _lesson_with_a_photo(lesson)
    csp: list[str] = []
    page = new_page(browser, live_server, csp, user=trainee)
    responses = []
    page.on("response", lambda response: responses.append(response))
    # when the trainee opens it on a 360 px phone and scrolls to the photo
    page.goto(lesson.url)
    page.locator("figure.block-image img").scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    # then its HTML, CSS and JavaScript weigh at most 60 KB compressed
    weights = {
        response.url: len(gzip.compress(response.body(), 6))
        for response in responses
        if response.request.resource_type in TEXT_TYPES and response.ok
    }
    assert any(url.endswith(lesson.url) for url in weights)
    assert sum(weights.values()) <= BUDGET, weights
    # and the photo is a lazy WebP rendition chosen from a srcset, no wider than the page needs, never the upload
    image = page.locator("figure.block-image img")
    assert image.get_attribute("loading") == "lazy"
    assert ".webp" in (image.get_attribute("srcset") or "")
    assert image.get_attribute("sizes")
    chosen = page.evaluate(
        "() => { const i = document.querySelector('figure.block-image img'); return [i.currentSrc, i.naturalWidth]; }"
    )
    assert urlsplit(chosen[0]).path.endswith(".webp") and chosen[1] <= 800  # in an object store: a signed URL
    fetched_images = [r.url for r in responses if r.request.resource_type == "image"]
    assert fetched_images and not any(photo.file.name in url for url in fetched_images)
    assert problems_here(page, Axe(), shot="lesson-page-weight") == []
    assert csp == []
