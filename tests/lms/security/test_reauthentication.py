"""The host's re-authentication before signing an assessment decision: the password, or the two-step code for
staff who turned it on (KOMPETEN_REAUTHENTICATOR = lms.security.reauthentication.PasswordOrCodeReauthenticator)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from assessments.competency.reauthentication import reauthenticator_for
from assessments.competency.services import candidacy as services
from assessments.models import Candidacy, SchemeUnit
from lms.security.reauthentication import PasswordOrCodeReauthenticator
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create, scheme_create
from tests.lms.factories import PASSWORD
from tests.lms.security.test_two_factor import code_for

pytestmark = pytest.mark.django_db


def test_the_site_plugs_in_its_reauthenticator():
    assert isinstance(reauthenticator_for(None), PasswordOrCodeReauthenticator)


def test_without_two_step_verification_the_password_is_asked():
    user = assessor_create(event=event_create())
    checker = PasswordOrCodeReauthenticator()
    assert checker.prompt(user)["type"] == "password"
    checker.verify(user, PASSWORD)
    with pytest.raises(ValidationError):
        checker.verify(user, "salah")


def test_with_two_step_verification_the_code_is_asked_and_the_password_is_not_enough(client):
    # Given an assessor with two-step verification on, and a candidacy ready to sign off (judged BK: no evidence)
    event = event_create(scheme=scheme_create(units=1))
    assessor = assessor_create(event=event)
    device = TOTPDevice.objects.create(user=assessor, name="Kompeten", confirmed=True)
    candidacy = candidacy_create(event=event, assessor=assessor)
    unit = SchemeUnit.objects.get(scheme=event.scheme).unit
    services.unit_verdict_record(
        candidacy=candidacy, assessor=assessor, unit=unit, verdict="BK", rationale="Kurang", gap_note="Mesin"
    )
    client.force_login(assessor)
    session = client.session
    session["kompeten_otp_required"] = False  # the code at login is another test's concern
    session.save()
    url = reverse("assessments:candidacy_sign_off", args=[candidacy.pk])
    # When they open the confirmation page, then it asks for the code
    html = client.get(url).content.decode()
    assert 'autocomplete="one-time-code"' in html
    # the password signs nothing
    client.post(url, {"secret": PASSWORD})
    assert Candidacy.objects.get(pk=candidacy.pk).status != Candidacy.Status.SIGNED
    # the current code signs (once the throttle of the wrong try has passed)
    device.refresh_from_db()
    device.throttle_reset()
    client.post(url, {"secret": code_for(device)})
    assert Candidacy.objects.get(pk=candidacy.pk).status == Candidacy.Status.SIGNED
