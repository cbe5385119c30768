"""Reads of the pipeline's on-site notices."""

from placement.models import PlacementNotice


def notices_for(user, *, limit: int = 10) -> list[PlacementNotice]:
    """The user's unread notices, newest first, with what their text needs (one query; none for a visitor)."""
    if not user.is_authenticated:
        return []
    notices = PlacementNotice.objects.filter(user=user, read_at__isnull=True).select_related(
        "application__vacancy__employer", "application__seeker"
    )
    return list(notices[:limit])
