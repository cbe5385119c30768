"""The certificates admin shows times in the project's time zone (WIB) and values as people read them."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse

from assessments.models import Candidacy
from certificates.models import Certificate, Issuer, IssueRun
from certificates.services.issuing import certificate_issue_for_enrolment
from tests.certificates import factories
from tests.certificates.support.admin import certification_staff
from tests.courses import factories as course_factories

pytestmark = pytest.mark.django_db

#: 07:34 UTC is 14:34 WIB (Asia/Jakarta, UTC+7).
ISSUED = datetime.datetime(2026, 11, 2, 7, 34, tzinfo=datetime.UTC)


@pytest.fixture
def staff_client(client):
    client.force_login(certification_staff())
    return client


def _issued_at_0734_utc() -> Certificate:
    certificate = certificate_issue_for_enrolment(enrolment_id=factories.completed_enrolment().pk)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=ISSUED, valid_until=None, rendered_at=None)
    return Certificate.objects.get(pk=certificate.pk)


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.mark.skipif(
    "lms" not in settings.INSTALLED_APPS, reason="reads the host's Indonesian default and full-name field"
)
def test_the_list_shows_the_issue_time_in_wib_and_the_pdf_state_in_words(staff_client):
    # Given a certificate issued at 07:34 UTC whose PDF is not rendered yet
    _issued_at_0734_utc()
    # When the certification admin opens the list
    text = _text(staff_client.get(reverse("certificates_certificate:index")))
    # Then the time is 14:34 WIB, and the PDF state says "Tidak", not "False"
    assert "2 November 2026, 14:34 WIB" in text
    assert "7.34" not in text and "07:34" not in text
    assert "Tidak" in text
    assert "False" not in text and "True" not in text


@pytest.mark.skipif(
    "lms" not in settings.INSTALLED_APPS, reason="reads the host's Indonesian default and full-name field"
)
def test_the_inspect_page_shows_local_times_dashes_and_links_never_raw_values(staff_client):
    # Given a certificate issued at 07:34 UTC, with no expiry, not rendered, superseding nothing
    certificate = _issued_at_0734_utc()
    # When the certification admin inspects it
    response = staff_client.get(reverse("certificates_certificate:inspect", args=[certificate.pk]))
    text = _text(response)
    # Then the time is local, empty values are a dash, and the issuer is a link to its page
    assert "2 November 2026, 14:34 WIB" in text
    assert "7.34" not in text
    assert "None" not in text and "True" not in text and "False" not in text
    assert "Berlaku sampai —" in text
    assert "Menggantikan —" in text
    issuer_url = reverse("certificates_issuer:edit", args=[certificate.issuer_id])
    assert f'href="{issuer_url}"' in response.content.decode()


@pytest.mark.skipif(
    "lms" not in settings.INSTALLED_APPS, reason="reads the host's Indonesian default and full-name field"
)
def test_a_rendered_certificate_shows_when_its_pdf_was_made_in_wib(staff_client):
    certificate = _issued_at_0734_utc()
    Certificate.objects.filter(pk=certificate.pk).update(rendered_at=ISSUED + datetime.timedelta(minutes=1))
    text = _text(staff_client.get(reverse("certificates_certificate:inspect", args=[certificate.pk])))
    assert "2 November 2026, 14:35 WIB" in text
    assert "Ya" in _text(staff_client.get(reverse("certificates_certificate:index")))


def test_the_bulk_runs_list_and_run_page_show_wib(staff_client):
    # Given a bulk run requested at 07:34 UTC
    batch = course_factories.batch(course_page=course_factories.course(modules=1, lessons=1))
    run = IssueRun.objects.create(action=IssueRun.Action.ISSUE, batch=batch, requested_by=certification_staff())
    IssueRun.objects.filter(pk=run.pk).update(created_at=ISSUED)
    # When its list and its page are opened, then both say 14:34 WIB
    assert "2 November 2026, 14:34 WIB" in _text(staff_client.get(reverse("certificates_run:index")))
    assert "2 November 2026, 14:34 WIB" in _text(staff_client.get(reverse("certificates_run:run", args=[run.pk])))


def test_the_pending_decisions_show_the_sign_off_in_wib(staff_client):
    # Given a candidate signed off Kompeten at 07:34 UTC
    candidacy = factories.competent_candidacy()
    Candidacy.objects.filter(pk=candidacy.pk).update(signed_at=ISSUED, countersigned_at=None)
    # When the pending decisions are listed, then the sign-off reads 14:34 WIB
    text = _text(staff_client.get(reverse("certificates_pending:index")))
    assert "2 November 2026, 14:34 WIB" in text


def test_the_issuer_inspect_page_shows_dashes_for_what_is_empty(staff_client):
    # Given an issuer with no website and no keys published yet
    issuer = factories.issuer_create()
    Issuer.objects.filter(pk=issuer.pk).update(website="", keys_updated_at=None)
    # When it is inspected, then nothing reads "None"
    text = _text(staff_client.get(reverse("certificates_issuer:inspect", args=[issuer.pk])))
    assert "None" not in text
    assert "—" in text
