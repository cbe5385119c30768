"""The centre's figures on a small world built by hand: placement rate within the period, median days from
certificate to hire, local share, demand beside certified supply — and their query counts."""

import datetime

import pytest

from assessments.models import CertificationScheme, SchemeUnit
from placement.models import Demand
from placement.selectors.figures import placement_figures, public_outcomes
from placement.services.applications import application_create
from tests.courses import factories as course_factories
from tests.placement import factories
from tests.placement import factories as placement_factories

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def world():
    """Track "Garmen": batch B1 (5 Jan to 31 Mar 2026) with
    p1 completed, certified 10 Apr, hired 10 May (local, consents, one application),
    p2 completed, certified 1 Apr, hired 1 Nov — after the six months (not local, consents),
    p3 completed, neither, p4 still active, certified 5 Apr, hired 20 Apr (local, no consent), p5 withdrawn (hired);
    track "Las": batch B2 (ended 31 Aug 2026) with one trainee who completed and was not hired."""
    garmen, las = course_factories.track(title="Garmen"), course_factories.track(title="Las")
    b1 = factories.ended_batch(track_page=garmen, starts_on=D(2026, 1, 5), ends_on=D(2026, 3, 31), name="B1")
    b2 = factories.ended_batch(track_page=las, starts_on=D(2026, 6, 1), ends_on=D(2026, 8, 31), name="B2")
    p1, p2, p3 = (factories.trainee_in(b1) for _ in range(3))
    p4 = factories.trainee_in(b1, completed=False)
    p5 = factories.trainee_in(b1, withdrawn=True)
    factories.trainee_in(b2)
    placement_factories.seeker(user=p1, local=True)
    placement_factories.seeker(user=p2, local=False)
    placement_factories.seeker(user=p4, local=True, consent=False)
    factories.certified_on(p1, D(2026, 4, 10))
    factories.certified_on(p2, D(2026, 4, 1))
    factories.certified_on(p4, D(2026, 4, 5))
    application_create(vacancy=placement_factories.vacancy(units=["C.FIG.01"]), seeker=p1)
    factories.placed(p1, D(2026, 5, 10))
    factories.placed(p2, D(2026, 11, 1))
    factories.placed(p4, D(2026, 4, 20))
    factories.placed(p5, D(2026, 4, 20))
    return {"b1": b1, "b2": b2, "p3": p3}


def test_per_batch_counts_rate_median_and_local_share(world):
    # Given the hand-built world
    # When the figures are read
    result = placement_figures()
    b1, b2 = result.batches
    # Then B1 counts its live trainees only (p5 withdrew)
    assert (b1.label, b1.track_title, b1.quarter) == ("B1", "Garmen", "2026-Q1")
    assert (b1.trained, b1.certified, b1.seekers, b1.applications, b1.hired) == (3, 3, 2, 1, 3)
    # and the placement rate counts only trained people placed by 30 Sep 2026: p1
    assert b1.placed_in_time == 1 and b1.placement_rate == pytest.approx(1 / 3)
    # the days from certificate to hire are 30 (p1), 214 (p2), 15 (p4): median 30
    assert sorted(b1.days) == [15, 30, 214] and b1.median_days == 30
    # two of the three hired are local
    assert b1.local_share == pytest.approx(2 / 3)
    # B2: one trained, nobody hired
    assert (b2.trained, b2.hired, b2.placement_rate, b2.median_days, b2.local_share) == (1, 0, 0.0, None, None)
    # and the totals add the batches, per track, per quarter and overall
    assert [(row.label, row.trained) for row in result.by_track] == [("Garmen", 3), ("Las", 1)]
    assert [row.label for row in result.by_quarter] == ["2026-Q1", "2026-Q3"]
    assert (result.total.trained, result.total.hired, result.total.placed_in_time) == (4, 3, 1)
    assert result.total.placement_rate == pytest.approx(1 / 4)


def test_the_period_of_the_placement_rate_is_a_setting(world, settings):
    # Given twelve months instead of six
    settings.KOMPETEN_PLACEMENT_RATE_MONTHS = 12
    # When the figures are read
    b1 = placement_figures().batches[0]
    # Then p2 (hired 1 Nov 2026) counts too
    assert b1.placed_in_time == 2


def test_filters_by_track_and_quarter(world):
    # Given the world
    # When filtered by the track "Las", and by the quarter 2026-Q1
    las = placement_figures(track_id=world["b2"].course.get_parent().pk)
    q1 = placement_figures(quarter="2026-Q1")
    # Then each keeps its batch only
    assert [row.label for row in las.batches] == ["B2"]
    assert [row.label for row in q1.batches] == ["B1"]


