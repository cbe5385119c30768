"""Matching ranks consenting job seekers on the required units they hold with a K verdict on a valid certificate,
then KKNI level, then local residence, then availability — and every row says why."""

import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone, translation

from assessments.models import CourseUnit
from certificates.models import Certificate
from certificates.services.issuing import certificate_revoke
from placement.selectors.matching import matches_for_vacancy, vacancies_for_seeker
from placement.services.seekers import consent_withdraw, profile_save
from tests.courses import factories as course_factories
from tests.factories import UserFactory
from tests.placement import factories

pytestmark = pytest.mark.django_db

REQUIRED = ["C.141220.001.01", "C.141220.002.01", "C.141220.003.01"]


def test_seekers_are_ranked_by_units_held_then_kkni_then_local_then_availability():
    # Given a vacancy requiring three units, and four consenting seekers
    vacancy = factories.vacancy(units=REQUIRED)
    all_three_far = factories.seeker(local=False)
    factories.certified(user=all_three_far, codes=REQUIRED, kkni_level=2)
    two_local = factories.seeker(local=True)
    factories.certified(user=two_local, codes=REQUIRED[:2], kkni_level=2)
    two_far_higher = factories.seeker(local=False)
    factories.certified(user=two_far_higher, codes=REQUIRED[:2], kkni_level=3)
    two_local_later = factories.seeker(local=True, available_in_days=30)
    factories.certified(user=two_local_later, codes=REQUIRED[:2], kkni_level=2)
    # And one who holds none of them, and one who does not consent
    factories.certified(user=factories.seeker(), codes=["C.999999.001.01"])
    factories.certified(user=factories.seeker(consent=False), codes=REQUIRED)
    # When the vacancy is matched
    ranked = matches_for_vacancy(vacancy=vacancy)
    # Then the order is: most units; then the higher KKNI level; then the local resident; then the earliest start
    assert [match.profile.user for match in ranked] == [all_three_far, two_far_higher, two_local, two_local_later]
    # And each row explains itself, in the reader's language
    with translation.override("en"):
        assert ranked[0].explanation().startswith("3 of 3 required units")
        assert "missing C.141220.003.01" in ranked[2].explanation()
        assert "local resident" in ranked[2].explanation()
        assert "local resident" not in ranked[1].explanation()
    with translation.override("id"):
        assert ranked[2].explanation().startswith("2 dari 3 unit yang disyaratkan; belum memiliki C.141220.003.01")
        assert "warga lokal" in ranked[2].explanation()


@override_settings(KOMPETEN_LOCAL_PRIORITY=False)
def test_without_the_local_priority_availability_decides_among_equals():
    vacancy = factories.vacancy(units=REQUIRED[:1])
    far_early = factories.seeker(local=False)
    factories.certified(user=far_early, codes=REQUIRED[:1])
    local_late = factories.seeker(local=True, available_in_days=10)
    factories.certified(user=local_late, codes=REQUIRED[:1])
    assert [match.profile.user for match in matches_for_vacancy(vacancy=vacancy)] == [far_early, local_late]


def test_a_revoked_certificate_leaves_matching_at_once():
    # Given a seeker matched through one certificate
    vacancy = factories.vacancy(units=REQUIRED[:1])
    seeker = factories.seeker()
    certificate = factories.certified(user=seeker, codes=REQUIRED[:1])
    assert [match.profile.user for match in matches_for_vacancy(vacancy=vacancy)] == [seeker]
    # When the certificate is revoked, then the seeker no longer matches
    certificate_revoke(certificate=certificate, reason="Dokumen palsu.", by=UserFactory())
    assert matches_for_vacancy(vacancy=vacancy) == []


def test_withdrawn_consent_hides_the_seeker_from_matching():
    vacancy = factories.vacancy(units=REQUIRED[:1])
    seeker = factories.seeker()
    factories.certified(user=seeker, codes=REQUIRED[:1])
    consent_withdraw(user=seeker)
    assert matches_for_vacancy(vacancy=vacancy) == []


def test_a_scheme_brings_its_core_units_as_requirements():
    certificate_holder = factories.seeker()
    certificate = factories.certified(user=certificate_holder, codes=REQUIRED[:2])
    vacancy = factories.vacancy(scheme=certificate.candidacy.event.scheme)
    [match] = matches_for_vacancy(vacancy=vacancy)
    assert match.required == REQUIRED[:2] and match.held == REQUIRED[:2]


@pytest.mark.parametrize("count", [1, 20])
def test_matching_costs_the_same_queries_for_one_seeker_or_twenty(count, django_assert_num_queries):
    vacancy = factories.vacancy(units=REQUIRED)
    for _ in range(count):
        factories.certified(user=factories.seeker(), codes=REQUIRED[:2])
    vacancy.refresh_from_db()
    with django_assert_num_queries(5):
        ranked = matches_for_vacancy(vacancy=vacancy)
    assert len(ranked) == count


