"""Coverage's part of a person's personal data (UU 27/2022), offered through the ``register_personal_data`` hook.

Export: ``bpjs_coverage`` (the coverage of each of the person's enrolments, the participant number masked). One
query. Deletion: the participant number is cleared; the programmes and the period stay with the enrolment (the
centre's record that the trainee was insured while training), under the account's placeholder name.
"""

from __future__ import annotations

from courses.training.coverage.models import Coverage


class PersonalData:
    def export(self, *, user) -> tuple[dict, list]:
        rows = (
            Coverage.objects.filter(enrolment__user=user).select_related("enrolment__batch").order_by("starts_on", "pk")
        )
        coverage = [
            {
                "batch": row.enrolment.batch.name if row.enrolment.batch else None,
                "programmes": row.programmes,
                "participant_number": row.participant_number_masked,
                "starts_on": row.starts_on.isoformat(),
                "ends_on": row.ends_on.isoformat(),
                "recorded_at": row.recorded_at.isoformat(),
            }
            for row in rows
        ]
        return {"bpjs_coverage": coverage}, []

    def anonymise(self, *, user, placeholder_name: str) -> dict:
        cleared = (
            Coverage.objects.filter(enrolment__user=user).exclude(participant_number="").update(participant_number="")
        )
        return {"bpjs_coverage_numbers_cleared": cleared}