def test_demand_beside_certified_supply_gives_the_gap():
    # Given three people certified in C.GAP.01, a demand of 10 for it, and a demand of 4 for a scheme whose core
    # unit C.GAP.02 is also listed on the demand itself (counted once), its optional unit not counted
    for _ in range(3):
        placement_factories.certified(
            user=factories.trainee_in(factories.ended_batch(ends_on=D(2026, 3, 1))), codes=["C.GAP.01"]
        )
    employer = placement_factories.employer()
    wanted = Demand.objects.create(employer=employer, position="Operator", headcount=10, quarter="2027-Q1")
    wanted.units.set([placement_factories.unit("C.GAP.01")])
    scheme = CertificationScheme.objects.create(title="Skema Gap", number="SKM-GAP", kkni_level=2)
    SchemeUnit.objects.create(scheme=scheme, unit=placement_factories.unit("C.GAP.02"), sort_order=1)
    SchemeUnit.objects.create(scheme=scheme, unit=placement_factories.unit("C.GAP.03"), sort_order=2, is_core=False)
    by_scheme = Demand.objects.create(employer=employer, position="Las", headcount=4, quarter="2027-Q1", scheme=scheme)
    by_scheme.units.set([placement_factories.unit("C.GAP.02")])
    Demand.objects.create(employer=employer, position="Lain", headcount=99, quarter="2027-Q2").units.set(
        [placement_factories.unit("C.GAP.01")]
    )
    # When the gap of 2027-Q1 is read
    gaps = placement_figures(quarter="2027-Q1").gaps
    # Then C.GAP.01 wants 10 beside 3 certified (gap 7) and C.GAP.02 wants 4 beside none
    assert [(g.code, g.demand, g.supply, g.gap) for g in gaps] == [("C.GAP.01", 10, 3, 7), ("C.GAP.02", 4, 0, 4)]


def _world_of(batches: int):
    track = course_factories.track(title="Garmen")
    for number in range(batches):
        batch = factories.ended_batch(track_page=track, ends_on=D(2026, 3, 1) + datetime.timedelta(days=number))
        person = factories.trainee_in(batch)
        factories.placed(person, D(2026, 5, 1))
    Demand.objects.create(
        employer=placement_factories.employer(), position="Operator", headcount=3, quarter="2026-Q2"
    ).units.set([placement_factories.unit("C.PIN.01")])


FIGURES_QUERIES = 10


@pytest.mark.parametrize("batches", [1, 20])
def test_the_figures_take_a_constant_number_of_queries(django_assert_num_queries, batches):
    # Given 1 or 20 batches, each with a trainee hired
    _world_of(batches)
    # When the figures are read
    with django_assert_num_queries(FIGURES_QUERIES):
        result = placement_figures()
    # Then every batch is there
    assert len(result.batches) == batches and result.total.hired == batches


def test_public_outcomes_hide_cells_about_fewer_than_five_people():
    # Given a track with 6 trained of whom 5 hired in time, and a track with 3 trained of whom 1 hired
    big, small = course_factories.track(title="Garmen"), course_factories.track(title="Las")
    b_big = factories.ended_batch(track_page=big, starts_on=D(2026, 1, 5), ends_on=D(2026, 3, 31))
    b_small = factories.ended_batch(track_page=small, starts_on=D(2026, 1, 5), ends_on=D(2026, 3, 31))
    for number in range(6):
        person = factories.trainee_in(b_big)
        if number < 5:
            factories.placed(person, D(2026, 5, 1))
    for number in range(3):
        person = factories.trainee_in(b_small)
        if number == 0:
            factories.placed(person, D(2026, 5, 1))
    # When the public outcomes are read
    outcomes = public_outcomes(today=D(2026, 12, 1))
    rows = {row.label: row for row in outcomes["tracks"]}
    # Then the big track shows its counts and rate; the small track hides every cell about 1-4 people
    assert (rows["Garmen"].trained, rows["Garmen"].hired) == (6, 5)
    assert rows["Garmen"].placement_rate == pytest.approx(5 / 6)
    assert (rows["Las"].trained, rows["Las"].hired, rows["Las"].placement_rate) == (None, None, None)
    assert (outcomes["total"].trained, outcomes["total"].hired) == (9, 6)


def test_the_public_outcomes_page_shows_no_person(client):
    # Given a track with five people trained, one named distinctively
    track = course_factories.track(title="Garmen")
    batch = factories.ended_batch(track_page=track, starts_on=D(2026, 1, 5), ends_on=D(2026, 3, 31))
    people = [factories.trainee_in(batch) for _ in range(5)]
    people[0].email = "siti.unik@example.invalid"
    people[0].save()
    # When anyone opens the outcomes page
    response = client.get("/kerja/hasil/")
    body = response.content.decode()
    # Then it answers with the aggregates and nobody's name or e-mail, with a chart drawn on the server
    assert response.status_code == 200
    assert "Garmen" in body and "<svg" in body
    assert "siti.unik" not in body and "<script>" not in body and "style=" not in body


@pytest.mark.parametrize("batches", [1, 20])
def test_the_public_outcomes_page_takes_a_constant_number_of_queries(client, django_assert_num_queries, batches):
    # Given 1 or 20 batches
    _world_of(batches)
    # When the page is opened by anyone
    # Then it takes the figures' queries, whatever the number of batches
    with django_assert_num_queries(FIGURES_QUERIES):
        response = client.get("/kerja/hasil/")
    assert response.status_code == 200
