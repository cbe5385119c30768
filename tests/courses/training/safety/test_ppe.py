"""The trainee's K3 pages: the overview of every workshop's induction, and a workshop's PPE checklist to
acknowledge (every item ticked; once per trainee and workshop, renewed when the checklist changes)."""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from courses.training.safety import services
from courses.training.safety.models import K3Induction, PpeAcknowledgement
from tests.courses.training.safety import factories
from tests.courses.training.sessions import factories as session_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _says(response, english: str, indonesian: str) -> bool:
    """The page says it in the reader's language (English on the bare plugin host, Indonesian on the host site)."""
    body = response.content.decode()
    return english in body or indonesian in body


def _ppe_url(induction):
    return reverse("courses:k3_ppe", args=[induction.workshop_id])


def test_a_trainee_acknowledges_every_item_of_the_checklist(client):
    # Given a workshop's checklist of three items
    induction = factories.induction()
    trainee = UserFactory()
    client.force_login(trainee)
    assert "Sepatu keselamatan" in client.get(_ppe_url(induction)).content.decode()
    # When the trainee ticks all three and acknowledges
    response = client.post(_ppe_url(induction), {"item": ["1", "2", "3"]})
    # Then the acknowledgement keeps the version and the items, with a time
    assert response.status_code == 302
    row = PpeAcknowledgement.objects.get(user=trainee, workshop=induction.workshop)
    assert row.version == 1 and row.items == induction.items and row.acknowledged_at


@pytest.mark.parametrize(
    "ticked", [["1", "2"], [], ["1", "2", "3", "4"], ["x", "1", "2", "3"], ["1" * 500], ["\x00"]], ids=repr
)
def test_a_partial_or_forged_acknowledgement_is_refused_and_records_nothing(client, ticked):
    # Given a checklist of three items
    induction = factories.induction()
    client.force_login(UserFactory())
    # When the posted ticks are not exactly the three items
    response = client.post(_ppe_url(induction), {"item": ticked})
    # Then the page says to tick every item, and nothing is recorded
    assert response.status_code == 400
    assert _says(response, "Tick every item", "Centang setiap butir")
    assert not PpeAcknowledgement.objects.exists()


def test_a_changed_checklist_is_acknowledged_again_in_the_same_row(client):
    # Given a trainee who acknowledged version 1
    induction = factories.induction()
    trainee = UserFactory()
    factories.acknowledged(user=trainee, induction=induction)
    # When staff add ear protection to the checklist
    induction.ppe_items += "\nPelindung telinga"
    services.induction_save(induction=induction, by=None)
    # Then the checklist is version 2 and the page asks again
    assert induction.ppe_version == 2
    client.force_login(trainee)
    assert _says(client.get(_ppe_url(induction)), "checklist has changed", "Daftar periksa telah berubah")
    # When they acknowledge the four items
    client.post(_ppe_url(induction), {"item": ["1", "2", "3", "4"]})
    # Then the same row holds version 2
    row = PpeAcknowledgement.objects.get(user=trainee)
    assert row.version == 2 and "Pelindung telinga" in row.items


def test_saving_an_unchanged_checklist_keeps_its_version():
    induction = factories.induction()
    services.induction_save(induction=induction, by=None)
    assert induction.ppe_version == 1


def test_a_workshop_without_an_induction_has_no_checklist_page(client):
    client.force_login(UserFactory())
    assert client.get(reverse("courses:k3_ppe", args=[session_factories.workshop().pk])).status_code == 404
    assert client.get(reverse("courses:k3_ppe", args=[987654])).status_code == 404


@pytest.mark.parametrize("name", ["k3_overview", "k3_ppe"])
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    induction = factories.induction()
    url = reverse(f"courses:{name}", args=[induction.workshop_id] if name == "k3_ppe" else [])
    for response in (client.get(url), client.post(url, {"item": ["1", "2", "3"]})):
        assert response.status_code in (302, 405)
        if response.status_code == 302:
            assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert not PpeAcknowledgement.objects.exists()


def test_the_overview_says_what_is_done_and_what_is_missing(client):
    # Given two workshops: one induction complete, one with nothing done
    done, missing = factories.induction(), factories.induction()
    trainee = UserFactory()
    factories.inducted(user=trainee, induction=done)
    client.force_login(trainee)
    # When the trainee opens the overview
    body = client.get(reverse("courses:k3_overview")).content.decode()
    # Then the missing parts link to the course and the checklist
    assert reverse("courses:continue", args=[missing.course_id]) in body
    assert _ppe_url(missing) in body
    assert _ppe_url(done) not in body


@pytest.mark.parametrize("rows", [1, 20])
def test_the_overview_reads_in_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    # Given 1 or 20 workshop inductions, each completed and acknowledged
    trainee = UserFactory()
    course = factories.induction().course
    for _n in range(rows - 1):
        factories.induction(course_page=course)
    for induction in K3Induction.objects.all():
        factories.acknowledged(user=trainee, induction=induction)
    factories.course_completed(user=trainee, induction=induction)
    client.force_login(trainee)
    client.get(reverse("courses:k3_overview"))  # warm the site's caches
    # When the overview is read / Then the same queries whatever the number of rows
    with django_assert_num_queries(QUERIES):
        response = client.get(reverse("courses:k3_overview"))
    assert response.content.decode().count("k3-row") == rows


QUERIES = 5  # the session and the user, then three reads (inductions, completions, acknowledgements)
