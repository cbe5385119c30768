"""The tracer study: 3, 6 and 12 months (``KOMPETEN_TRACER_MONTHS``) after a batch ends, each of its trainees gets
a survey by e-mail — a signed link, valid ``KOMPETEN_TRACER_LINK_DAYS`` days, answered once without logging in —
and one reminder ``KOMPETEN_TRACER_REMINDER_DAYS`` days later if they have not answered.

The link's token is an HMAC of the survey's person, batch and wave under the site's secret key: it cannot be
guessed or altered, it is never stored (only its SHA-256 is, to find the survey) and it is derived again whenever a
mail is sent. Every step is idempotent: the beat task may run twice, or at the same time, and nobody gets a second
survey, a second mail or a second reminder.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import re

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from courses.outbox import outbox_enqueue
from courses.selectors.outcomes import batch_trainees, batches_ended
from kompeten_core.conf import settings as kompeten
from placement.dates import add_months
from placement.models import Placement, TracerAnswer, TracerSurvey
from placement.services import PlacementRefused
from placement.tasks.tracer import tracer_email_send as tracer_email_send_task

_SALT = "placement.tracer"
#: A token is 43 characters of URL-safe base64 (an HMAC-SHA256); anything else is refused before any query.
TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{43}\Z")


class TracerLinkInvalid(Exception):
    """The link is unknown or altered (404): nothing is said about any survey."""


class TracerLinkGone(Exception):
    """The link was valid but is expired or already used (410)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "expired" or "answered"


def tracer_token(*, person_id: int, batch_id: int, months: int) -> str:
    digest = salted_hmac(_SALT, f"{person_id}.{batch_id}.{months}", algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def surveys_create(*, today: datetime.date | None = None) -> int:
    """Create the surveys that fell due (a wave's date within the last link period) for the live trainees of each
    batch; existing ones are kept (idempotent, the database refuses a second survey per person, batch and wave).
    Returns how many were created."""
    today = today or timezone.localdate()
    link_days = kompeten.TRACER_LINK_DAYS
    expires_at = timezone.now() + datetime.timedelta(days=link_days)
    created = 0
    for months in kompeten.TRACER_MONTHS:
        # A wave is due on ends_on + months; only waves that fell due within the link period are opened, so that a
        # batch that ended long ago is not surveyed years late.
        earliest_due = today - datetime.timedelta(days=link_days - 1)
        batches = batches_ended(since=add_months(earliest_due, -months) - datetime.timedelta(days=3), until=today)
        due = [
            batch.pk
            for batch in batches.only("pk", "ends_on")
            if earliest_due <= add_months(batch.ends_on, months) <= today
        ]
        if not due:
            continue
        existing = set(
            TracerSurvey.objects.filter(batch_id__in=due, months=months).values_list("batch_id", "person_id")
        )
        new = [
            TracerSurvey(
                person_id=user_id,
                batch_id=batch_id,
                months=months,
                token_hash=token_hash(tracer_token(person_id=user_id, batch_id=batch_id, months=months)),
                expires_at=expires_at,
            )
            for batch_id, user_id, _status in batch_trainees(batch_ids=due)
            if (batch_id, user_id) not in existing
        ]
        created += len(TracerSurvey.objects.bulk_create(new, ignore_conflicts=True))
    return created


def _mark_and_enqueue(*, survey_ids, field: str, kind: str, now: datetime.datetime) -> int:
    done = 0
    for survey_id in survey_ids:
        with transaction.atomic():
            # A conditional update: of two beats running at once, only one sends.
            won = TracerSurvey.objects.filter(pk=survey_id, **{f"{field}__isnull": True}).update(**{field: now})
            if won:
                outbox_enqueue(task=tracer_email_send_task, kwargs={"survey_id": survey_id, "kind": kind})
                done += 1
    return done


def surveys_send(*, now: datetime.datetime | None = None) -> int:
    """Send the link of each survey not sent yet (and still valid). Returns how many were sent."""
    now = now or timezone.now()
    ids = TracerSurvey.objects.filter(sent_at__isnull=True, answered_at__isnull=True, expires_at__gt=now)
    return _mark_and_enqueue(survey_ids=list(ids.values_list("pk", flat=True)), field="sent_at", kind="survey", now=now)


def surveys_remind(*, now: datetime.datetime | None = None) -> int:
    """One reminder to those who have not answered ``TRACER_REMINDER_DAYS`` after the link went out."""
    now = now or timezone.now()
    ids = TracerSurvey.objects.filter(
        sent_at__lte=now - datetime.timedelta(days=kompeten.TRACER_REMINDER_DAYS),
        reminded_at__isnull=True,
        answered_at__isnull=True,
        expires_at__gt=now,
    )
    return _mark_and_enqueue(
        survey_ids=list(ids.values_list("pk", flat=True)), field="reminded_at", kind="reminder", now=now
    )


def tracer_run(*, now: datetime.datetime | None = None) -> dict:
    """What the daily beat task does: create the surveys due, send them, remind once. Idempotent."""
    now = now or timezone.now()
    return {
        "created": surveys_create(today=timezone.localdate(now)),
        "sent": surveys_send(now=now),
        "reminded": surveys_remind(now=now),
    }


def tracer_link(survey: TracerSurvey) -> str:
    token = tracer_token(person_id=survey.person_id, batch_id=survey.batch_id, months=survey.months)
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "http://localhost").rstrip("/")
    return base + reverse("placement:tracer_answer", args=[token])


