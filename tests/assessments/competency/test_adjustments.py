"""FR.AK.07: the candidacy's assessor (or certification staff) records the candidate's reasonable adjustments and
their extra time and attempts on the scheme's exams; nobody else, and bad input changes nothing."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from assessments.competency.adjustments import services
from assessments.models import CourseUnit, DecisionHistory, ExamOverride, ReasonableAdjustment, SchemeUnit
from tests.assessments.competency.factories import (
    assessor_create,
    candidacy_create,
    event_create,
    recommendation_signed_off,
)
from tests.assessments.exams.factories import exam_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """An event whose scheme's first unit is covered by a course with an exam; two candidates of one assessor."""
    event = event_create()
    assessor = assessor_create(event=event)
    exam = exam_create(time_limit_minutes=30)
    unit = SchemeUnit.objects.filter(scheme=event.scheme).order_by("sort_order").first().unit
    CourseUnit.objects.create(course=exam.get_parent().specific, unit=unit)
    candidacy = candidacy_create(event=event, assessor=assessor)
    other = candidacy_create(event=event, assessor=assessor)
    return {"event": event, "assessor": assessor, "exam": exam, "candidacy": candidacy, "other": other}


def _url(candidacy):
    return reverse("assessments:candidacy_adjustments", args=[candidacy.pk])


def _exams_post(exam, minutes, attempts, reason="Disleksia: membaca lambat"):
    return {"action": "exams", f"minutes-{exam.pk}": minutes, f"attempts-{exam.pk}": attempts, "reason": reason}


def test_the_assessor_records_an_adjustment_and_extra_time_for_their_candidate_only(client, world):
    # given the candidacy's assessor
    client.force_login(world["assessor"])
    # when they record an adjustment and 30 extra minutes with 1 extra attempt on the scheme's exam
    response = client.post(
        _url(world["candidacy"]),
        {"action": "add", "need": "literacy", "area": "time", "adjustment": "Soal dibacakan", "note": "Disleksia"},
    )
    assert response.status_code == 302
    assert client.post(_url(world["candidacy"]), _exams_post(world["exam"], 30, 1)).status_code == 302
    # then the adjustment and the override are the candidate's, audited and in the history; the other has none
    row = ReasonableAdjustment.objects.get()
    assert (row.candidacy, row.need, row.area, row.recorded_by) == (
        world["candidacy"],
        "literacy",
        "time",
        world["assessor"],
    )
    override = ExamOverride.objects.get()
    assert (override.user, override.exam_id, override.extra_minutes, override.extra_attempts) == (
        world["candidacy"].candidate,
        world["exam"].pk,
        30,
        1,
    )
    assert override.granted_by == world["assessor"]
    assert ModelLogEntry.objects.filter(action="assessments.reasonable_adjustment").count() == 1
    assert ModelLogEntry.objects.filter(action="assessments.exam_override").count() == 1
    actions = set(DecisionHistory.objects.filter(candidacy=world["candidacy"]).values_list("action", flat=True))
    assert {"adjustment_added", "exam_overrides"} <= actions
    page = client.get(_url(world["candidacy"]))
    assert "Soal dibacakan" in page.content.decode()


def test_staff_who_change_candidacies_may_record_adjustments(client, world):
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(
        Permission.objects.get(content_type__app_label="assessments", codename="change_candidacy")
    )
    client.force_login(staff)
    assert client.post(_url(world["candidacy"]), _exams_post(world["exam"], 15, 0)).status_code == 302
    assert ExamOverride.objects.get().extra_minutes == 15


