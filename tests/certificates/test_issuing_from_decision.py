"""Competency certificates are issued from the certification committee's decision (issue #18, item 5), never from
the assessor's sign-off; training certificates are unchanged."""

import pytest

from assessments.competency.decision.services import certification_decision_record
from certificates.models import Certificate, CertificateTemplate, SchemeCertificate
from certificates.services.issuing import CertificateRefused, certificate_issue_for_candidacy
from certificates.services.registration import registration_record, registration_request
from tests.assessments.competency.factories import committee_member_create, recommendation_signed_off
from tests.certificates import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _rule(candidacy, *, automatic: bool) -> None:
    SchemeCertificate.objects.create(
        scheme=candidacy.event.scheme,
        template=factories.template_create(kind=CertificateTemplate.Kind.COMPETENCY),
        automatic=automatic,
    )


def test_the_sign_off_and_the_decision_issue_nothing_and_the_bnsp_registration_issues_the_certificate(
    tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given a signed-off Kompeten recommendation of a scheme that issues automatically
    with django_capture_on_commit_callbacks(execute=True):
        candidacy, _assessor, _units = recommendation_signed_off()
    _rule(candidacy, automatic=True)
    # Then nothing is issued, and staff cannot issue it by hand either
    assert not Certificate.objects.filter(candidacy=candidacy).exists()
    with pytest.raises(CertificateRefused):
        certificate_issue_for_candidacy(candidacy_id=candidacy.pk)
    # When the committee certifies
    with django_capture_on_commit_callbacks(execute=True):
        certification_decision_record(candidacy=candidacy, by=committee_member_create(), outcome="certify")
    # Then nothing is issued before BNSP registers the candidate (issue #18, item 7)
    assert not Certificate.objects.filter(candidacy=candidacy).exists()
    # When the registration is requested and BNSP's numbers are entered
    staff = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_request(candidacy_id=candidacy.pk, by=staff)
        registration_record(
            registration=registration,
            by=staff,
            registration_number="85499 2421 3 0000001 2026",
            blanko_number="N0000001",
        )
    # Then the competency certificate is issued, with the registration number
    certificate = Certificate.objects.get(candidacy=candidacy, kind="competency")
    assert certificate.achievement["bnsp_registration_number"] == "85499 2421 3 0000001 2026"


def test_a_decision_not_yet_issues_nothing(tasks_run_in_process, django_capture_on_commit_callbacks):
    candidacy, _assessor, units = recommendation_signed_off(verdicts=("K", "BK"))
    _rule(candidacy, automatic=True)
    with django_capture_on_commit_callbacks(execute=True):
        certification_decision_record(
            candidacy=candidacy, by=committee_member_create(), outcome="not_yet", unit_ids=[units[1].pk], reason="x"
        )
    assert not Certificate.objects.filter(candidacy=candidacy).exists()
    with pytest.raises(CertificateRefused):
        certificate_issue_for_candidacy(candidacy_id=candidacy.pk)
