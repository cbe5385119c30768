"""The ranking: weights, ties, the local priority (tie-break or reserved share), the pass mark, the waiting list."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from courses.models import SelectionPlan
from courses.training.registration.ranking import ACCEPTED, REJECTED, WAITLISTED, rank_applications

_T0 = datetime.datetime(2026, 11, 1, 8, 0, tzinfo=datetime.UTC)


def _app(pk, *, interview, local=False, minutes=0, user_id=None):
    return SimpleNamespace(
        pk=pk,
        user_id=user_id or pk,
        interview_score=Decimal(interview) if interview is not None else None,
        is_local=local,
        created_at=_T0 + datetime.timedelta(minutes=minutes or pk),
    )


def _plan(**fields):
    values = {
        "test_weight": 50,
        "interview_weight": 50,
        "local_priority": SelectionPlan.LocalPriority.NONE,
        "local_share": 0,
        "pass_mark": Decimal(0),
        "waitlist_size": 10,
        "LocalPriority": SelectionPlan.LocalPriority,
    }
    values.update(fields)
    return SimpleNamespace(**values)


def _outcomes(rows):
    return [(row.application.pk, row.outcome, row.waitlist_position) for row in rows]


def test_scores_are_weighted_and_the_best_take_the_seats():
    apps = [_app(1, interview=80), _app(2, interview=60), _app(3, interview=90)]
    scores = {1: 70, 2: 100, 3: 40}  # totals 75, 80, 65
    rows = rank_applications(apps, plan=_plan(), quota=1, test_scores=scores, has_test=True)
    assert [row.total for row in rows] == [Decimal("80.00"), Decimal("75.00"), Decimal("65.00")]
    assert _outcomes(rows) == [(2, ACCEPTED, None), (1, WAITLISTED, 1), (3, WAITLISTED, 2)]


def test_equal_totals_are_marked_tied_and_broken_by_the_test_score_then_by_who_applied_first():
    apps = [_app(1, interview=100), _app(2, interview=60), _app(3, interview=60, minutes=0)]
    scores = {1: 60, 2: 100, 3: 100}  # all total 80; 2 and 3 have the better test, 2 applied first
    rows = rank_applications(apps, plan=_plan(), quota=1, test_scores=scores, has_test=True)
    assert [row.application.pk for row in rows] == [2, 3, 1]
    assert all(row.tied for row in rows)
    assert rows[0].outcome == ACCEPTED


def test_with_the_tie_break_priority_a_local_resident_wins_an_equal_score_but_not_a_better_one():
    apps = [_app(1, interview=70), _app(2, interview=70, local=True), _app(3, interview=71)]
    plan = _plan(test_weight=0, interview_weight=100, local_priority=SelectionPlan.LocalPriority.TIE_BREAK)
    rows = rank_applications(apps, plan=plan, quota=2, test_scores={}, has_test=False)
    assert [row.application.pk for row in rows] == [3, 2, 1]
    assert _outcomes(rows)[:2] == [(3, ACCEPTED, None), (2, ACCEPTED, None)]
    without = rank_applications(
        apps, plan=_plan(test_weight=0, interview_weight=100), quota=2, test_scores={}, has_test=False
    )
    assert [row.application.pk for row in without] == [3, 1, 2]  # no priority: who applied first


def test_a_reserved_share_keeps_seats_for_the_best_local_residents():
    apps = [_app(i, interview=90 - i) for i in range(1, 5)] + [
        _app(5, interview=50, local=True),
        _app(6, interview=40, local=True),
    ]
    plan = _plan(
        test_weight=0, interview_weight=100, local_priority=SelectionPlan.LocalPriority.RESERVED, local_share=50
    )
    rows = rank_applications(apps, plan=plan, quota=4, test_scores={}, has_test=False)
    accepted = sorted(row.application.pk for row in rows if row.outcome == ACCEPTED)
    assert accepted == [1, 2, 5, 6]  # 2 of 4 seats reserved: both locals, then the 2 best of the rest
    assert {row.application.pk for row in rows if row.reserved_seat} == {5, 6}
    assert [(row.application.pk, row.waitlist_position) for row in rows if row.outcome == WAITLISTED] == [
        (3, 1),
        (4, 2),
    ]


def test_a_reserved_share_that_locals_cannot_fill_goes_to_everyone_else():
    apps = [_app(1, interview=90), _app(2, interview=80), _app(3, interview=10, local=True)]
    plan = _plan(
        test_weight=0, interview_weight=100, local_priority=SelectionPlan.LocalPriority.RESERVED, local_share=100
    )
    rows = rank_applications(apps, plan=plan, quota=3, test_scores={}, has_test=False)
    assert all(row.outcome == ACCEPTED for row in rows)


def test_below_the_pass_mark_or_without_the_test_is_not_accepted_and_the_waiting_list_is_bounded():
    apps = [
        _app(1, interview=90),
        _app(2, interview=80),
        _app(3, interview=70),
        _app(4, interview=20),
        _app(5, interview=95),
    ]
    plan = _plan(pass_mark=Decimal(30), waitlist_size=1)
    scores = {1: 90, 2: 80, 3: 70, 4: 20}  # 5 never sat the test
    rows = rank_applications(apps, plan=plan, quota=1, test_scores=scores, has_test=True)
    by_pk = {row.application.pk: row for row in rows}
    assert by_pk[1].outcome == ACCEPTED
    assert (by_pk[2].outcome, by_pk[2].waitlist_position) == (WAITLISTED, 1)
    assert by_pk[3].outcome == REJECTED  # the waiting list is full
    assert by_pk[4].outcome == REJECTED  # total 20 < 30
    assert by_pk[5].outcome == REJECTED and by_pk[5].missing_test
