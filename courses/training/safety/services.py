"""Writes of K3: a workshop's induction (its checklist's version rises when the checklist changes), a trainee's PPE
acknowledgement, and the incident log. Each audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.training.safety.models import K3Incident, K3Induction, PpeAcknowledgement
from kompeten_core.audit import audit_log


@transaction.atomic
def induction_save(*, induction: K3Induction, by) -> K3Induction:
    """Create or change a workshop's K3 induction. A changed checklist gets a new version: every trainee
    acknowledges it again before practice."""
    induction.full_clean()
    if induction.pk:
        before = K3Induction.objects.select_for_update().filter(pk=induction.pk).values_list("ppe_items", "ppe_version")
        old_items, old_version = before.first() or ("", 0)
        old = [line.strip() for line in old_items.splitlines() if line.strip()]
        induction.ppe_version = old_version + 1 if old != induction.items else old_version
    induction.updated_at = timezone.now()
    induction.save()
    audit_log(
        induction,
        "courses.k3_induction_save",
        user=by,
        data={
            "workshop_id": induction.workshop_id,
            "course_id": induction.course_id,
            "valid_days": induction.valid_days,
            "ppe_version": induction.ppe_version,
        },
    )
    return induction


@transaction.atomic
def ppe_acknowledge(*, user, induction: K3Induction, ticked: list[str]) -> PpeAcknowledgement:
    """The trainee acknowledges the workshop's PPE checklist: every item must be ticked (by its number). One
    acknowledgement per trainee and workshop; a new version of the checklist renews the same row."""
    items = induction.items
    wanted = {str(number) for number in range(1, len(items) + 1)}
    if set(ticked) != wanted:
        raise ValidationError(
            _("Tick every item of the checklist: you confirm that you will wear all of it in this workshop."),
            code="incomplete",
        )
    mine = PpeAcknowledgement.objects.select_for_update().filter(user=user, workshop_id=induction.workshop_id)
    row = mine.first()
    if row is None:
        row = PpeAcknowledgement(user=user, workshop_id=induction.workshop_id)
    row.version, row.items, row.acknowledged_at = induction.ppe_version, items, timezone.now()
    row.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:  # the same trainee acknowledging twice at once (a double tap): renew that row
        row = mine.get()
        row.version, row.items, row.acknowledged_at = induction.ppe_version, items, timezone.now()
        row.save(update_fields=["version", "items", "acknowledged_at"])
    audit_log(
        row,
        "courses.ppe_acknowledge",
        user=user,
        data={"workshop_id": induction.workshop_id, "version": row.version},
        title=f"#{row.pk}",
    )
    return row


@transaction.atomic
def incident_save(*, incident: K3Incident, trainees, by) -> K3Incident:
    """Record or correct an entry of a workshop's K3 incident log (``trainees``: the trainees involved)."""
    creating = incident.pk is None
    if creating:
        incident.recorded_by = by
    incident.full_clean()
    incident.save()
    incident.trainees.set(trainees)
    audit_log(
        incident,
        "courses.k3_incident_record" if creating else "courses.k3_incident_change",
        user=by,
        data={"workshop_id": incident.workshop_id, "kind": incident.kind, "trainees": sorted(t.pk for t in trainees)},
        title=f"#{incident.pk}",
    )
    return incident
