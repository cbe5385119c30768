"""K3's part of a person's personal data (UU 27/2022), offered through the ``register_personal_data`` hook.

Export: ``ppe_acknowledgements`` (the PPE checklists the person acknowledged) and ``k3_incidents`` (the incidents
they are named in, without the other people involved). Two queries.
Deletion: both stay — the centre keeps its safety records — under the account's placeholder name; nothing to do.
"""

from __future__ import annotations

from django.utils import timezone

from courses.training.safety.models import K3Incident, PpeAcknowledgement


class PersonalData:
    def export(self, *, user) -> tuple[dict, list]:
        acknowledgements = [
            {
                "workshop": row.workshop.name,
                "version": row.version,
                "items": row.items,
                "acknowledged_at": row.acknowledged_at.isoformat(),
            }
            for row in PpeAcknowledgement.objects.filter(user=user).select_related("workshop").order_by("pk")
        ]
        incidents = [
            {
                "workshop": row.workshop.name,
                "kind": row.kind,
                "occurred_at": timezone.localtime(row.occurred_at).isoformat(),
                "description": row.description,
                "actions_taken": row.actions_taken,
            }
            for row in K3Incident.objects.filter(trainees=user).select_related("workshop").order_by("occurred_at", "pk")
        ]
        return {"ppe_acknowledgements": acknowledgements, "k3_incidents": incidents}, []

    def anonymise(self, *, user, placeholder_name: str) -> dict:
        return {}
