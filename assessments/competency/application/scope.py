"""Who may become a candidate of an event: the checks the plugins above plug in (``KOMPETEN_CANDIDACY_SCOPE_CHECKS``;
the certificates plugin's issuer scope). Called wherever a candidacy is created: from a batch, from an accepted
FR.APL.01, and by staff in the admin."""

from __future__ import annotations

from django.utils.module_loading import import_string

from kompeten_core.conf import settings as kompeten


def candidacy_scope_refusals(*, event, user_ids) -> dict[int, str]:
    """User id → why they may not be a candidate of ``event`` (the first check refusing them wins)."""
    refusals: dict[int, str] = {}
    user_ids = list(user_ids)
    for path in kompeten.CANDIDACY_SCOPE_CHECKS:
        for user_id, message in import_string(path)(event=event, user_ids=user_ids).items():
            refusals.setdefault(user_id, message)
    return refusals
