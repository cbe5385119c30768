"""Third-party verification (FR.IA.10): the assessor names a supervisor (name, position, organisation, e-mail) and
the KUKs of a unit to confirm; the supervisor gets an e-mail with a signed link (``django.core.signing``, salted,
valid ``KOMPETEN_THIRD_PARTY_LINK_DAYS`` days) and, without an account, confirms or not each KUK with a comment, once.

The link carries the record and a random nonce of this request: a new request (the assessor saves again) makes the
old link useless, an answered request refuses its link, and so does a candidacy signed off or under appeal. The answer
is written with the record's version (a second answer at the same time finds it changed), kept on the record as
its rows and audited. Nothing of the link is stored but the nonce."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from assessments.competency.models import Candidacy, EvidenceRecord
from assessments.competency.services.candidacy import AssessmentRefused, evidence_save
from assessments.competency.services.evidence_criteria import criteria_check, rows_satisfactory, text_check
from assessments.standards.models import CompetencyUnit, PerformanceCriterion
from assessments.tasks import third_party_email_send as third_party_email_send_task
from courses.outbox import outbox_enqueue
from kompeten_core.audit import audit_log
from kompeten_core.conf import public_base_url
from kompeten_core.conf import settings as kompeten

SALT = "assessments.third_party"
SUPERVISOR_KEYS = ("name", "position", "organisation", "email")
THIRD_PARTY = EvidenceRecord.Method.THIRD_PARTY


class ThirdPartyLinkInvalid(Exception):
    """The link is altered, unknown or replaced by a newer request (404): nothing is said about any record."""


class ThirdPartyLinkGone(Exception):
    """The link was valid but is expired, already answered, or the assessment is closed (410)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "expired", "answered" or "closed"


def _link_age() -> datetime.timedelta:
    return datetime.timedelta(days=kompeten.THIRD_PARTY_LINK_DAYS)


def third_party_token(*, record_id: int, nonce: str) -> str:
    return signing.dumps({"r": record_id, "n": nonce}, salt=SALT)


def third_party_link(*, record_id: int, nonce: str) -> str:
    return public_base_url() + reverse(
        "assessments:third_party_answer", args=[third_party_token(record_id=record_id, nonce=nonce)]
    )


def _request(record: EvidenceRecord) -> dict:
    return record.data if isinstance(record.data, dict) else {}


def third_party_request(
    *,
    candidacy: Candidacy,
    assessor,
    unit: CompetencyUnit,
    supervisor: dict[str, str],
    criterion_ids: list[int],
    note: str = "",
    version: int,
    now: datetime.datetime | None = None,
) -> EvidenceRecord:
    """Ask a supervisor to confirm ``criterion_ids`` (KUKs of the unit) and e-mail them the link (through the task
    outbox, after commit). Saving again before the answer replaces the request (the old link stops working); once
    answered, the record is closed."""
    supervisor = {key: text_check(str(supervisor.get(key, "")).strip()) for key in SUPERVISOR_KEYS}
    if not supervisor["name"]:
        raise AssessmentRefused(_("Give the supervisor's name."), code="no_name")
    try:
        validate_email(supervisor["email"])
    except ValidationError as error:
        raise AssessmentRefused(_("Give the supervisor's e-mail address."), code="bad_email") from error
    if not criterion_ids:
        raise AssessmentRefused(_("Choose the performance criteria (KUK) to confirm."), code="no_criteria")
    criteria = criteria_check(unit=unit, criterion_ids=criterion_ids)
    existing = EvidenceRecord.objects.filter(candidacy=candidacy, unit=unit, method=THIRD_PARTY).first()
    if existing is not None and _request(existing).get("answered_at"):
        raise AssessmentRefused(_("The supervisor has answered: this verification is closed."), code="answered")
    nonce = secrets.token_urlsafe(16)
    data = {
        "supervisor": supervisor,
        "criteria": [criterion_id for criterion_id in criteria if criterion_id in set(criterion_ids)],
        "nonce": nonce,
        "sent_at": (now or timezone.now()).isoformat(),
        "answered_at": None,
        "rows": [],
    }
    record = evidence_save(
        candidacy=candidacy,
        assessor=assessor,
        unit=unit,
        method=THIRD_PARTY,
        data=data,
        satisfactory=None,
        note=note,
        version=version,
    )
    outbox_enqueue(task=third_party_email_send_task, kwargs={"record_id": record.pk, "nonce": nonce})
    return record


