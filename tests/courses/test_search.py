"""Public search (/cari/): hostile queries answer clearly and never break the page."""

import pytest
from django.urls import reverse

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