@pytest.mark.parametrize(
    "post",
    [
        {"action": "exams", "minutes": 241, "attempts": 0},
        {"action": "exams", "minutes": 0, "attempts": 6},
        {"action": "exams", "minutes": -5, "attempts": 0},
        {"action": "exams", "minutes": "banyak", "attempts": 0},
        {"action": "exams", "minutes": 30, "attempts": 0, "reason": ""},
        {"action": "add", "need": "telepathy", "area": "time", "adjustment": "x"},
        {"action": "add", "need": "language", "area": "time", "adjustment": "   "},
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(client, world, post):
    client.force_login(world["assessor"])
    if post["action"] == "exams":
        data = _exams_post(world["exam"], post["minutes"], post["attempts"], post.get("reason", "Alasan"))
    else:
        data = post
    response = client.post(_url(world["candidacy"]), data)
    assert response.status_code == 400
    assert 'class="error-message"' in response.content.decode()
    assert not ExamOverride.objects.exists()
    assert not ReasonableAdjustment.objects.exists()
    assert not ModelLogEntry.objects.filter(
        action__in=["assessments.exam_override", "assessments.reasonable_adjustment"]
    ).exists()


def test_an_exam_outside_the_scheme_is_refused_by_the_service(world):
    stranger_exam = exam_create(slug="lain")
    with pytest.raises(services.AdjustmentRefused):
        services.exam_overrides_set(
            candidacy=world["candidacy"], user=world["assessor"], overrides={stranger_exam.pk: (30, 0)}, reason="x"
        )
    assert not ExamOverride.objects.exists()


def test_another_events_assessor_and_the_candidate_get_a_404_and_change_nothing(client, world):
    # given another event's assessor, another assessor of this event, and the candidate themselves
    elsewhere = assessor_create(event=event_create(scheme=world["event"].scheme))
    colleague = assessor_create(event=world["event"])
    candidacy_create(event=world["event"], assessor=colleague)
    for user in (elsewhere, colleague, world["candidacy"].candidate):
        client.force_login(user)
        # when they open or post the page of a candidacy not assigned to them
        assert client.get(_url(world["candidacy"])).status_code == 404
        assert client.post(_url(world["candidacy"]), _exams_post(world["exam"], 60, 2)).status_code == 404
    # then nothing changed
    assert not ExamOverride.objects.exists()
    with pytest.raises(services.AdjustmentRefused):
        services.adjustment_add(
            candidacy=world["candidacy"], user=elsewhere, need="language", area="time", adjustment="x"
        )


def test_removing_another_candidacys_adjustment_is_refused(client, world):
    # given an adjustment of the other candidate
    theirs = services.adjustment_add(
        candidacy=world["other"], user=world["assessor"], need="language", area="method", adjustment="Lisan"
    )
    client.force_login(world["assessor"])
    # when the assessor posts its id on this candidate's page
    client.post(_url(world["candidacy"]), {"action": "remove", "adjustment": theirs.pk})
    # then it is still there
    assert ReasonableAdjustment.objects.filter(pk=theirs.pk).exists()


def test_a_posted_id_of_superscript_digits_is_refused_without_a_server_error(client, world):
    # given an adjustment of this candidate
    mine = services.adjustment_add(
        candidacy=world["candidacy"], user=world["assessor"], need="language", area="method", adjustment="Lisan"
    )
    client.force_login(world["assessor"])
    # when a tampered form posts "²" (a digit to str.isdigit, not to int) as the adjustment to remove
    response = client.post(_url(world["candidacy"]), {"action": "remove", "adjustment": "²"})
    # then the page answers with a refusal, and nothing is removed
    assert response.status_code == 302
    assert ReasonableAdjustment.objects.filter(pk=mine.pk).exists()


def test_a_signed_off_candidacy_takes_no_adjustment():
    candidacy, assessor, _units = recommendation_signed_off()
    with pytest.raises(services.AdjustmentRefused):
        services.adjustment_add(candidacy=candidacy, user=assessor, need="language", area="time", adjustment="x")
    assert not ReasonableAdjustment.objects.exists()


@pytest.mark.parametrize("rows", [1, 20])
def test_the_page_reads_a_constant_number_of_queries(client, world, django_assert_num_queries, rows):
    for n in range(rows):
        services.adjustment_add(
            candidacy=world["candidacy"], user=world["assessor"], need="language", area="time", adjustment=f"#{n}"
        )
    client.force_login(world["assessor"])
    # session, user, candidacy, the scheme's courses, exams, overrides, adjustments
    with django_assert_num_queries(7):
        response = client.get(_url(world["candidacy"]))
    assert response.content.decode().count('value="remove"') == rows