def third_party_email_send(*, record_id: int, nonce: str) -> int:
    """E-mail the supervisor the link of the request ``nonce`` (nothing if it was replaced or answered meanwhile), in
    the site's language: the supervisor has no account to choose another."""
    record = EvidenceRecord.objects.select_related("candidacy__candidate", "unit").filter(pk=record_id).first()
    request = _request(record) if record else {}
    if not request or request.get("nonce") != nonce or request.get("answered_at"):
        return 0
    supervisor = request.get("supervisor") or {}
    candidate = record.candidacy.candidate
    with translation.override(settings.LANGUAGE_CODE):
        sent_at = datetime.datetime.fromisoformat(request["sent_at"])
        values = {
            "supervisor": supervisor.get("name", ""),
            "candidate": candidate.get_full_name() or candidate.get_username(),
            "unit": f"{record.unit.code} {record.unit.title}",
            "link": third_party_link(record_id=record.pk, nonce=nonce),
            "date": formats.date_format(timezone.localtime(sent_at + _link_age())),
        }
        subject = _("Please confirm the work of %(candidate)s") % values
        body = (
            _(
                "Dear %(supervisor)s,\n\n%(candidate)s is being assessed for the competency unit %(unit)s. Their "
                "assessor asks you, as their supervisor, to confirm what you have seen of their work. No account is "
                "needed:\n\n%(link)s\n\nThe link works once, until %(date)s."
            )
            % values
        )
    return send_mail(subject, body, None, [supervisor.get("email", "")])


def third_party_for_token(token: str, *, now: datetime.datetime | None = None) -> EvidenceRecord:
    """The record a link opens, with its candidacy, candidate and unit. Refused: an altered or unknown link, or one
    replaced by a newer request (``ThirdPartyLinkInvalid``); an expired or answered one, or an assessment signed off
    or under appeal (``ThirdPartyLinkGone``)."""
    now = now or timezone.now()
    try:
        payload = signing.loads(token, salt=SALT, max_age=_link_age())
    except signing.SignatureExpired as error:
        raise ThirdPartyLinkGone("expired") from error
    except signing.BadSignature as error:
        raise ThirdPartyLinkInvalid from error
    if not isinstance(payload, dict) or not isinstance(payload.get("r"), int):
        raise ThirdPartyLinkInvalid
    record = (
        EvidenceRecord.objects.select_related("candidacy__candidate", "candidacy__event", "unit")
        .filter(pk=payload["r"], method=THIRD_PARTY)
        .first()
    )
    request = _request(record) if record else {}
    if not request or request.get("nonce") != payload.get("n"):
        raise ThirdPartyLinkInvalid
    if request.get("answered_at"):
        raise ThirdPartyLinkGone("answered")
    if now > datetime.datetime.fromisoformat(request["sent_at"]) + _link_age():
        raise ThirdPartyLinkGone("expired")
    if record.candidacy.is_read_only:
        raise ThirdPartyLinkGone("closed")
    return record


def third_party_criteria(*, record: EvidenceRecord) -> list[PerformanceCriterion]:
    """The KUKs the request asks about, in the unit's order, with their element. One query."""
    ids = _request(record).get("criteria") or []
    return list(
        PerformanceCriterion.objects.filter(pk__in=ids, element__unit_id=record.unit_id)
        .select_related("element")
        .order_by("element__number", "sort_order", "pk")
    )


@transaction.atomic
def third_party_answer(
    *, token: str, answers: dict[int, tuple[bool | None, str]], now: datetime.datetime | None = None
) -> EvidenceRecord:
    """The supervisor's answer: {KUK id: (confirmed, comment)} for every KUK asked about, once. Satisfactory when
    every KUK is confirmed. Audited (the supervisor has no account: the entry names them)."""
    now = now or timezone.now()
    record = third_party_for_token(token, now=now)
    request = _request(record)
    asked = [criterion.pk for criterion in third_party_criteria(record=record)]
    numbers = dict(PerformanceCriterion.objects.filter(pk__in=asked).values_list("pk", "number"))
    if set(answers) - set(asked):
        raise AssessmentRefused(_("A performance criterion (KUK) is not part of this request."), code="wrong_criterion")
    rows = []
    for criterion_id in asked:
        confirmed, comment = answers.get(criterion_id, (None, ""))
        if confirmed is None:
            raise AssessmentRefused(
                _("Say for KUK %(number)s whether you confirm it.") % {"number": numbers[criterion_id]},
                code="unanswered",
            )
        rows.append(
            {
                "criterion_id": criterion_id,
                "confirmed": confirmed,
                "comment": text_check(comment, number=numbers[criterion_id]),
            }
        )
    data = {**request, "rows": rows, "answered_at": now.isoformat()}
    satisfactory = rows_satisfactory(row["confirmed"] for row in rows)
    updated = EvidenceRecord.objects.filter(pk=record.pk, version=record.version).update(
        data=data, satisfactory=satisfactory, version=record.version + 1, updated_at=now
    )
    if not updated:  # another answer, or a new request of the assessor, came first: the link says which
        third_party_for_token(token, now=now)
        raise ThirdPartyLinkGone("answered")
    record.refresh_from_db()
    supervisor = request.get("supervisor") or {}
    audit_log(
        record,
        "assessments.third_party_answer",
        data={
            "candidacy_id": record.candidacy_id,
            "unit": record.unit.code,
            "supervisor": {key: supervisor.get(key, "") for key in SUPERVISOR_KEYS},
            "rows": rows,
        },
        title=f"#{record.candidacy_id} · {record.unit.code}",
    )
    return record
