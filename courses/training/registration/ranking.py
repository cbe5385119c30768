"""The ranking of a batch's applicants (pure: no database), as the ranking page shows it and publishing decides it.

total = test score x test weight / 100 + interview score x interview weight / 100 (each score 0-100; a missing
interview counts 0). Order: the higher total first; among equal totals, with the *tie-break* priority a local
resident first; then the higher test score; then whoever applied first. With a *reserved share*, the best local
residents take that share of the quota first (rounded down), the rest of the seats go to the best of everyone else
in the order above, seats a share cannot fill included. Applicants below the pass mark, and those who did not sit
the selection test when the plan has one, are not accepted; of the others, who gets no seat joins the waiting list
(in ranking order, up to its length) or is not accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ACCEPTED, WAITLISTED, REJECTED = "accepted", "waitlisted", "rejected"
_CENT = Decimal("0.01")


@dataclass
class Ranked:
    application: object
    test_score: Decimal | None
    interview_score: Decimal | None
    total: Decimal
    rank: int = 0
    tied: bool = False
    outcome: str = REJECTED
    waitlist_position: int | None = None
    reserved_seat: bool = False
    missing_test: bool = False


def _total(*, test: Decimal | None, interview: Decimal | None, test_weight: int, interview_weight: int) -> Decimal:
    total = (test or 0) * Decimal(test_weight) / 100 + (interview or 0) * Decimal(interview_weight) / 100
    return Decimal(total).quantize(_CENT, rounding=ROUND_HALF_UP)


def rank_applications(applications, *, plan, quota: int, test_scores: dict, has_test: bool) -> list[Ranked]:
    """Every application ranked and given an outcome. ``test_scores``: user id -> score (0-100)."""
    rows = []
    for application in applications:
        test = test_scores.get(application.user_id)
        test = Decimal(test).quantize(_CENT) if test is not None else None
        rows.append(
            Ranked(
                application=application,
                test_score=test,
                interview_score=application.interview_score,
                total=_total(
                    test=test,
                    interview=application.interview_score,
                    test_weight=plan.test_weight,
                    interview_weight=plan.interview_weight,
                ),
                missing_test=has_test and test is None,
            )
        )
    tie_break = plan.local_priority == plan.LocalPriority.TIE_BREAK

    def key(row: Ranked):
        app = row.application
        return (-row.total, not app.is_local if tie_break else False, -(row.test_score or 0), app.created_at, app.pk)

    rows.sort(key=key)
    for index, row in enumerate(rows):
        row.rank = index + 1
        neighbours = rows[max(index - 1, 0) : index] + rows[index + 1 : index + 2]
        row.tied = any(other.total == row.total for other in neighbours)
    eligible = [row for row in rows if not row.missing_test and row.total >= plan.pass_mark]
    seats = max(quota, 0)
    chosen: list[Ranked] = []
    if plan.local_priority == plan.LocalPriority.RESERVED and plan.local_share:
        reserved = min(seats * plan.local_share // 100, seats)
        for row in eligible:
            if len(chosen) >= reserved:
                break
            if row.application.is_local:
                row.reserved_seat = True
                chosen.append(row)
    taken = {id(row) for row in chosen}
    for row in eligible:
        if len(chosen) >= seats:
            break
        if id(row) not in taken:
            chosen.append(row)
    for row in chosen:
        row.outcome = ACCEPTED
    place = 0
    for row in eligible:
        if row.outcome == ACCEPTED:
            continue
        if place < plan.waitlist_size:
            place += 1
            row.outcome, row.waitlist_position = WAITLISTED, place
    return rows