def test_a_seeker_sees_matching_vacancies_and_the_courses_for_a_near_miss():
    # Given a course that teaches the third unit
    course = course_factories.course()
    CourseUnit.objects.create(course=course, unit=factories.unit(REQUIRED[2]))
    # And a seeker certified in two of three units, a vacancy requiring all three and one requiring other units
    seeker = factories.seeker()
    factories.certified(user=seeker, codes=REQUIRED[:2])
    near = factories.vacancy(units=REQUIRED, title="Operator Jahit Senior")
    factories.vacancy(units=["C.999999.001.01"], title="Teknisi Listrik")
    # When the seeker's matches are read
    [match] = vacancies_for_seeker(user=seeker)
    # Then the near miss shows, with the missing unit and the course that teaches it
    assert match.vacancy == near
    assert match.missing == [REQUIRED[2]]
    assert [page.pk for page in match.courses[REQUIRED[2]]] == [course.pk]


@pytest.mark.parametrize("count", [1, 20])
def test_a_ranking_read_again_costs_two_queries_for_one_seeker_or_twenty(count, django_assert_num_queries):
    # Given a vacancy whose match list was read once (the ranking is now cached)
    vacancy = factories.vacancy(units=REQUIRED)
    for _ in range(count):
        factories.certified(user=factories.seeker(), codes=REQUIRED[:2])
    vacancy.refresh_from_db()
    first = matches_for_vacancy(vacancy=vacancy)
    # When it is read again: the required units and the profiles shown, nothing else
    with django_assert_num_queries(2):
        again = matches_for_vacancy(vacancy=vacancy)
    # Then it is the same list
    assert [(m.profile.pk, m.held, m.kkni_level) for m in again] == [
        (m.profile.pk, m.held, m.kkni_level) for m in first
    ]


def test_a_certificate_issued_after_a_cached_read_enters_the_next_read():
    # Given a cached match list with one seeker
    vacancy = factories.vacancy(units=REQUIRED)
    first = factories.seeker()
    factories.certified(user=first, codes=REQUIRED[:1])
    assert [match.profile.user for match in matches_for_vacancy(vacancy=vacancy)] == [first]
    # When another seeker is certified in more of the units (through the issuing service)
    better = factories.seeker()
    factories.certified(user=better, codes=REQUIRED)
    # Then the next read shows them, first
    assert [match.profile.user for match in matches_for_vacancy(vacancy=vacancy)] == [better, first]


def test_a_profile_saved_after_a_cached_read_reorders_the_next_read():
    # Given two seekers equal but for their start date, cached in that order
    vacancy = factories.vacancy(units=REQUIRED[:1])
    early, late = factories.seeker(local=False), factories.seeker(local=False, available_in_days=30)
    for seeker in (early, late):
        factories.certified(user=seeker, codes=REQUIRED[:1])
    assert [match.profile.user for match in matches_for_vacancy(vacancy=vacancy)] == [early, late]
    # When the later one can now start at once (the profile service)
    profile_save(user=late, available_from=timezone.localdate() - datetime.timedelta(days=1))
    # Then the next read puts them first
    assert [match.profile.user for match in matches_for_vacancy(vacancy=vacancy)] == [late, early]


def test_a_cached_ranking_expires_with_the_first_certificate_it_rests_on():
    # Given a seeker whose certificate expires in a minute, matched once
    vacancy = factories.vacancy(units=REQUIRED[:1])
    seeker = factories.seeker()
    certificate = factories.certified(user=seeker, codes=REQUIRED[:1])
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=timezone.now() + datetime.timedelta(seconds=60))
    cached = []
    original_set = cache.set

    def spy(key, value, timeout=None, **kwargs):
        if key.startswith("placement:ranking:"):
            cached.append(timeout)
        return original_set(key, value, timeout, **kwargs)

    cache.set = spy
    try:
        # When the match list is read
        matches_for_vacancy(vacancy=vacancy)
    finally:
        cache.set = original_set
    # Then the ranking is kept no longer than the certificate stays valid (not the 300 s default)
    assert len(cached) == 1 and 0 < cached[0] <= 60


def test_a_ranking_resting_on_a_certificate_about_to_expire_is_not_cached():
    # Given a seeker whose certificate expires within the second, matched once
    vacancy = factories.vacancy(units=REQUIRED[:1])
    seeker = factories.seeker()
    certificate = factories.certified(user=seeker, codes=REQUIRED[:1])
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=timezone.now() + datetime.timedelta(seconds=1))
    assert [match.profile.user for match in matches_for_vacancy(vacancy=vacancy)] == [seeker]
    # When it has expired
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=timezone.now() - datetime.timedelta(seconds=1))
    # Then the seeker is no longer matched
    assert matches_for_vacancy(vacancy=vacancy) == []
