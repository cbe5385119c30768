"""Issuing: once per holder and achievement, frozen at issue, corrected by superseding, triggered by the two
facts the lower plugins announce."""

import pytest
from django.utils import timezone

from certificates.models import Certificate, Revocation
from certificates.services import rendering
from certificates.services.issuing import (
    CertificateRefused,
    certificate_correct,
    certificate_issue_for_candidacy,
    certificate_issue_for_enrolment,
    certificate_revoke,
)
from tests.certificates import factories

pytestmark = pytest.mark.django_db


def test_issuing_twice_for_one_achievement_gives_one_certificate():
    # Given a completed course
    enrolment = factories.completed_enrolment()
    # When the certificate is issued twice
    first = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    second = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    # Then there is one certificate, with a readable serial and a long random code
    assert first.pk == second.pk
    assert Certificate.objects.count() == 1
    assert first.serial == f"TEST-STC/{timezone.now().year}/000001"
    assert len(first.verification_code) >= 32  # 24 random bytes: 192 bits
    assert 0 <= first.status_index < 131072


def test_serials_count_up_per_issuer_and_year():
    template = factories.template_create()
    serials = [
        certificate_issue_for_enrolment(enrolment_id=factories.completed_enrolment(template=template).pk).serial
        for _ in range(3)
    ]
    year = timezone.now().year
    assert serials == [f"TEST-STC/{year}/00000{n}" for n in (1, 2, 3)]


