"""Pending competency decisions: candidates signed off Kompeten who hold no certificate yet, issued in one click."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Candidacy, Verdict
from certificates.models import Certificate, IssueRun
from tests.assessments.competency.factories import event_create, scheme_create
from tests.certificates import factories
from tests.certificates.support.admin import certification_staff
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(certification_staff())
    return client


def _listed(response) -> list[int]:
    return [row["candidacy"].pk for row in response.context["rows"]]


def test_an_eligible_candidacy_is_listed_and_one_click_issues_exactly_one_certificate(staff_client):
    # Given a candidate signed off Kompeten in a scheme that issues competency certificates
    candidacy = factories.competent_candidacy()
    response = staff_client.get(reverse("certificates_pending:index"))
    assert _listed(response) == [candidacy.pk]
    # When the certification admin clicks "Issue" (twice, as a double click would)
    url = reverse("certificates_pending:issue", args=[candidacy.pk])
    assert staff_client.post(url).status_code == 302
    assert staff_client.post(url).status_code == 302
    # Then exactly one competency certificate exists, issued by that admin, and the row is gone
    certificate = Certificate.objects.get()
    assert certificate.candidacy_id == candidacy.pk
    assert certificate.kind == Certificate.Kind.COMPETENCY
    assert certificate.issued_by.has_perm("certificates.add_certificate")
    assert _listed(staff_client.get(reverse("certificates_pending:index"))) == []


def test_issuing_is_a_post_only(staff_client):
    candidacy = factories.competent_candidacy()
    assert staff_client.get(reverse("certificates_pending:issue", args=[candidacy.pk])).status_code == 405
    assert not Certificate.objects.exists()


def test_candidacies_not_yet_decided_or_without_a_rule_are_not_listed(staff_client):
    eligible = factories.competent_candidacy()
    # not countersigned although the event requires it
    strict = event_create(scheme=eligible.event.scheme, countersign_required=True)
    factories.competent_candidacy(event=strict)
    # judged BK
    bk = factories.competent_candidacy(event=eligible.event)
    Candidacy.objects.filter(pk=bk.pk).update(recommendation=Verdict.NOT_YET_COMPETENT)
    # a scheme without a competency certificate rule
    bare = event_create(scheme=scheme_create(units=1))
    Candidacy.objects.create(
        event=bare,
        candidate=UserFactory(),
        status=Candidacy.Status.SIGNED,
        recommendation=Verdict.COMPETENT,
        signed_at=timezone.now(),
    )
    # countersigned where required: eligible
    countersigned = factories.competent_candidacy(event=strict)
    Candidacy.objects.filter(pk=countersigned.pk).update(countersigned_at=timezone.now())
    response = staff_client.get(reverse("certificates_pending:index"))
    assert sorted(_listed(response)) == sorted([eligible.pk, countersigned.pk])
    response = staff_client.get(reverse("certificates_pending:index"), {"event": strict.pk})
    assert _listed(response) == [countersigned.pk]


def test_issue_all_for_an_event_starts_a_bulk_run(
    staff_client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    first = factories.competent_candidacy()
    factories.competent_candidacy(event=first.event)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("certificates_pending:issue_all", args=[first.event_id]))
    run = IssueRun.objects.get()
    assert response["Location"] == reverse("certificates_run:run", args=[run.pk])
    assert run.event_id == first.event_id
    assert Certificate.objects.filter(kind=Certificate.Kind.COMPETENCY).count() == 2
    assert _listed(staff_client.get(reverse("certificates_pending:index"))) == []


@pytest.mark.parametrize("rows", [1, 20])
def test_the_pending_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    first = factories.competent_candidacy()
    for _ in range(rows - 1):
        factories.competent_candidacy(event=first.event)
    client.force_login(certification_staff())
    url = reverse("certificates_pending:index")
    client.get(url)  # warm the per-process caches
    # session, user, its permissions (user, groups), Wagtail's user profile, locales, page and collection
    # permissions (the menu), the count, the rows with candidate, event, scheme, rule, template and issuer
    with django_assert_num_queries(QUERIES_PENDING_LIST):
        response = client.get(url)
    assert len(response.context["rows"]) == rows


QUERIES_PENDING_LIST = 10


def test_a_trainee_cannot_see_the_pending_list_or_issue(client):
    candidacy = factories.competent_candidacy()
    client.force_login(UserFactory())
    assert client.get(reverse("certificates_pending:index")).status_code in (302, 403)
    assert client.post(reverse("certificates_pending:issue", args=[candidacy.pk])).status_code in (302, 403)
    assert client.post(reverse("certificates_pending:issue_all", args=[candidacy.event_id])).status_code in (302, 403)
    assert not Certificate.objects.exists()
    assert not IssueRun.objects.exists()


def test_junk_never_causes_a_server_error(staff_client):
    assert staff_client.get(reverse("certificates_pending:index"), {"event": "x", "p": "zz"}).status_code == 200
    assert staff_client.post(reverse("certificates_pending:issue", args=[999999]), {"event": "x"}).status_code == 302
    assert staff_client.post(reverse("certificates_pending:issue_all", args=[999999])).status_code == 302
