"""Text a person wrote, as it is stored: whole, or refused with the reason — never cut short without a word."""

from __future__ import annotations

from django.utils.translation import gettext as _

from assessments.competency.services.candidacy import AssessmentRefused


def text_within(value: str, *, limit: int, what: str) -> str:
    """``value`` trimmed, without NUL bytes (PostgreSQL refuses them in text). Longer than ``limit`` characters it
    is refused (``too_long``), naming ``what`` it is and the limit, so that the writer can shorten it: nothing of a
    reason, minutes or a complaint is silently dropped."""
    value = value.replace("\x00", "").strip()
    if len(value) > limit:
        raise AssessmentRefused(
            _("%(what)s has %(length)s characters; at most %(limit)s are allowed. Shorten it, then send it again.")
            % {"what": what, "length": len(value), "limit": limit},
            code="too_long",
        )
    return value
