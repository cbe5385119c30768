"""Matching ranks and cuts in the database: the query count does not grow with the job seekers, the cut keeps the
best, and a vacancy without required units ranks every consenting seeker."""

import pytest

from placement.selectors.matching import matches_for_vacancy
from tests.placement import factories

pytestmark = pytest.mark.django_db

REQUIRED = ["C.141220.001.01", "C.141220.002.01", "C.141220.003.01"]


@pytest.mark.parametrize("count", [1, 20])
def test_matching_a_scheme_vacancy_costs_the_same_queries_for_one_seeker_or_twenty(count, django_assert_num_queries):
    # Given a vacancy requiring a scheme, and seekers certified in its units
    first = factories.seeker()
    certificate = factories.certified(user=first, codes=REQUIRED[:2])
    for _ in range(count - 1):
        factories.certified(user=factories.seeker(), codes=REQUIRED[:1])
    vacancy = factories.vacancy(scheme=certificate.candidacy.event.scheme)
    vacancy.refresh_from_db()
    # When it is matched: own units, the scheme, its units, the units held per holder, the profiles, the held units
    with django_assert_num_queries(7):
        ranked = matches_for_vacancy(vacancy=vacancy)
    # And the one holding both units is first
    assert len(ranked) == count
    assert ranked[0].profile.user == first


def test_the_database_cuts_the_list_and_keeps_the_best():
    # Given twelve seekers with one unit and one with all three
    vacancy = factories.vacancy(units=REQUIRED)
    for _ in range(12):
        factories.certified(user=factories.seeker(), codes=REQUIRED[:1])
    best = factories.seeker(local=False, available_in_days=60)
    factories.certified(user=best, codes=REQUIRED)
    # When only five are asked for
    ranked = matches_for_vacancy(vacancy=vacancy, limit=5)
    # Then five come back, the best first, each with what it holds
    assert len(ranked) == 5
    assert ranked[0].profile.user == best and ranked[0].held == REQUIRED
    assert all(match.held == REQUIRED[:1] for match in ranked[1:])


def test_below_the_minimum_kkni_level_ranks_after_those_who_reach_it():
    vacancy = factories.vacancy(units=REQUIRED[:1], min_kkni_level=3)
    low = factories.seeker()
    factories.certified(user=low, codes=REQUIRED[:1], kkni_level=2)
    high = factories.seeker(local=False, available_in_days=30)
    factories.certified(user=high, codes=REQUIRED[:1], kkni_level=4)
    ranked = matches_for_vacancy(vacancy=vacancy)
    assert [match.profile.user for match in ranked] == [high, low]
    assert [match.meets_kkni for match in ranked] == [True, False]


@pytest.mark.parametrize("count", [1, 20])
def test_a_vacancy_without_units_ranks_every_consenting_seeker(count, django_assert_num_queries):
    # Given consenting seekers (one certified at KKNI 3) and one who did not consent
    certified = factories.seeker(local=False)
    factories.certified(user=certified, codes=REQUIRED[:1], kkni_level=3)
    for _ in range(count - 1):
        factories.seeker()
    factories.seeker(consent=False)
    vacancy = factories.vacancy()
    vacancy.refresh_from_db()
    # When it is matched: the (empty) units, the ranking, when the shown ones' certificates expire, the profiles
    with django_assert_num_queries(4):
        ranked = matches_for_vacancy(vacancy=vacancy)
    # Then every consenting seeker comes back, the certified one first (the higher level)
    assert len(ranked) == count
    assert ranked[0].profile.user == certified and ranked[0].kkni_level == 3


def test_the_cut_keeps_everyone_tied_on_units_for_the_later_keys():
    # Given three seekers holding the same unit, the last certified at the highest level, and one holding none
    vacancy = factories.vacancy(units=REQUIRED)
    for _ in range(2):
        factories.certified(user=factories.seeker(), codes=REQUIRED[:1], kkni_level=2)
    highest = factories.seeker(local=False, available_in_days=60)
    factories.certified(user=highest, codes=REQUIRED[:1], kkni_level=4)
    # When only one is asked for, then the one with the highest level wins the tie on units
    [match] = matches_for_vacancy(vacancy=vacancy, limit=1)
    assert match.profile.user == highest and match.kkni_level == 4
