"""The safety net: what a lost task should have done is done by the periodic catch-up."""

import datetime

import pytest
from django.utils import timezone

from certificates.models import Certificate
from certificates.services.catch_up import certificates_catch_up
from certificates.services.issuing import certificate_issue_for_enrolment
from tests.certificates import factories

pytestmark = pytest.mark.django_db


def test_a_completion_whose_task_was_lost_gets_its_certificate(
    tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given a completed course that issues automatically, but the announcement never reached a worker
    enrolment = factories.completed_enrolment(automatic=True)
    manual = factories.completed_enrolment(automatic=False)
    assert not Certificate.objects.exists()
    # When the catch-up runs
    with django_capture_on_commit_callbacks(execute=True):
        done = certificates_catch_up()
    # Then the automatic course's certificate exists (rendered, since tasks run here), the manual one waits
    certificate = Certificate.objects.get()
    assert certificate.holder_id == enrolment.user_id
    assert certificate.rendered_at is not None
    assert done["training"] == 1
    assert not Certificate.objects.filter(holder=manual.user).exists()
    # and a second run changes nothing
    assert certificates_catch_up() == {"rendered": 0, "training": 0, "competency": 0}


def test_a_lost_render_is_enqueued_again(tasks_run_in_process):
    # Given a certificate issued ten minutes ago whose render task was lost
    certificate = certificate_issue_for_enrolment(enrolment_id=factories.completed_enrolment(automatic=False).pk)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=timezone.now() - datetime.timedelta(minutes=10))
    # When the catch-up runs, then it is rendered
    assert certificates_catch_up()["rendered"] == 1
    certificate.refresh_from_db()
    assert certificate.rendered_at is not None and len(certificate.pdf_sha256) == 64


def test_an_automatic_kompeten_without_certificate_is_issued(tasks_run_in_process):
    candidacy = factories.competent_candidacy(automatic=True)
    waiting = factories.competent_candidacy(automatic=False)
    assert certificates_catch_up()["competency"] == 1
    assert Certificate.objects.filter(candidacy=candidacy).count() == 1
    assert not Certificate.objects.filter(candidacy=waiting).exists()
