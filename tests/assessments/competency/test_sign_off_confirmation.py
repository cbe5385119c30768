"""Signing off and countersigning go through a confirmation step (issue #13): the page shows the verdict per unit
and what signing means, and asks for the password again; a tap alone, or a wrong password, signs nothing."""

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import ModelLogEntry

from assessments.competency.services import candidacy as services
from assessments.models import Candidacy, Element, PerformanceCriterion, SchemeUnit
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create, scheme_create
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _judged(*, units=2, countersign=False, lead=None):
    """A candidacy whose every unit is observed in full and judged K, ready to sign off."""
    event = event_create(scheme=scheme_create(units=units), countersign_required=countersign, lead_assessor=lead)
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor)
    for row in SchemeUnit.objects.filter(scheme=event.scheme).select_related("unit"):
        criteria = PerformanceCriterion.objects.filter(element__unit=row.unit)
        services.evidence_save(
            candidacy=candidacy,
            assessor=assessor,
            unit=row.unit,
            method="observation",
            data={"rows": [{"criterion_id": c.pk, "achieved": True} for c in criteria]},
            version=0,
        )
        services.unit_verdict_record(
            candidacy=candidacy, assessor=assessor, unit=row.unit, verdict="K", rationale=f"Rapi {row.unit.code}"
        )
    return candidacy, assessor


def _in_indonesian(client, user):
    """Log in and read the pages in Indonesian, whichever host runs the plugin."""
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"


def _sign_off_url(candidacy):
    return reverse("assessments:candidacy_sign_off", args=[candidacy.pk])


def test_the_confirmation_page_shows_each_units_verdict_and_what_signing_means(client):
    # Given a candidacy judged on every unit
    candidacy, assessor = _judged()
    _in_indonesian(client, assessor)
    # When the assessor taps "Tanda tangani keputusan" on their page, they reach the confirmation page
    page = client.get(reverse("assessments:candidacy_assess", args=[candidacy.pk])).content.decode()
    assert f'href="{_sign_off_url(candidacy)}"' in page
    response = client.get(_sign_off_url(candidacy))
    # Then it lists every unit with its verdict, explains the legal weight and read-only afterwards, asks again
    html = response.content.decode()
    assert response.status_code == 200
    for unit_verdict in candidacy.verdicts.select_related("unit"):
        assert unit_verdict.unit.code in html and unit_verdict.rationale in html
    assert "kekuatan hukum" in html and "hanya dapat dibaca" in html
    assert 'type="password"' in html and 'autocomplete="current-password"' in html
    assert Candidacy.objects.get(pk=candidacy.pk).status == Candidacy.Status.ASSESSING


@pytest.mark.parametrize("secret", [None, "", "salah-sandi"])
def test_a_tap_without_the_right_password_signs_nothing(client, secret):
    # Given a candidacy ready to sign off
    candidacy, assessor = _judged()
    _in_indonesian(client, assessor)
    # When the sign-off is posted without the password, or with a wrong one
    data = {} if secret is None else {"secret": secret}
    response = client.post(_sign_off_url(candidacy), data)
    # Then nothing is signed or audited, and the page says why in Indonesian
    assert Candidacy.objects.get(pk=candidacy.pk).status == Candidacy.Status.ASSESSING
    assert not ModelLogEntry.objects.filter(action="assessments.sign_off").exists()
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Kata sandi itu tidak benar: tidak ada yang ditandatangani."
    ]


def test_the_right_password_signs_off_once_and_audits_it(client):
    candidacy, assessor = _judged()
    _in_indonesian(client, assessor)
    response = client.post(_sign_off_url(candidacy), {"secret": PASSWORD})
    assert response.status_code == 302
    candidacy.refresh_from_db()
    assert (candidacy.status, candidacy.recommendation, candidacy.signed_by) == ("signed", "K", assessor)
    assert ModelLogEntry.objects.filter(action="assessments.sign_off").count() == 1
    # a second visit to the confirmation page does not offer to sign again
    again = client.get(_sign_off_url(candidacy), follow=True)
    assert 'name="secret"' not in again.content.decode()


def test_only_the_assigned_assessor_reaches_the_confirmation_page(client):
    candidacy, _assessor = _judged()
    client.force_login(assessor_create(event=candidacy.event))
    assert client.get(_sign_off_url(candidacy)).status_code == 404
    assert client.post(_sign_off_url(candidacy), {"secret": PASSWORD}).status_code == 404
    assert Candidacy.objects.get(pk=candidacy.pk).status == Candidacy.Status.ASSESSING


def test_the_countersign_asks_for_the_leads_password_too(client):
    # Given a decision signed off, waiting for the lead's countersignature
    lead = UserFactory()
    candidacy, assessor = _judged(countersign=True, lead=lead)
    services.candidacy_sign_off(candidacy=candidacy, assessor=assessor)
    url = reverse("assessments:candidacy_countersign", args=[candidacy.pk])
    _in_indonesian(client, lead)
    # When the lead opens the page, then it explains and asks for the password
    html = client.get(url).content.decode()
    assert "kekuatan hukum" in html and 'name="secret"' in html
    # the assessor who signed may not countersign, even with their password
    _in_indonesian(client, assessor)
    client.post(url, {"secret": PASSWORD})
    assert Candidacy.objects.get(pk=candidacy.pk).countersigned_at is None
    _in_indonesian(client, lead)
    # a tap alone countersigns nothing
    client.post(url)
    assert Candidacy.objects.get(pk=candidacy.pk).countersigned_at is None
    assert not ModelLogEntry.objects.filter(action="assessments.countersign").exists()
    # the password does, once, audited
    assert client.post(url, {"secret": PASSWORD}).status_code == 302
    assert Candidacy.objects.get(pk=candidacy.pk).countersigned_by == lead
    assert ModelLogEntry.objects.filter(action="assessments.countersign").count() == 1


@pytest.mark.parametrize("units", [1, 20])
def test_the_confirmation_page_query_count_does_not_grow_with_units(client, settings, django_assert_num_queries, units):
    settings.KOMPETEN_REAUTHENTICATOR = "assessments.competency.reauthentication.PasswordReauthenticator"
    candidacy, assessor = _judged(units=units)
    for element in Element.objects.all():
        PerformanceCriterion.objects.create(element=element, number="1.9", text="Tambahan")
    _in_indonesian(client, assessor)
    # session, user, candidacy, verdicts, scheme units with units, their elements
    with django_assert_num_queries(6):
        response = client.get(_sign_off_url(candidacy))
    assert len(response.context["units"]) == units
