"""The courses plugin's part of a person's personal-data export (UU 27/2022), offered to the host site through the
``register_personal_data`` hook (see ``wagtail_hooks.py`` and CONTRIBUTING.md, "Adding a plugin").

Export: ``enrolments`` with progress and lesson completions (two queries, however many). Deletion: nothing to change
here: enrolments and completions are records that stay, under the account's placeholder name.
"""

from __future__ import annotations

from django.db.models import F, Func, IntegerField, OuterRef, Prefetch, Subquery

from courses.models import Enrolment, LessonCompletion, LessonPage


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _enrolments(user) -> list[dict]:
    lessons_total = Subquery(
        LessonPage.objects.filter(live=True, path__startswith=OuterRef("course__path"))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n"),
        output_field=IntegerField(),
    )
    enrolments = (
        Enrolment.objects.filter(user=user)
        .select_related("course", "batch")
        .annotate(lessons_total=lessons_total)
        .prefetch_related(
            Prefetch(
                "completions",
                queryset=LessonCompletion.objects.select_related("lesson").order_by("completed_at", "pk"),
            )
        )
        .order_by("enrolled_at", "pk")
    )
    rows = []
    for enrolment in enrolments:
        completions = list(enrolment.completions.all())
        done = sum(1 for c in completions if c.lesson.live)
        total = enrolment.lessons_total or 0
        rows.append(
            {
                "id": enrolment.pk,
                "course": enrolment.course.title,
                "batch": enrolment.batch.name if enrolment.batch else None,
                "status": enrolment.status,
                "enrolled_at": _iso(enrolment.enrolled_at),
                "completed_at": _iso(enrolment.completed_at),
                "last_activity_at": _iso(enrolment.last_activity_at),
                "progress": {
                    "lessons_done": done,
                    "lessons": total,
                    "percent": round(100 * done / total) if total else 0,
                },
                "lesson_completions": [
                    {"lesson": c.lesson.title, "completed_at": _iso(c.completed_at)} for c in completions
                ],
            }
        )
    return rows


class PersonalData:
    """The ``register_personal_data`` provider of the courses plugin."""

    def export(self, *, user) -> tuple[dict, list]:
        return {"enrolments": _enrolments(user)}, []

    def anonymise(self, *, user, placeholder_name: str) -> dict:
        return {}