def tracer_email_send(*, survey_id: int, kind: str) -> int:
    """E-mail one survey's link (``kind``: "survey" or "reminder"), in the person's language. Nothing for a survey
    answered or expired meanwhile."""
    survey = TracerSurvey.objects.select_related("person").filter(pk=survey_id).first()
    if survey is None or survey.answered_at is not None or survey.expires_at <= timezone.now():
        return 0
    person = survey.person
    if not getattr(person, "email", ""):
        return 0
    language = getattr(person, "preferred_language", "") or translation.get_language()
    with translation.override(language):
        values = {"months": survey.months, "link": tracer_link(survey), "date": formats.date_format(survey.expires_at)}
        if kind == "reminder":
            subject = _("Reminder: how are you doing since your training?")
        else:
            subject = _("How are you doing since your training?")
        body = (
            _(
                "%(months)s months ago your training at the centre ended. Tell us in two minutes whether you found "
                "work and how useful the training was; no login is needed:\n\n%(link)s\n\nThe link works once, until "
                "%(date)s. Your answer is only counted in the centre's figures, never shown with your name."
            )
            % values
        )
    return send_mail(subject, body, None, [person.email])


def survey_for_token(token: str) -> TracerSurvey:
    """The survey a link opens. ``TracerLinkInvalid`` for a token of the wrong shape or unknown (altered),
    ``TracerLinkGone`` for one answered or expired."""
    if not isinstance(token, str) or not TOKEN_SHAPE.match(token):
        raise TracerLinkInvalid
    survey = TracerSurvey.objects.select_related("batch").filter(token_hash=token_hash(token)).first()
    if survey is None:
        raise TracerLinkInvalid
    if survey.answered_at is not None:
        raise TracerLinkGone("answered")
    if survey.expires_at <= timezone.now():
        raise TracerLinkGone("expired")
    return survey


@transaction.atomic
def tracer_answer(
    *,
    token: str,
    working: bool,
    satisfaction: int,
    employer_name: str = "",
    sector: str = "",
    wage_band: str = "",
    related_to_training: bool | None = None,
) -> TracerAnswer:
    """Record the answer of the survey the token opens, once: of two answers sent at the same moment only one is
    kept (a conditional update, and one answer per survey in the database)."""
    survey = survey_for_token(token)
    if working and not employer_name.strip():
        raise PlacementRefused(_("Name your employer."), code="employer")
    if wage_band and wage_band not in Placement.WageBand.values:
        raise PlacementRefused(_("Choose a wage band from the list."), code="wage_band")
    answer = TracerAnswer(
        survey=survey,
        working=working,
        employer_name=employer_name.strip() if working else "",
        sector=sector.strip() if working else "",
        wage_band=wage_band if working else "",
        related_to_training=related_to_training if working else None,
        satisfaction=satisfaction,
    )
    answer.full_clean(exclude=["survey"])
    now = timezone.now()
    won = TracerSurvey.objects.filter(pk=survey.pk, answered_at__isnull=True, expires_at__gt=now).update(
        answered_at=now
    )
    if not won:
        raise TracerLinkGone("answered")
    try:
        with transaction.atomic():
            answer.save()
    except IntegrityError as duplicate:
        raise TracerLinkGone("answered") from duplicate
    return answer
