"""Sessions' part of a person's personal data (UU 27/2022), offered through the ``register_personal_data`` hook.

Export: ``attendance`` (every attendance record of the person's enrolments) and ``calendar_feed`` (whether a
secret calendar address exists, and since when — never the address itself: it is a secret). Two queries.
Deletion: the calendar address is deleted; attendance records stay with the enrolment (a training record the
centre keeps), under the account's placeholder name.
"""

from __future__ import annotations

from django.utils import timezone

from courses.training.sessions.models import Attendance, CalendarFeed


def _iso(value) -> str | None:
    return value.isoformat() if value else None


class PersonalData:
    def export(self, *, user) -> tuple[dict, list]:
        rows = (
            Attendance.objects.filter(enrolment__user=user)
            .select_related("session__batch", "session__workshop")
            .order_by("session__starts_at", "pk")
        )
        attendance = [
            {
                "batch": row.session.batch.name,
                "session": row.session.topic or row.session.get_kind_display(),
                "kind": row.session.kind,
                "starts_at": _iso(timezone.localtime(row.session.starts_at)),
                "ends_at": _iso(timezone.localtime(row.session.ends_at)),
                "place": row.session.workshop.name,
                "jp": row.session.jp,
                "status": row.status,
                "method": row.method,
                "marked_at": _iso(row.marked_at),
            }
            for row in rows
        ]
        feed = CalendarFeed.objects.filter(user=user).first()
        calendar_feed = {"active": feed is not None, "created_at": _iso(feed.created_at) if feed else None}
        return {"attendance": attendance, "calendar_feed": calendar_feed}, []

    def anonymise(self, *, user, placeholder_name: str) -> dict:
        deleted, _rows = CalendarFeed.objects.filter(user=user).delete()
        return {"calendar_feeds_deleted": deleted}
