"""A person's SCORM attempts and xAPI learning records in their personal-data export (UU 27/2022), through the
``register_personal_data`` hook. Two queries, however many. Deletion: nothing to change — the attempts and the
statements name the account by id only, and stay as learning records under the placeholder name."""

from __future__ import annotations

from courses.scorm.models import ScormAttempt
from courses.xapi.models import Statement


def _iso(value) -> str | None:
    return value.isoformat() if value else None


class PersonalData:
    def export(self, *, user) -> tuple[dict, list]:
        attempts = ScormAttempt.objects.filter(enrolment__user=user).select_related("package").order_by("pk")
        statements = Statement.objects.filter(actor=user).order_by("timestamp", "pk")
        return {
            "scorm_attempts": [
                {
                    "package": attempt.package.title,
                    "location": attempt.location,
                    "completion_status": attempt.completion_status,
                    "success_status": attempt.success_status,
                    "score_raw": str(attempt.score_raw) if attempt.score_raw is not None else None,
                    "seconds": attempt.total_seconds + attempt.session_seconds,
                    "data": attempt.cmi,
                    "updated_at": _iso(attempt.updated_at),
                    "completed_at": _iso(attempt.completed_at),
                }
                for attempt in attempts
            ],
            "learning_records": [statement.data for statement in statements],
        }, []

    def anonymise(self, *, user, placeholder_name: str) -> dict:
        return {}