def test_a_certificate_never_changes_when_the_user_or_template_does(
    tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given an issued, rendered certificate
    enrolment = factories.completed_enrolment(user=factories.trainee_create(full_name="Budi Santoso"))
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    certificate.refresh_from_db()
    before = (certificate.holder_name, certificate.design, certificate.achievement, certificate.pdf_sha256)
    # When the user is renamed, the template reworded and the course retitled
    user = certificate.holder
    user.full_name = "Budiman Santosa"
    user.save()
    template = certificate.template
    template.title_id = "SERTIFIKAT BARU"
    template.save()
    enrolment.course.title = "Judul lain"
    enrolment.course.save()
    # and the render task runs again
    assert rendering.certificate_render(certificate_id=certificate.pk) is False
    # Then nothing of the certificate changed
    certificate.refresh_from_db()
    assert (certificate.holder_name, certificate.design, certificate.achievement, certificate.pdf_sha256) == before


def test_a_correction_supersedes_the_old_certificate():
    # Given an issued certificate with a misspelt name
    enrolment = factories.completed_enrolment(user=factories.trainee_create(full_name="Budi Santosa"))
    old = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    staff = factories.trainee_create()
    # When staff correct it with the right name
    new = certificate_correct(certificate=old, by=staff, name="Budi Santoso")
    # Then a new certificate replaces it, and the old one says so
    old.refresh_from_db()
    assert old.status == Certificate.Status.SUPERSEDED
    assert new.supersedes_id == old.pk and old.superseded_by == new
    assert new.holder_name == "Budi Santoso" and new.serial != old.serial
    # and issuing again for the achievement returns the live one
    assert certificate_issue_for_enrolment(enrolment_id=enrolment.pk).pk == new.pk


def test_revocation_keeps_the_certificate_and_records_the_reason():
    certificate = certificate_issue_for_enrolment(enrolment_id=factories.completed_enrolment().pk)
    staff = factories.trainee_create()
    with pytest.raises(CertificateRefused):
        certificate_revoke(certificate=certificate, reason="  ", by=staff)
    assert not Revocation.objects.exists()
    certificate_revoke(certificate=certificate, reason="Data peserta tidak sah", by=staff)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.public_status == "revoked"
    assert certificate.revocation.reason == "Data peserta tidak sah"
    with pytest.raises(CertificateRefused):
        certificate_revoke(certificate=certificate, reason="Sekali lagi dicabut", by=staff)


def test_nothing_is_issued_for_an_unfinished_course_or_without_keys():
    from tests.courses import factories as course_factories

    enrolment = factories.completed_enrolment()
    unfinished = course_factories.enrolment(user=factories.trainee_create(), course_page=enrolment.course)
    with pytest.raises(CertificateRefused):
        certificate_issue_for_enrolment(enrolment_id=unfinished.pk)
    assert certificate_issue_for_enrolment(enrolment_id=unfinished.pk, automatic=True) is None
    issuer = factories.issuer_create(code="NO-KEYS")
    issuer.public_key_pem = ""
    issuer.save()
    template = factories.template_create(issuer=issuer)
    with pytest.raises(CertificateRefused):
        certificate_issue_for_enrolment(enrolment_id=factories.completed_enrolment(template=template).pk)
    assert Certificate.objects.count() == 0


def test_a_competency_certificate_is_valid_for_the_scheme_validity():
    candidacy = factories.competent_candidacy()
    certificate = certificate_issue_for_candidacy(candidacy_id=candidacy.pk)
    months = candidacy.event.scheme.validity_months
    assert certificate.kind == Certificate.Kind.COMPETENCY
    assert certificate.valid_until.year * 12 + certificate.valid_until.month == (
        certificate.issued_at.year * 12 + certificate.issued_at.month + months
    )
    assert [u["verdict"] for u in certificate.achievement["units"]] == ["K", "K"]
    assert certificate.serial.startswith("TEST-LSP/")


def test_completing_the_course_issues_the_certificate_by_itself(
    tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given a trainee one lesson away from completing a course that issues automatically
    from courses import services as course_services
    from tests.courses import factories as course_factories

    course = course_factories.course(modules=1, lessons=1)
    factories.completed_enrolment(course_page=course)  # makes the course's rule
    trainee = factories.trainee_create()
    enrolment, _ = course_services.enrolment_create(user=trainee, course=course)
    # When the trainee completes the last lesson
    with django_capture_on_commit_callbacks(execute=True):
        course_services.lesson_complete(enrolment=enrolment, lesson=course_factories.lessons_of(course)[0])
    # Then the training certificate exists and is rendered
    certificate = Certificate.objects.get(holder=trainee)
    assert certificate.rendered_at is not None
    assert certificate.achievement["title"] == course.title


def test_a_kompeten_sign_off_waits_for_the_click_unless_the_scheme_issues_automatically(
    tasks_run_in_process, django_capture_on_commit_callbacks
):
    from assessments.signals import candidate_competent

    # Given two signed-off Kompeten candidacies: one scheme waits for a click, one issues by itself
    waiting = factories.competent_candidacy(automatic=False)
    automatic = factories.competent_candidacy(automatic=True)
    # When the assessments plugin announces both (the receiver's task goes out through the outbox on commit)
    with django_capture_on_commit_callbacks(execute=True):
        for candidacy in (waiting, automatic):
            candidate_competent.send(sender=type(candidacy), candidacy_id=candidacy.pk)
    # Then only the automatic scheme has issued
    assert not Certificate.objects.filter(candidacy=waiting).exists()
    assert Certificate.objects.filter(candidacy=automatic).count() == 1


def test_the_render_task_is_idempotent(tasks_run_in_process, django_capture_on_commit_callbacks):
    from certificates.tasks.rendering import certificate_render

    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue_for_enrolment(enrolment_id=factories.completed_enrolment().pk)
    certificate.refresh_from_db()
    name, digest, at = certificate.pdf.name, certificate.pdf_sha256, certificate.rendered_at
    assert certificate_render.delay(certificate_id=certificate.pk).get() is False
    certificate.refresh_from_db()
    assert (certificate.pdf.name, certificate.pdf_sha256, certificate.rendered_at) == (name, digest, at)


def test_the_recipient_hash_is_frozen_at_issue():
    # Given a certificate issued to a holder with an e-mail address
    from certificates.openbadges import identity

    certificate = certificate_issue_for_enrolment(enrolment_id=factories.completed_enrolment().pk)
    before = identity(certificate)
    assert before["identityType"] == "emailAddress" and before["identityHash"].startswith("sha256$")
    # When the holder changes their e-mail address
    holder = certificate.holder
    holder.email = "alamat-baru@contoh.id"
    holder.save()
    certificate.refresh_from_db()
    # Then the credential names the recipient as it did at issue
    assert identity(certificate) == before
