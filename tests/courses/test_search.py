"""Public search (/cari/): every word must match, title matches first, lessons with their course and a snippet;
hostile queries answer clearly and never break the page."""

import pytest
from django.db import connection
from django.urls import reverse

from courses.models import LessonPage
from tests.courses import factories

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    "a\x00b",
    "mesin\x00",
    "\u202ejahit\u202c",
    "jahit\u200f",
    '"jahit',
    'mesin "jahit',
    "jahit*",
    "*",
    "NEAR(mesin jahit)",
    "mesin NEAR jahit",
    "-jahit",
    "mesin -jahit",
    "mesin AND OR NOT",
    "title:jahit",
    "^jahit",
    "(mesin",
    "mesin jahit " * 400,
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_a_hostile_query_answers_the_page_without_an_error(client, query):
    # given a course to find
    course = factories.course(modules=1, lessons=1, title="Operasi Mesin Jahit Industri")
    # when someone searches with control characters or full-text operators
    response = client.get(reverse("courses:search"), {"q": query})
    # then the page answers, and every hit is a real page
    assert response.status_code == 200
    pages = {course.pk, *course.get_descendants().values_list("pk", flat=True)}
    assert all(hit.page.pk in pages for hit in response.context["results"])


@pytest.mark.parametrize("raw", ["q=%ED%A0%80", "q=mesin%ED%B0%80jahit", "q=%FF%FE", "q=%00"])
def test_undecodable_bytes_and_lone_surrogates_answer_the_page(client, raw):
    response = client.get(reverse("courses:search"), QUERY_STRING=raw)
    assert response.status_code == 200


def test_a_nul_byte_between_words_still_finds_both_words(client):
    course = factories.course(modules=1, lessons=1, title="Operasi Mesin Jahit Industri")
    response = client.get(reverse("courses:search"), {"q": "mesin\x00jahit"})
    assert [hit.page.pk for hit in response.context["results"]] == [course.pk]


def test_a_query_of_only_operators_says_what_to_type(client):
    response = client.get(reverse("courses:search"), {"q": '"*" - ^ ()'})
    assert response.status_code == 200
    assert response.context["results"] == []
    assert response.context["notice"]


def test_a_very_long_query_searches_its_first_words_and_says_so(client, settings):
    # given a limit of eight words
    settings.KOMPETEN_SEARCH_MAX_WORDS = 8
    query = " ".join(["mesin", "jahit", *(f"kata{n}" for n in range(500))])
    # when a query holds five hundred more
    response = client.get(reverse("courses:search"), {"q": query})
    # then its first eight are searched, the page says so and echoes only those
    assert response.status_code == 200
    assert response.context["notice"]
    assert response.context["query"] == "mesin jahit kata0 kata1 kata2 kata3 kata4 kata5"


def test_repeated_words_count_once(client):
    course = factories.course(modules=1, lessons=1, title="Operasi Mesin Jahit Industri")
    response = client.get(reverse("courses:search"), {"q": "Mesin jahit " * 400})
    assert response.context["query"] == "mesin jahit"
    assert not response.context["notice"]
    assert [hit.page.pk for hit in response.context["results"]] == [course.pk]


# --- matching and ranking (#13.15) ----------------------------------------------------------------------------


def _lesson(course, *, title: str, text: str):
    module = course.get_children().first()
    return module.add_child(
        instance=LessonPage(title=title, slug=f"pelajaran-{LessonPage.objects.count() + 1}", body=[("text", text)])
    )


def _search(client, query):
    response = client.get(reverse("courses:search"), {"q": query})
    assert response.status_code == 200
    return response.context["results"]


def test_every_word_must_match(client):
    # given a Japanese lesson about a washing machine, and a sewing lesson
    japanese = factories.course(modules=1, lessons=0, title="Bahasa Jepang untuk Pemagangan")
    _lesson(japanese, title="Kosakata rumah", text="<p>Sentakuki artinya mesin cuci.</p>")
    sewing = factories.course(modules=1, lessons=0, title="Garmen Dasar")
    wanted = _lesson(sewing, title="Merawat alat", text="<p>Bersihkan mesin jahit setiap hari.</p>")
    # when someone looks for a sewing machine
    hits = _search(client, "mesin jahit")
    # then only the page with both words is found
    assert [hit.page.pk for hit in hits] == [wanted.pk]


def test_title_matches_come_first(client):
    # given one lesson that mentions the words in its text many times, and one that has them in its title
    course = factories.course(modules=1, lessons=0, title="Garmen Dasar")
    in_text = _lesson(course, title="Perawatan", text="<p>" + "Mesin jahit perlu diminyaki. " * 10 + "</p>")
    in_title = _lesson(course, title="Mesin Jahit Industri", text="<p>Pengenalan singkat.</p>")
    # when both are found
    hits = _search(client, "mesin jahit")
    # then the title match is first
    assert [hit.page.pk for hit in hits][:2] == [in_title.pk, in_text.pk]


def test_a_lesson_hit_shows_its_course_and_a_snippet_around_the_match(client):
    course = factories.course(modules=1, lessons=0, title="Garmen Dasar")
    text = "<p>" + "Pendahuluan panjang tentang bengkel. " * 12 + "Bersihkan <b>mesin jahit</b> setiap hari.</p>"
    _lesson(course, title="Merawat alat", text=text)
    response = client.get(reverse("courses:search"), {"q": "jahit"})
    hit = response.context["results"][0]
    assert hit.course.pk == course.pk
    assert "<mark>jahit</mark>" in hit.snippet
    assert hit.snippet.startswith("…")
    html = response.content.decode()
    assert "Garmen Dasar" in html and "<mark>jahit</mark> setiap hari" in html


def test_a_snippet_escapes_the_page_text(client):
    course = factories.course(modules=1, lessons=0, title="Garmen Dasar")
    # (PostgreSQL's text parser drops what follows a literal "<script>" from the index: a harmless tag here)
    _lesson(course, title="Merawat alat", text="<p>Tanda &lt;b&gt; &amp; pada mesin jahit.</p>")
    hit = _search(client, "jahit")[0]
    assert "<b>" not in hit.snippet and "&lt;b&gt; &amp;" in hit.snippet


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the Indonesian stemmer is PostgreSQL's")
def test_on_postgresql_words_are_matched_by_their_indonesian_stem(client):
    course = factories.course(modules=1, lessons=0, title="Garmen Dasar")
    lesson = _lesson(course, title="Teknik dasar", text="<p>Latihan menjahit kampuh.</p>")
    assert lesson.pk in [hit.page.pk for hit in _search(client, "jahitan")]


@pytest.mark.parametrize("count", [1, 20])
def test_search_reads_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for n in range(count):
        course = factories.course(modules=1, lessons=0, title=f"Kursus {n}")
        _lesson(course, title=f"Mesin jahit {n}", text="<p>Bersihkan mesin jahit.</p>")
    client.get(reverse("courses:search"), {"q": "jahit"})  # warm the site's root paths
    with django_assert_num_queries(SEARCH_QUERIES):
        hits = _search(client, "mesin jahit")
    assert len(hits) == count


SEARCH_QUERIES = 4  # the search, the specific pages, the lessons' courses, the site
