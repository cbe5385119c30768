"""A person's interactive activities (sort or match, fill in the blanks, hotspots, branching scenarios, flashcards) in
their personal-data export (UU 27/2022), through the ``register_personal_data`` hook. One query, however many.
Deletion: nothing to change — the rows belong to the enrolment, which stays as a learning record under the
placeholder name."""

from __future__ import annotations

from courses.interactive.models import Interaction


def _iso(value) -> str | None:
    return value.isoformat() if value else None


class PersonalData:
    def export(self, *, user) -> tuple[dict, list]:
        interactions = (
            Interaction.objects.filter(enrolment__user=user).select_related("lesson").order_by("created_at", "pk")
        )
        return {
            "interactive_activities": [
                {
                    "lesson": interaction.lesson.title,
                    "activity": interaction.kind,
                    "block": interaction.block_id,
                    "attempts": interaction.attempts,
                    "score": interaction.score,
                    "best_score": interaction.best_score,
                    "state": interaction.state,
                    "started_at": _iso(interaction.created_at),
                    "updated_at": _iso(interaction.updated_at),
                    "completed_at": _iso(interaction.completed_at),
                }
                for interaction in interactions
            ]
        }, []

    def anonymise(self, *, user, placeholder_name: str) -> dict:
        return {}
