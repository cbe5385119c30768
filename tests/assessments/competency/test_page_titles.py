"""The assessor's pages keep personal data out of <title> (browser tabs, history, bookmarks) and put no markup in it."""

import html
import re

import pytest
from django.urls import reverse

from assessments.models import EvidenceRecord, SchemeUnit
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create, scheme_create
from tests.factories import UserFactory, user_model_has_full_name

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def _title(response) -> str:
    assert response.status_code == 200
    found = TITLE.findall(response.content.decode())
    assert len(found) == 1, found
    return html.unescape(found[0])


def _assert_plain_and_anonymous(title: str, *people) -> None:
    assert "<" not in title and ">" not in title, title
    for person in people:
        assert person.get_full_name() not in title, title
        assert person.get_username() not in title, title


def _person(first: str, last: str, *, username: str):
    if user_model_has_full_name():
        return UserFactory(full_name=f"{first} {last}", username=username)
    return UserFactory(first_name=first, last_name=last, username=username)


@pytest.fixture
def desk():
    event = event_create(scheme=scheme_create(units=1))
    assessor = assessor_create(event=event)
    candidates = [
        _person("Siti", "Rahmawati", username="siti"),
        _person("Budi", "Santoso", username="budi"),
    ]
    candidacies = [candidacy_create(event=event, candidate=c, assessor=assessor) for c in candidates]
    unit = SchemeUnit.objects.filter(scheme=event.scheme).select_related("unit").first().unit
    return assessor, candidates, candidacies, unit


def test_the_grading_queue_title_is_plain_text_without_candidates(client, desk):
    # given an assessor with two candidates being assessed
    assessor, candidates, _candidacies, _unit = desk
    client.force_login(assessor)

    # when the queue opens
    title = _title(client.get(reverse("assessments:assessor_queue")))

    # then its title is the page's name only
    _assert_plain_and_anonymous(title, *candidates)
    assert title.startswith("Jawaban untuk dinilai") or title.startswith("Answers to grade")


@pytest.mark.parametrize("page", ["assess", "unit", "evidence"])
def test_the_candidate_pages_of_the_assessor_name_nobody_in_the_title(client, desk, page):
    # given an assessor and a candidate
    assessor, candidates, candidacies, unit = desk
    candidacy = candidacies[0]
    urls = {
        "assess": reverse("assessments:candidacy_assess", args=[candidacy.pk]),
        "unit": reverse("assessments:unit_checklist", kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk}),
        "evidence": reverse(
            "assessments:evidence_method",
            kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk, "method": EvidenceRecord.Method.ORAL},
        ),
    }
    client.force_login(assessor)

    # when the assessor opens the page
    title = _title(client.get(urls[page]))

    # then the title carries no name
    _assert_plain_and_anonymous(title, *candidates)
