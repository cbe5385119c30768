"""Reads of the xAPI statements: the instructor's report."""

from __future__ import annotations

from django.db.models import QuerySet

from courses.models import Batch
from courses.xapi.models import Statement


def statements_for_report(*, user) -> QuerySet[Statement]:
    """Statements newest first, with their trainee and course: every course's for a superuser, else those of the
    courses whose batches the user teaches. One query (the courses are a subquery)."""
    statements = Statement.objects.select_related("actor", "course").order_by("-timestamp")
    if user.is_superuser:
        return statements
    return statements.filter(course_id__in=Batch.objects.filter(instructors=user).values("course_id"))
