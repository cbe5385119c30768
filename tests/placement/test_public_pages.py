"""The public vacancy pages (kerja/): only verified employers' open vacancies not past their closing date, filtered by
track and unit, searched word by word, paginated; the detail with the employer, the requirements, the wage beside the
regency minimum wage and a schema.org JobPosting; anything else a 404, bad filters never a 500."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import CertificationScheme, SchemeUnit
from placement.models import Employer, Vacancy
from placement.services.vacancies import vacancy_close
from tests.courses import factories as course_factories
from tests.placement import factories

pytestmark = pytest.mark.django_db

LIST = reverse("placement:vacancies")
#: Indonesian, whether the host defaults to it (lms) or follows the browser's language (the bare plugin host).
INDONESIAN = {"HTTP_ACCEPT_LANGUAGE": "id"}


def _detail(vacancy) -> str:
    return reverse("placement:vacancy", args=[vacancy.pk])


def _titles(response) -> list[str]:
    return [row["vacancy"].title for row in response.context["vacancies"]]


def _scheme(*codes) -> CertificationScheme:
    scheme = CertificationScheme.objects.create(title="Skema Operator Garmen", number="SKM-GRM-01", kkni_level=2)
    for order, code in enumerate(codes):
        SchemeUnit.objects.create(scheme=scheme, unit=factories.unit(code), sort_order=order)
    return scheme


def test_the_list_shows_only_verified_employers_open_vacancies_not_past_closing(client):
    # given one public vacancy, and others that must not show: an unverified employer's, a draft, a closed one, a
    # filled one and one whose closing date passed
    shown = factories.vacancy(title="Operator Jahit")
    factories.vacancy(employer_obj=factories.employer(verified=False), title="Belum Terverifikasi")
    factories.vacancy(title="Masih Draf", open_=False)
    closed = factories.vacancy(title="Sudah Ditutup")
    vacancy_close(vacancy=closed, by=closed.employer.members.first())
    filled = factories.vacancy(title="Sudah Terisi")
    vacancy_close(vacancy=filled, by=filled.employer.members.first(), filled=True)
    past = factories.vacancy(title="Lewat Tanggal")
    Vacancy.objects.filter(pk=past.pk).update(closes_on=timezone.localdate() - datetime.timedelta(days=1))

    # when anyone opens the list
    response = client.get(LIST, **INDONESIAN)

    # then only the public one is there, in Indonesian
    assert response.status_code == 200
    assert _titles(response) == [shown.title]
    assert "Lowongan kerja" in response.content.decode()
    assert "Rp 2.600.000" in response.content.decode()


def test_the_list_filters_by_track_and_by_unit_including_a_schemes_core_units(client):
    # given a garment vacancy in a track with its own unit, and a welding one whose unit comes from its scheme
    garment = course_factories.track(title="Garmen")
    sewing = factories.vacancy(units=["C.141220.001.01"], track=garment, title="Operator Jahit")
    welding = factories.vacancy(scheme=_scheme("C.25LAS.001.01"), title="Juru Las")

    # when the list is filtered by the track, by the own unit and by the scheme's unit
    by_track = client.get(LIST, {"track": garment.pk})
    by_unit = client.get(LIST, {"unit": "C.141220.001.01"})
    by_scheme_unit = client.get(LIST, {"unit": "C.25LAS.001.01"})

    # then each finds its own vacancy, and the filter choices offer the track and both units
    assert _titles(by_track) == [sewing.title]
    assert _titles(by_unit) == [sewing.title]
    assert _titles(by_scheme_unit) == [welding.title]
    assert (garment.pk, "Garmen") in by_track.context["tracks"]
    assert [unit.code for unit in by_track.context["units"]] == ["C.141220.001.01", "C.25LAS.001.01"]


def test_the_search_needs_every_word(client):
    # given two vacancies that share one word
    factories.vacancy(title="Operator Jahit", description="Menjahit kemeja.")
    factories.vacancy(title="Operator Forklift", description="Memindahkan barang di gudang.")

    # when visitors search for one shared word, then for two words
    both = client.get(LIST, {"q": "operator"})
    one = client.get(LIST, {"q": "operator gudang"})
    none = client.get(LIST, {"q": "operator listrik"}, **INDONESIAN)

    # then every word must match
    assert sorted(_titles(both)) == ["Operator Forklift", "Operator Jahit"]
    assert _titles(one) == ["Operator Forklift"]
    assert _titles(none) == []
    assert "Tidak ada lowongan" in none.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"track": "abc"},
        {"track": "-1"},
        {"track": "99999999999999999999999"},
        {"track": "1\x00"},
        {"unit": "C.1'; DROP TABLE x;--"},
        {"unit": "\x00"},
        {"unit": "x" * 500},
        {"q": "\"'%_\x00<script>"},
        {"q": "kata " * 50},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-3"},
    ],
)
def test_bad_filter_values_are_ignored_with_a_message_never_a_500(client, params):
    # given one public vacancy
    factories.vacancy(title="Operator Jahit")

    # when the list is asked with a value that is not a track, a unit code, words or a page number
    response = client.get(LIST, params)

    # then the page answers, ignoring what it did not understand, and never echoes raw input
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>" not in body and "DROP TABLE" not in body
    if set(params) & {"track", "unit"} and params != {"track": "99999999999999999999999"}:
        assert response.context["notices"], params


def test_a_track_or_unit_nobody_asks_for_just_finds_nothing(client):
    factories.vacancy(title="Operator Jahit")
    assert _titles(client.get(LIST, {"track": "99999"})) == []
    assert _titles(client.get(LIST, {"unit": "Z.000.000"})) == []


def test_the_list_is_paginated_twenty_to_a_page_keeping_the_filters(client):
    # given 23 public vacancies
    employer = factories.employer()
    for number in range(23):
        factories.vacancy(employer_obj=employer, title=f"Operator {number:02d}")

    # when the first and second pages of a search are opened
    first = client.get(LIST, {"q": "operator"})
    second = client.get(LIST, {"q": "operator", "page": 2})

    # then 20 and 3 show, and the link to the next page keeps the search
    assert len(first.context["vacancies"]) == 20
    assert len(second.context["vacancies"]) == 3
    assert "?q=operator&amp;page=2" in first.content.decode()


@pytest.mark.parametrize("count", [1, 20])
def test_the_list_costs_the_same_queries_for_one_vacancy_or_twenty(client, count, django_assert_num_queries):
    # given 1 or 20 public vacancies, each with two units and a scheme of one unit, in a track
    employer = factories.employer()
    track = course_factories.track(title="Garmen")
    scheme = _scheme("C.SKM.001.01")
    for _ in range(count):
        factories.vacancy(
            employer_obj=employer, units=["C.141220.001.01", "C.141220.002.01"], track=track, scheme=scheme
        )

    # when the list renders: count, page, own units, scheme units, their units, and the three facets
    with django_assert_num_queries(8):
        response = client.get(LIST)

    # then every vacancy is there
    assert len(response.context["vacancies"]) == count


def test_the_detail_shows_employer_requirements_wage_beside_the_umk_and_a_job_posting(client, settings):
    # given an open vacancy with a scheme, its own unit, a minimum KKNI level and education, shifts, a wage range
    settings.KOMPETEN_REGIONAL_MINIMUM_WAGE = 2_700_000
    employer = factories.employer(
        name="PT Batang Garmen Sejahtera", sector="Garmen", park_zone="Zona B", park_plot="B-7"
    )
    vacancy = factories.vacancy(
        employer_obj=employer,
        units=["C.141220.001.01"],
        scheme=_scheme("C.141220.009.01"),
        min_kkni_level=2,
        min_education=Vacancy.Education.SMA,
        shifts="3 shift, 8 jam",
        title="Operator Jahit </script><b>",
    )

    # when anyone opens it
    response = client.get(_detail(vacancy), **INDONESIAN)

    # then it shows the employer, the requirements, the wage in rupiah beside the UMK
    assert response.status_code == 200
    body = response.content.decode()
    for text in (
        "PT Batang Garmen Sejahtera",
        "Zona B, B-7",
        "C.141220.001.01",
        "Unit C.141220.009.01",
        "Skema Operator Garmen",
        "SMA/SMK",
        "3 shift, 8 jam",
        "Rp 2.600.000 \u2013 Rp 3.200.000",
        "Rp 2.700.000",
        "di bawah UMK",
    ):
        assert text in body, text
    # and a JobPosting a search engine reads, whose text cannot close the script element
    found = re.search(r'<script type="application/ld\+json" nonce="[^"]*">(.*?)</script>', body, re.S)
    posting = json.loads(found.group(1))
    assert posting["@type"] == "JobPosting"
    assert posting["title"] == "Operator Jahit </script><b>"
    assert posting["hiringOrganization"]["name"] == "PT Batang Garmen Sejahtera"
    assert posting["baseSalary"]["value"]["minValue"] == 2_600_000
    assert posting["baseSalary"]["currency"] == "IDR"
    assert posting["validThrough"].startswith(vacancy.closes_on.isoformat())
    assert posting["skills"][0].startswith("C.141220.001.01")
    assert "</script><b>" not in found.group(1)


def test_an_employer_outside_the_park_shows_its_address(client):
    employer = factories.employer(park_zone="", park_plot="", address="Jl. Raya Gringsing No. 5, Batang")
    response = client.get(_detail(factories.vacancy(employer_obj=employer)))
    assert "Jl. Raya Gringsing No. 5, Batang" in response.content.decode()


@pytest.mark.parametrize("state", ["unverified", "draft", "closed", "filled", "past", "unknown"])
def test_a_vacancy_that_is_not_public_is_a_404(client, state):
    # given a vacancy that is not public for one reason
    vacancy = factories.vacancy(employer_obj=factories.employer(verified=state != "unverified"), open_=state != "draft")
    member = vacancy.employer.members.first()
    if state in ("closed", "filled"):
        vacancy_close(vacancy=vacancy, by=member, filled=state == "filled")
    if state == "past":
        Vacancy.objects.filter(pk=vacancy.pk).update(closes_on=timezone.localdate() - datetime.timedelta(days=1))
    url = reverse("placement:vacancy", args=[vacancy.pk + 1000 if state == "unknown" else vacancy.pk])

    # when anyone opens it, then it does not exist for them
    assert client.get(url).status_code == 404


def test_an_id_beyond_any_integer_column_is_a_404_not_a_500(client):
    factories.vacancy()
    assert client.get(f"/kerja/lowongan/{10**30}/").status_code == 404


def test_an_employer_unverified_later_takes_its_vacancies_off_at_once(client):
    vacancy = factories.vacancy()
    Employer.objects.filter(pk=vacancy.employer_id).update(verified_at=None)
    assert client.get(_detail(vacancy)).status_code == 404
    assert _titles(client.get(LIST)) == []


@pytest.mark.parametrize("count", [1, 20])
def test_the_detail_costs_the_same_queries_whatever_the_units(client, count, django_assert_num_queries):
    # given a vacancy requiring 1 or 20 units of its own and as many through its scheme
    scheme = _scheme(*[f"C.SKM.{number:03d}.01" for number in range(count)])
    vacancy = factories.vacancy(units=[f"C.OWN.{number:03d}.01" for number in range(count)], scheme=scheme)

    # when it renders: the vacancy with its employer, track and scheme, its units, the scheme's units and theirs
    with django_assert_num_queries(4):
        response = client.get(_detail(vacancy))

    # then every unit shows
    assert len(response.context["units"]) == 2 * count


def test_the_site_navigation_and_the_home_page_link_to_the_vacancies(client):
    from django.apps import apps

    if not apps.is_installed("lms"):
        pytest.skip("the host site's navigation")
    assert f'href="{LIST}"' in client.get(reverse("courses:track_list"), follow=True).content.decode()
