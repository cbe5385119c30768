"""Reads of BNSP registration for the certification admin: the candidates the committee decided to certify, with
the state of their registration; one registration; the rows of the blanko request (XLSX)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from assessments.competency.selectors.verdicts import apl01_particulars, assessor_numbers, candidacies_competent
from assessments.standards.selectors import scheme_units
from certificates.achievements import holder_name
from certificates.models import BnspRegistration, Certificate
from courses.training.registration.selectors import birth_dates


def candidacies_for_registration(*, event_id: int | None = None) -> QuerySet:
    """Candidacies the committee decided to certify, whose scheme issues a competency certificate, which hold no
    live certificate and whose numbers are not entered yet: to request (``registration_id`` None) or waiting for
    BNSP's numbers (``registration_status`` "requested"). With the candidate and the event's scheme; one query."""
    live = Certificate.objects.filter(candidacy_id=OuterRef("pk")).exclude(status=Certificate.Status.SUPERSEDED)
    registration = BnspRegistration.objects.filter(candidacy_id=OuterRef("pk"))
    registered = registration.filter(status=BnspRegistration.Status.REGISTERED)
    candidacies = (
        candidacies_competent()
        .filter(event__scheme__certificate_rule__isnull=False)
        .filter(~Exists(live), ~Exists(registered))
        .annotate(
            registration_id=Subquery(registration.values("pk")[:1]),
            registration_requested_at=Subquery(registration.values("requested_at")[:1]),
        )
        .select_related("candidate", "event__scheme")
        .order_by("event__starts_on", "event_id", "pk")
    )
    if event_id is not None:
        candidacies = candidacies.filter(event_id=event_id)
    return candidacies


def registration_for_admin(*, registration_id: int) -> BnspRegistration | None:
    """One registration with its candidacy, candidate and event (one query)."""
    return (
        BnspRegistration.objects.select_related("candidacy__candidate", "candidacy__event__scheme", "requested_by")
        .filter(pk=registration_id)
        .first()
    )


def registrations_requested(*, event_id: int | None = None) -> QuerySet[BnspRegistration]:
    """The registrations requested and not registered yet whose candidacy is still decided Kompeten (an appeal
    overturned the decision of none), oldest first, with the candidacy, its candidate and its event's scheme: the
    candidates of a blanko request."""
    registrations = (
        BnspRegistration.objects.filter(status=BnspRegistration.Status.REQUESTED)
        .filter(candidacy_id__in=candidacies_competent().values("pk"))
        .select_related("candidacy__candidate", "candidacy__event__scheme")
    )
    if event_id is not None:
        registrations = registrations.filter(candidacy__event_id=event_id)
    return registrations.order_by("candidacy__event_id", "requested_at", "pk")


def blanko_request_rows(*, event_id: int | None = None) -> list[list]:
    """The blanko request as an LSP submits it to BNSP, one row per candidate requested: name, NIK, place and date
    of birth, scheme, units, decision, assessor's MET number, TUK. The particulars are those the candidate gave on
    the FR.APL.01 that led to the candidacy; for a candidacy made from a batch (no APL.01), the NIK on the account
    and the birth date of the latest batch application, the place of birth left blank. A fixed number of queries
    (one more per scheme)."""
    registrations = list(registrations_requested(event_id=event_id))
    candidacies = [registration.candidacy for registration in registrations]
    numbers = assessor_numbers(candidacies=candidacies)
    particulars = apl01_particulars(candidacy_ids=[c.pk for c in candidacies])
    births = birth_dates(user_ids={c.candidate_id for c in candidacies if c.pk not in particulars})
    units: dict[int, str] = {}
    rows = []
    for candidacy in candidacies:
        scheme = candidacy.event.scheme
        if scheme.pk not in units:
            units[scheme.pk] = "; ".join(f"{row.unit.code} {row.unit.title}" for row in scheme_units(scheme=scheme))
        given = particulars.get(candidacy.pk) or {}
        nik = given.get("nik") or getattr(candidacy.candidate, "national_id", "") or ""
        birth = given.get("birth_date") or births.get(candidacy.candidate_id)
        rows.append(
            [
                holder_name(candidacy.candidate),
                nik,
                given.get("birth_place", ""),
                birth.isoformat() if birth else "",
                f"{scheme.number} {scheme.title}".strip(),
                units[scheme.pk],
                "Kompeten",
                numbers.get(candidacy.pk, ""),
                candidacy.event.site_name,
            ]
        )
    return rows
