"""Demo tracer study: for each demo batch that has ended, the surveys of the waves already due (3, 6, 12 months),
marked sent, two in three answered — working at their placement's employer when they have one.

Idempotent and independent: a survey that exists (per person, batch and wave) is left as it is; with no ended
batch it does nothing. No e-mail is sent.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from courses.selectors.outcomes import batch_infos, batch_trainees, batches_ended
from kompeten_core.conf import settings as kompeten
from placement.dates import add_months
from placement.models import Placement, TracerAnswer, TracerSurvey
from placement.services.tracer import token_hash, tracer_token

SECTORS = ["Garmen", "Logistik", "Otomotif", "Kimia", "Elektronik"]


@transaction.atomic
def load(stdout=None) -> int:
    today = timezone.localdate()
    infos = {info.id: info for info in batch_infos(batches=batches_ended(until=today - datetime.timedelta(days=1)))}
    if not infos:
        return 0
    placements: dict[int, Placement] = {}
    trainees = list(batch_trainees(batch_ids=list(infos)))
    for placement in (
        Placement.objects.filter(person_id__in={user_id for _b, user_id, _s in trainees})
        .select_related("employer")
        .order_by("starts_on", "pk")
    ):
        placements.setdefault(placement.person_id, placement)  # the first placement of each person
    created = 0
    for batch_id, user_id, _status in trainees:
        info = infos[batch_id]
        for months in kompeten.TRACER_MONTHS:
            due = add_months(info.ends_on, months)
            if due > today:
                continue
            sent_at = timezone.make_aware(datetime.datetime.combine(due, datetime.time(8)))
            survey, new = TracerSurvey.objects.get_or_create(
                person_id=user_id,
                batch_id=batch_id,
                months=months,
                defaults={
                    "token_hash": token_hash(tracer_token(person_id=user_id, batch_id=batch_id, months=months)),
                    "sent_at": sent_at,
                    "expires_at": sent_at + datetime.timedelta(days=kompeten.TRACER_LINK_DAYS),
                },
            )
            if not new:
                continue
            created += 1
            if (user_id + months) % 3 == 0:
                continue  # one in three does not answer
            placement = placements.get(user_id)
            working = placement is not None and placement.starts_on <= due
            TracerAnswer.objects.create(
                survey=survey,
                working=working,
                employer_name=(placement.employer.name if placement.employer_id else placement.employer_name)
                if working
                else "",
                sector=SECTORS[user_id % len(SECTORS)] if working else "",
                wage_band=placement.wage_band if working else "",
                related_to_training=(user_id % 4 != 0) if working else None,
                satisfaction=3 + (user_id % 3),
            )
            answered_at = sent_at + datetime.timedelta(days=2 + user_id % 5)
            TracerSurvey.objects.filter(pk=survey.pk).update(answered_at=answered_at)
    if stdout is not None:
        stdout.write(f"Tracer study: {created} surveys for {len(infos)} ended batches.")
    return created
