"""FR.AK.06: after the assessment, a reviewer with the permission signs the review of the event's process (principles
of assessment and rules of evidence met, with comments; recommendations), with their password and the date."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from assessments.models import ProcessReview
from tests.assessments.competency.factories import event_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "kata-sandi-panjang-42"


def _reviewer(*, permitted=True):
    user = UserFactory(is_staff=True)
    user.set_password(PASSWORD)
    user.save()
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    if permitted:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="assessments", codename="change_processreview")
        )
    return user


@pytest.fixture
def event():
    """An event that ended yesterday."""
    today = timezone.localdate()
    return event_create(starts_on=today - datetime.timedelta(days=2), ends_on=today - datetime.timedelta(days=1))


def _url(event):
    return reverse("assessments_event_process_review", args=[event.pk])


def _post(**changes):
    data = {
        "principles_met": "True",
        "principles_comment": "",
        "evidence_rules_met": "False",
        "evidence_rules_comment": "Bukti portofolio dua asesi tidak terkini",
        "recommendations": "Periksa tanggal dokumen portofolio saat APL.01",
        "secret": PASSWORD,
    }
    data.update(changes)
    return data


def test_the_reviewer_signs_the_review_after_the_assessment(client, event):
    # given a reviewer with the permission, after the event's last day
    reviewer = _reviewer()
    client.force_login(reviewer)
    # when they sign the review with their password
    response = client.post(_url(event), _post())
    # then it is recorded, signed now, audited, and shown with the date
    assert response.status_code == 302
    review = ProcessReview.objects.get()
    assert (review.event, review.reviewer, review.principles_met, review.evidence_rules_met) == (
        event,
        reviewer,
        True,
        False,
    )
    assert timezone.now() - review.signed_at < datetime.timedelta(minutes=1)
    entry = ModelLogEntry.objects.get(action="assessments.process_review")
    assert entry.data["after"]["recommendations"] == "Periksa tanggal dokumen portofolio saat APL.01"
    page = client.get(_url(event)).content.decode()
    assert "Periksa tanggal dokumen portofolio" in page


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"secret": "salah"}, "a wrong password"),
        ({"evidence_rules_comment": ""}, "a rule not met without a comment"),
        ({"principles_met": "False"}, "a principle not met without a comment"),
        ({"recommendations": "  "}, "no recommendations"),
        ({"principles_met": "mungkin"}, "not yes or no"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(client, event, changes, why):
    client.force_login(_reviewer())
    response = client.post(_url(event), _post(**changes))
    assert response.status_code == 400, why
    assert response.context["form"].errors
    assert not ProcessReview.objects.exists()
    assert not ModelLogEntry.objects.filter(action="assessments.process_review").exists()


def test_the_process_is_not_reviewed_before_the_event_ends(client):
    event = event_create()  # today and tomorrow
    client.force_login(_reviewer())
    response = client.post(_url(event), _post())
    assert response.status_code == 400
    assert not ProcessReview.objects.exists()


def test_someone_without_the_permission_is_refused(client, event):
    client.force_login(_reviewer(permitted=False))
    response = client.post(_url(event), _post())
    assert response.status_code in (302, 403)
    assert not ProcessReview.objects.exists()


def test_signing_again_replaces_the_review_and_the_audit_keeps_the_first(client, event):
    client.force_login(_reviewer())
    client.post(_url(event), _post())
    client.post(_url(event), _post(evidence_rules_met="True", evidence_rules_comment=""))
    assert ProcessReview.objects.get().evidence_rules_met is True
    entries = list(ModelLogEntry.objects.filter(action="assessments.process_review").order_by("pk"))
    assert [entry.data["after"]["evidence_rules_met"] for entry in entries] == [False, True]
    assert entries[1].data["before"]["evidence_rules_met"] is False
