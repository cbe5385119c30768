"""FR.IA.11: a reviewer with the permission (not necessarily an assessor) judges each instrument of the event's plan
against the principles of assessment; bad input is refused and changes nothing."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from assessments.competency.reviews import services
from assessments.models import Element, InstrumentReview, PlanRow
from tests.assessments.competency.factories import assessor_create, event_create, plan_create, scheme_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUERIES = 11


def _reviewer():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="assessments", codename="change_instrumentreview"),
    )
    return user


@pytest.fixture
def event():
    event = event_create()
    plan = plan_create(event=event, user=UserFactory(), methods=("observation", "oral"))
    PlanRow.objects.filter(plan=plan).update(instruments=["FR.IA.01", "FR.IA.07"])
    return event


def _url(event):
    return reverse("assessments_event_instrument_review", args=[event.pk])


def _post(codes, *, fair=True, note=""):
    data = {"instrument": codes}
    for code in codes:
        data.update({f"valid-{code}": "1", f"reliable-{code}": "1", f"flexible-{code}": "1", f"note-{code}": note})
        if fair:
            data[f"fair-{code}"] = "1"
    return data


def test_a_reviewer_records_each_instrument_of_the_plan(client, event):
    # given a reviewer who is no assessor of the event
    reviewer = _reviewer()
    client.force_login(reviewer)
    # when they judge the two instruments, one of them not fair, with a note
    data = _post(["FR.IA.01"])
    data.update(
        {k: v for k, v in _post(["FR.IA.07"], fair=False, note="Pertanyaan bias bahasa").items() if k != "instrument"}
    )
    data["instrument"] = ["FR.IA.01", "FR.IA.07"]
    response = client.post(_url(event), data)
    # then both are recorded with the reviewer, shown on the page, and audited
    assert response.status_code == 302
    reviews = {r.instrument: r for r in InstrumentReview.objects.all()}
    assert reviews["FR.IA.01"].principles_met and reviews["FR.IA.01"].reviewer == reviewer
    assert (reviews["FR.IA.07"].fair, reviews["FR.IA.07"].valid, reviews["FR.IA.07"].note) == (
        False,
        True,
        "Pertanyaan bias bahasa",
    )
    assert ModelLogEntry.objects.filter(action="assessments.instrument_review").count() == 1
    page = client.get(_url(event)).content.decode()
    assert "Pertanyaan bias bahasa" in page


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (_post(["FR.IA.09"]), "an instrument not in the plan"),
        (_post(["FR.IA.01"], fair=False), "a principle not met without a note"),
        ({}, "nothing"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(client, event, data, why):
    client.force_login(_reviewer())
    response = client.post(_url(event), data)
    assert response.status_code == 400, why
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not InstrumentReview.objects.exists()
    assert not ModelLogEntry.objects.filter(action="assessments.instrument_review").exists()


def test_an_event_without_a_plan_takes_no_review():
    with pytest.raises(services.ReviewRefused):
        services.instrument_reviews_save(
            event=event_create(),
            reviewer=UserFactory(),
            judgements={"FR.IA.01": services.InstrumentJudgement(True, True, True, True)},
        )
    assert not InstrumentReview.objects.exists()


def test_an_assessor_without_the_permission_is_refused(client, event):
    assessor = assessor_create(event=event)
    event.assessors.add(assessor)
    assessor.is_staff = True
    assessor.save()
    assessor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(assessor)
    response = client.post(_url(event), _post(["FR.IA.01"]))
    assert response.status_code in (302, 403)
    assert not InstrumentReview.objects.exists()


@pytest.mark.parametrize("rows", [1, 20])
def test_the_page_reads_a_constant_number_of_queries(client, django_assert_num_queries, rows):
    # given a plan of `rows` elements mapping every instrument, each reviewed
    event = event_create(scheme=scheme_create(units=1))
    plan = plan_create(event=event, user=UserFactory())
    element = Element.objects.filter(pk__in=PlanRow.objects.filter(plan=plan).values("element")).first()
    for n in range(2, rows + 1):
        extra = Element.objects.create(unit=element.unit, number=n, title=f"Elemen {n}")
        PlanRow.objects.create(plan=plan, element=extra, methods=["written"], instruments=[f"FR.IA.{n % 11 + 1:02d}"])
    codes = sorted({code for row in PlanRow.objects.filter(plan=plan) for code in row.instruments})
    services.instrument_reviews_save(
        event=event,
        reviewer=UserFactory(),
        judgements={code: services.InstrumentJudgement(True, True, True, True) for code in codes},
    )
    reviewer = _reviewer()
    client.force_login(reviewer)
    client.get(_url(event))  # Wagtail's admin caches some of its own reads on the first request
    # the session, the user and their permissions, Wagtail's admin chrome; the event, the plan's rows, the reviews
    with django_assert_num_queries(QUERIES):
        response = client.get(_url(event))
    assert response.content.decode().count('name="instrument"') == len(codes)
