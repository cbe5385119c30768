"""Competency certificates are issued from the certification committee's decision (issue #18, item 5), never from
the assessor's sign-off; training certificates are unchanged."""

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.models import ModelLogEntry

from assessments.competency.appeals.services import appeal_file, appeal_hear
from assessments.competency.decision.services import certification_decision_record
from assessments.competency.services import candidacy as competency_services
from assessments.models import Candidacy, SchemeUnit
from certificates.models import BnspRegistration, Certificate, CertificateTemplate, SchemeCertificate
from certificates.selectors.registration import blanko_request_rows, registrations_requested
from certificates.services.issuing import CertificateRefused, certificate_issue_for_candidacy
from certificates.services.registration import RegistrationRefused, registration_record, registration_request
from tests.assessments.competency.factories import (
    assessor_create,
    committee_member_create,
    recommendation_signed_off,
)
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


# --- an appeal overturned after the certificate was issued ----------------------------------------------------------


def _issued_after_decision(django_capture_on_commit_callbacks):
    """A candidate certified by the committee, registered with BNSP and issued the competency certificate."""
    with django_capture_on_commit_callbacks(execute=True):
        candidacy, _assessor, _units = recommendation_signed_off()
    _rule(candidacy, automatic=True)
    staff = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        certification_decision_record(candidacy=candidacy, by=committee_member_create(), outcome="certify")
        registration = registration_request(candidacy_id=candidacy.pk, by=staff)
        registration_record(
            registration=registration,
            by=staff,
            registration_number="85499 2421 3 0000002 2026",
            blanko_number="N0000002",
        )
    return Candidacy.objects.get(pk=candidacy.pk), Certificate.objects.get(candidacy=candidacy, kind="competency")


def _heard(appeal, *, outcome, **changes):
    hearing = {
        "appeal": appeal,
        "by": _hearing_staff(),
        "heard_on": timezone.localdate(),
        "panel_ids": [committee_member_create().pk],
        "minutes": "Panel memeriksa ulang bukti unit kedua.",
        "outcome": outcome,
    }
    return appeal_hear(**{**hearing, **changes})


def _hearing_staff():
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(content_type__app_label="assessments", codename="change_appeal"))
    return type(user).objects.get(pk=user.pk)


def test_an_overturned_appeal_revokes_the_certificate_issued_from_the_decision(
    tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given a competency certificate issued from the committee's decision, and the candidate's appeal against it
    candidacy, certificate = _issued_after_decision(django_capture_on_commit_callbacks)
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Unit kedua dinilai tanpa bukti.")
    # When the panel overturns the decision and another assessor is to re-assess
    with django_capture_on_commit_callbacks(execute=True):
        _heard(appeal, outcome="overturned", reassessor_id=assessor_create(event=candidacy.event).pk)
    # Then the certificate no longer stands: revoked, with the appeal as its reason, by whoever recorded the hearing
    certificate.refresh_from_db()
    appeal.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revocation.revoked_by == appeal.recorded_by
    assert f"#{appeal.pk}" in certificate.revocation.reason
    assert ModelLogEntry.objects.filter(object_id=str(certificate.pk), action="certificates.revoke").exists()


def test_an_upheld_appeal_leaves_the_certificate_standing(tasks_run_in_process, django_capture_on_commit_callbacks):
    # Given an issued competency certificate and the candidate's appeal
    candidacy, certificate = _issued_after_decision(django_capture_on_commit_callbacks)
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Nilai unit kedua.")
    # When the panel upholds the decision
    with django_capture_on_commit_callbacks(execute=True):
        _heard(appeal, outcome="upheld")
    # Then the certificate stands
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ACTIVE


def test_an_overturned_decision_leaves_the_blanko_request(tasks_run_in_process, django_capture_on_commit_callbacks):
    # Given a certified candidate whose BNSP registration is requested, not yet registered
    with django_capture_on_commit_callbacks(execute=True):
        candidacy, _assessor, _units = recommendation_signed_off()
    _rule(candidacy, automatic=True)
    with django_capture_on_commit_callbacks(execute=True):
        certification_decision_record(candidacy=candidacy, by=committee_member_create(), outcome="certify")
    registration_request(candidacy_id=candidacy.pk, by=UserFactory())
    assert [r.candidacy_id for r in registrations_requested()] == [candidacy.pk]
    # When the candidate's appeal is overturned
    appeal = appeal_file(candidacy=Candidacy.objects.get(pk=candidacy.pk), by=candidacy.candidate, grounds="x")
    with django_capture_on_commit_callbacks(execute=True):
        _heard(appeal, outcome="overturned", reassessor_id=assessor_create(event=candidacy.event).pk)
    # Then the candidate is no longer in the blanko request: there is no decision to certify any more
    assert list(registrations_requested()) == []
    assert blanko_request_rows() == []


def test_after_an_overturned_appeal_the_re_assessed_candidate_is_registered_anew(
    tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given an issued competency certificate whose decision an appeal panel overturned
    candidacy, certificate = _issued_after_decision(django_capture_on_commit_callbacks)
    appeal = appeal_file(candidacy=candidacy, by=candidacy.candidate, grounds="Unit kedua dinilai tanpa bukti.")
    reassessor = assessor_create(event=candidacy.event)
    with django_capture_on_commit_callbacks(execute=True):
        _heard(appeal, outcome="overturned", reassessor_id=reassessor.pk)
    # Then the BNSP registration of the overturned decision is withdrawn (audited, its numbers kept on the revoked
    # certificate)
    assert not BnspRegistration.objects.filter(candidacy=candidacy).exists()
    assert ModelLogEntry.objects.filter(action="certificates.bnsp_registration_withdraw").count() == 1
    # When the other assessor re-assesses, signs off and the committee certifies again
    candidacy = Candidacy.objects.get(pk=candidacy.pk)
    for row in SchemeUnit.objects.filter(scheme=candidacy.event.scheme):
        competency_services.unit_verdict_record(
            candidacy=candidacy,
            assessor=reassessor,
            unit=row.unit,
            verdict="K",
            rationale="Diases ulang",
            justification="Dinilai dari portofolio dan tanya jawab lisan.",
        )
    competency_services.candidacy_sign_off(candidacy=candidacy, assessor=reassessor)
    with django_capture_on_commit_callbacks(execute=True):
        certification_decision_record(candidacy=candidacy, by=committee_member_create(), outcome="certify")
    staff = UserFactory()
    registration = registration_request(candidacy_id=candidacy.pk, by=staff)
    # Then the numbers printed on the revoked certificate cannot be entered again
    with pytest.raises(RegistrationRefused) as refused:
        registration_record(
            registration=registration,
            by=staff,
            registration_number="85499 2421 3 0000002 2026",
            blanko_number="N7000009",
        )
    assert refused.value.code == "registration_number"
    with pytest.raises(RegistrationRefused) as refused:
        registration_record(
            registration=registration,
            by=staff,
            registration_number="85499 2421 3 0000009 2026",
            blanko_number="N0000002",
        )
    assert refused.value.code == "blanko_number"
    # And BNSP's new numbers issue a new certificate beside the revoked one
    with django_capture_on_commit_callbacks(execute=True):
        registration_record(
            registration=registration,
            by=staff,
            registration_number="85499 2421 3 0000009 2026",
            blanko_number="N0000009",
        )
    statuses = dict(Certificate.objects.filter(candidacy=candidacy).values_list("pk", "status"))
    assert statuses.pop(certificate.pk) == Certificate.Status.REVOKED
    assert list(statuses.values()) == [Certificate.Status.ACTIVE]
