"""Issuer scope (issue #18, item 8), plugged into the assessments plugin through ``KOMPETEN_CANDIDACY_SCOPE_CHECKS``:
an LSP P1 — a first-party LSP of a training institution — certifies only people who trained at its own institution
(here: anyone ever enrolled in one of the centre's courses). P2, P3 and an LSP whose category is not set refuse no
one; a training centre issues training certificates only."""

from __future__ import annotations

from django.utils.translation import gettext as _

from certificates.models import Issuer, SchemeCertificate
from courses.selectors.outcomes import users_enrolled


def candidacy_scope_refusals(*, event, user_ids) -> dict[int, str]:
    """User id → why they may not be a candidate of ``event``: its scheme's issuer is an LSP P1 and they never
    trained here. Two queries at most."""
    user_ids = list(user_ids)
    rule = SchemeCertificate.objects.select_related("template__issuer").filter(scheme_id=event.scheme_id).first()
    if rule is None or not user_ids:
        return {}
    issuer = rule.template.issuer
    if issuer.kind != Issuer.Kind.LSP or issuer.lsp_category != Issuer.LspCategory.P1:
        return {}
    trained = users_enrolled(user_ids=user_ids)
    message = _(
        "%(issuer)s is an LSP P1: it certifies only people who trained at its own institution, and this person has "
        "no training here."
    ) % {"issuer": issuer.name}
    return {user_id: message for user_id in user_ids if user_id not in trained}
