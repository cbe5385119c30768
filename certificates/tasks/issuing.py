"""Issuing after the two facts the lower plugins announce (``certificates.receivers``)."""

from celery import shared_task


@shared_task(
    name="certificates.tasks.certificate_issue_for_enrolment",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def certificate_issue_for_enrolment(*, enrolment_id: int) -> int | None:
    """A completed course: issue its training certificate when the course issues automatically."""
    from certificates.services.issuing import certificate_issue_for_enrolment as issue  # noqa: PLC0415 — STYLE

    certificate = issue(enrolment_id=enrolment_id, automatic=True)
    return certificate.pk if certificate else None


@shared_task(
    name="certificates.tasks.certificate_issue_for_candidacy",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def certificate_issue_for_candidacy(*, candidacy_id: int) -> int | None:
    """A signed-off Kompeten: issue the competency certificate when the scheme issues automatically."""
    from certificates.services.issuing import certificate_issue_for_candidacy as issue  # noqa: PLC0415 — STYLE

    certificate = issue(candidacy_id=candidacy_id, automatic=True)
    return certificate.pk if certificate else None


@shared_task(
    name="certificates.tasks.certificates_revoke_overturned",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def certificates_revoke_overturned(*, candidacy_id: int, appeal_id: int, heard_by_id: int, overturned_at: str) -> int:
    """An appeal panel overturned the decision: revoke the competency certificates issued from it."""
    from certificates.services.overturned import certificates_revoke_overturned as revoke  # noqa: PLC0415 — STYLE

    return revoke(candidacy_id=candidacy_id, appeal_id=appeal_id, heard_by_id=heard_by_id, overturned_at=overturned_at)
