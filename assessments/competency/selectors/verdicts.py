"""Reads of candidacies and verdicts for the plugins above (certificates, placement): who was decided Kompeten,
the units each candidate was judged competent in (K), the events to choose from. The plugins above read the
assessments plugin through these, never through its models (``.importlinter``: ``lower-models``)."""

from django.db import connections, models

from assessments.competency.appeals.models import Appeal
from assessments.competency.application.models import Application
from assessments.competency.models import (
    AssessmentEvent,
    AssessorRegistration,
    Candidacy,
    CandidacyQuerySet,
    UnitVerdict,
    Verdict,
)
from assessments.standards.models import CompetencyUnit


def candidacies_competent() -> CandidacyQuerySet:
    """``Candidacy.objects.competent()``: signed off K and countersigned where the event requires it, with the
    candidate and the event's scheme — the one rule of "Kompeten" the plugins above read."""
    return Candidacy.objects.competent()


def event_choices() -> models.QuerySet[AssessmentEvent]:
    """Every assessment event with its scheme, newest first: the choices of an admin form (one query)."""
    return AssessmentEvent.objects.select_related("scheme").order_by("-starts_on", "title")


def assessor_numbers(*, candidacies) -> dict[int, str]:
    """Candidacy id → its assessor's registration number (MET) for the candidacy's scheme, the latest valid first;
    "" where none is on record. ``candidacies`` carry their event (``event.scheme_id``). One query."""
    candidacies = list(candidacies)
    rows = (
        AssessorRegistration.objects.filter(
            user_id__in={c.assessor_id for c in candidacies if c.assessor_id},
            schemes__in={c.event.scheme_id for c in candidacies},
        )
        .order_by("-valid_until", "-pk")
        .values_list("user_id", "schemes", "number")
    )
    numbers: dict[tuple[int, int], str] = {}
    for user_id, scheme_id, number in rows:
        numbers.setdefault((user_id, scheme_id), number)
    return {c.pk: numbers.get((c.assessor_id, c.event.scheme_id), "") for c in candidacies}


def apl01_particulars(*, candidacy_ids) -> dict[int, dict]:
    """Candidacy id → the particulars its candidate gave on the FR.APL.01 that led to it (``nik``, ``birth_place``,
    ``birth_date``), for the candidacies that came from an application; what the blanko request to BNSP lists.
    One query."""
    rows = Application.objects.filter(candidacy_id__in=list(candidacy_ids)).only(
        "candidacy_id", "nik", "birth_place", "birth_date"
    )
    return {
        row.candidacy_id: {"nik": row.nik, "birth_place": row.birth_place, "birth_date": row.birth_date} for row in rows
    }


def decisions_overturned(*, candidacy_id: int) -> int:
    """How many certification decisions of this candidacy an appeal panel overturned (one query): what sets a
    certificate after a re-assessment apart from the one revoked with the overturned decision."""
    return Appeal.objects.filter(candidacy_id=candidacy_id, outcome=Appeal.Outcome.OVERTURNED).count()


def verdicts_of_candidacy(*, candidacy) -> dict[int, str]:
    """Unit id → the verdict (K or BK) given in this candidacy, for every unit judged (one query)."""
    return dict(UnitVerdict.objects.filter(candidacy=candidacy).values_list("unit_id", "verdict"))


def competent_unit_codes(*, candidacy_ids) -> models.QuerySet:
    """``(candidate id, unit code)`` for every unit judged K in these candidacies (a QuerySet of ids or a list),
    without duplicates: the competences a certificate attests, read live from the verdicts."""
    return (
        UnitVerdict.objects.filter(candidacy_id__in=candidacy_ids, verdict=Verdict.COMPETENT)
        .values_list("candidacy__candidate_id", "unit__code")
        .distinct()
    )


def unit_holder_tier(*, codes: list[str], holders: models.QuerySet, limit: int) -> dict[int, list[str]]:
    """The people who can still be among the best ``limit`` holders of these unit codes: holder id → the codes
    (of ``codes``) judged K in a candidacy that counts, for those ranked at most ``limit`` by how many they hold
    (``RANK``: ties kept, since every later key of a ranking only orders people who hold as many). One query.

    ``holders`` says which candidacies count and whose they are: a QuerySet of ``(candidacy id, holder id)`` pairs
    (``values_list("candidacy_id", "holder_id")``) — for placement, the valid competency certificates of the
    consenting job seekers (``certificates.selectors.competence.unit_holder_tier``). It is joined in as a
    common table expression, which both databases inline (PostgreSQL from 12 on), so the plan is the one of a
    plain join.

    Written as SQL because the ORM cannot say it cheaply: it reaches a verdict's certificate through the candidacy
    they share (``candidacy_id`` on both) where the ORM joins the candidacy table itself, and it groups and ranks
    in one statement; on 150,000 verdicts that halves the read (``docs/performance.md``)."""
    codes = list(dict.fromkeys(codes))
    if not codes:
        return {}
    verdicts, units = UnitVerdict._meta.db_table, CompetencyUnit._meta.db_table
    holders_sql, holders_params = holders.query.get_compiler(using=holders.db).as_sql()
    flag = "MAX(CASE WHEN u.code = %s THEN 1 ELSE 0 END)"
    flags = ", ".join(f"{flag} AS unit_{n}" for n in range(len(codes)))
    held = " + ".join([flag] * len(codes))
    placeholders = ", ".join(["%s"] * len(codes))
    sql = (
        f"WITH h (candidacy_id, holder_id) AS ({holders_sql}) "  # noqa: S608 — table names from the models, values as parameters
        f"SELECT * FROM (SELECT h.holder_id, {flags}, RANK() OVER (ORDER BY {held} DESC) AS place "
        f"FROM {verdicts} v JOIN h ON h.candidacy_id = v.candidacy_id "
        f"JOIN {units} u ON u.id = v.unit_id "
        f"WHERE v.verdict = %s AND u.code IN ({placeholders}) "
        "GROUP BY h.holder_id) ranked WHERE place <= %s"
    )
    params = [*holders_params, *codes, *codes, Verdict.COMPETENT, *codes, limit]
    with connections[holders.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return {
        holder_id: [code for code, flag_held in zip(codes, flags_held, strict=True) if flag_held]
        for holder_id, *flags_held, _place in rows
    }
