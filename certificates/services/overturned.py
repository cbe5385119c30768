"""What an appeal panel's overturned certification decision undoes in the certificates plugin
(``assessments.signals.decision_overturned``): the competency certificates issued from the decision are revoked and
the BNSP registration of the decision is withdrawn, so that a re-assessment that certifies again is registered with
BNSP anew (the old numbers stay printed on the revoked certificate and cannot be entered again)."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from certificates.models import Certificate
from certificates.services.issuing import certificate_revoke
from certificates.services.registration import registration_withdraw


@transaction.atomic
def certificates_revoke_overturned(*, candidacy_id: int, appeal_id: int, heard_by_id: int, overturned_at) -> int:
    """Each competency certificate of this candidacy issued before the hearing and still active is revoked, the
    appeal as its reason and whoever recorded the hearing as the one who revoked; the candidacy's BNSP registration
    is withdrawn. A certificate issued after a re-assessment is left alone; run twice, it changes nothing more.
    Returns how many certificates were revoked."""
    if isinstance(overturned_at, str):
        overturned_at = datetime.datetime.fromisoformat(overturned_at)
    heard_by = get_user_model()._default_manager.get(pk=heard_by_id)
    reason = _("The certification decision was overturned on appeal #%(appeal)s; the candidate is re-assessed.") % {
        "appeal": appeal_id
    }
    certificates = Certificate.objects.filter(
        candidacy_id=candidacy_id,
        kind=Certificate.Kind.COMPETENCY,
        status=Certificate.Status.ACTIVE,
        issued_at__lte=overturned_at,
    ).order_by("pk")
    revoked = 0
    for certificate in certificates:
        certificate_revoke(certificate=certificate, reason=reason, by=heard_by)
        revoked += 1
    registration_withdraw(candidacy_id=candidacy_id, by=heard_by, reason=reason, before=overturned_at)
    return revoked
