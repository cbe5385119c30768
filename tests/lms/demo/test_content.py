"""The demo: five tracks of real content, loaded once however often `make demo` runs, rendering in id and en."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from assessments.models import (
    AssessmentEvent,
    Candidacy,
    CertificationScheme,
    CompetencyStandard,
    CourseUnit,
    ExamPage,
    Question,
)
from courses.models import Batch, CoursePage, Enrolment, LessonCompletion, LessonPage, ModulePage, TrackPage
from courses.selectors import completion_requirements_met
from courses.training.safety.models import K3Induction
from lms.demo import training_cycle
from lms.demo.content import TRACK_MODULES, tracks, validate


@pytest.mark.parametrize("name", TRACK_MODULES)
def test_every_demo_track_is_well_formed(name):
    track, images = dict(zip(TRACK_MODULES, tracks(), strict=True))[name]
    assert validate(track, images) == []


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo is loaded once for this module, inside a transaction rolled back at its end."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


def _counts():
    return (
        TrackPage.objects.count(),
        CoursePage.objects.count(),
        LessonPage.objects.count(),
        Batch.objects.count(),
        Enrolment.objects.count(),
        LessonCompletion.objects.count(),
        ExamPage.objects.count(),
        Question.objects.count(),
        CompetencyStandard.objects.count(),
        CertificationScheme.objects.count(),
        CourseUnit.objects.count(),
        AssessmentEvent.objects.count(),
        Candidacy.objects.count(),
    )


def test_load_demo_twice_duplicates_nothing(loaded):
    before = _counts()
    call_command("load_demo")
    assert _counts() == before


def test_every_demo_course_has_an_exam_that_can_be_sat(loaded, client):
    from assessments.exams.services.attempts import attempt_start
    from courses.services import enrolment_create
    from lms.models import User

    trainee = User.objects.get(username="peserta2")
    for exam in ExamPage.objects.live():
        course = exam.get_parent().specific
        if not course.enrolments.filter(user=trainee).exists():  # through an open batch when the course has batches
            enrolment_create(user=trainee, course=course, batch=course.batches.filter(enrolment_open=True).first())
        attempt, _ = attempt_start(user=trainee, exam=exam)
        assert attempt.items.count() == 5
    # one per track, and the mechatronics selection test (lms/demo/training_cycle.py)
    assert ExamPage.objects.live().count() == 5 + 1


def test_the_five_tracks_each_hold_a_full_course(loaded):
    assert TrackPage.objects.live().count() == 5
    # a workshop's K3 induction course may be short (one module)
    inductions = set(K3Induction.objects.values_list("course_id", flat=True))
    for track in TrackPage.objects.live():
        # a selection test's course holds its exam only (lms/demo/training_cycle.py)
        courses = CoursePage.objects.live().child_of(track).exclude(slug=training_cycle.SELECTION_TEST)
        assert courses.exists(), track.title
        short = [
            course.pk
            for course in courses
            if course.pk in inductions and ModulePage.objects.child_of(course).count() < 2
        ]
        for course in courses.exclude(pk__in=short):
            modules = ModulePage.objects.live().child_of(course)
            assert modules.count() >= 2, course.title
            for module in modules:
                assert LessonPage.objects.live().child_of(module).count() >= 3, module.title


@pytest.mark.parametrize("slug_part", ["garmen", "mekatronika", "listrik"])
def test_workshop_tracks_carry_k3_safety_callouts(loaded, slug_part):
    track = TrackPage.objects.filter(slug__contains=slug_part).first()
    assert track is not None, slug_part
    callouts = [
        block
        for lesson in LessonPage.objects.descendant_of(track)
        for block in lesson.body
        if block.block_type == "callout" and block.value["kind"] == "k3"
    ]
    assert callouts


def test_the_demo_batch_has_trainees_at_different_progress(loaded):
    batch = Batch.objects.get(name="Angkatan 1 — Desember 2026")  # the running batch (not the graduates' past one)
    done = sorted(e.completions.count() for e in Enrolment.objects.filter(batch=batch))
    assert len(set(done)) >= 4


def test_the_demo_obeys_its_own_completion_rules(loaded):
    # Given the demo batch, whose course has an exam that is part of its completion requirements
    batch = Batch.objects.get(name="Angkatan 1 — Desember 2026")  # the running batch (not the graduates' past one)
    # Then peserta5, who has done every required lesson but taken no exam, is not complete (the optional SCORM
    # lesson is left for the demo visitor to play)
    peserta5 = Enrolment.objects.get(batch=batch, user__username="peserta5")
    required = LessonPage.objects.live().descendant_of(batch.course).filter(required=True)
    assert required.exists()
    assert not required.exclude(pk__in=peserta5.completions.values("lesson_id")).exists()
    assert peserta5.status == Enrolment.Status.ACTIVE and peserta5.completed_at is None
    # And every enrolment recorded complete meets the requirements, so no certificate goes to someone who has not
    for enrolment in Enrolment.objects.filter(completed_at__isnull=False):
        assert completion_requirements_met(enrolment=enrolment), enrolment


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_demo_page_renders_in_both_languages(client, loaded, language):
    from lms.models import User

    admin = User.objects.get(username="admin")
    client.force_login(admin)
    client.post(reverse("lms:set_language"), {"language": language, "next": "/"})
    pages = [
        *TrackPage.objects.live(),
        *CoursePage.objects.live(),
        *LessonPage.objects.live(),
        *ExamPage.objects.live(),
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f'<html lang="{language}">' in response.content.decode()
    for url in ["/", reverse("lms:dashboard"), reverse("courses:search") + "?q=mesin"]:
        assert client.get(url, follow=True).status_code == 200


def test_the_demo_assessor_has_the_demo_batch_to_assess(loaded):
    from lms.models import User

    assessor = User.objects.get(username="asesor")
    assert Candidacy.objects.filter(assessor=assessor).count() == 5
    # and may assess them at once: the documents are checked and the event has begun
    from django.utils import timezone

    candidacies = Candidacy.objects.filter(assessor=assessor).select_related("event")
    assert all(c.requirements_checked and c.event.starts_on <= timezone.localdate() for c in candidacies)
    # and nothing else stands before the evidence: the APL.02 recommendation and the consent signed by both
    from assessments.competency.application.selectors import assessment_gate_refusal

    assert all(assessment_gate_refusal(candidacy=c) is None for c in candidacies)


def test_the_demo_graduates_sit_in_past_batches_of_several_tracks(loaded, client):
    import datetime

    from django.utils.html import escape

    from lms.models import User
    from placement.selectors.figures import placement_figures

    # Given the demo, its ten graduates trained in past batches of their own tracks
    figures = placement_figures(ended_by=datetime.date.today())
    certified = {row.label: row.certified for row in figures.by_track if row.certified}
    # Then the centre's figures have a row per track, two graduates in each
    assert len(certified) == 5 and set(certified.values()) == {2}
    # And every self-paced course given a past batch stays open to new trainees, through an open batch
    for course in CoursePage.objects.live().filter(batches__isnull=False).distinct():
        assert course.batches.filter(enrolment_open=True).exists(), course.title
    # And the public outcomes page and the staff report list the tracks (the public cells of fewer than five
    # people hidden)
    page = client.get(reverse("placement:outcomes")).content.decode()
    assert sum(escape(row.label) in page for row in figures.by_track) == 5
    client.force_login(User.objects.get(username="admin"))
    report = client.get("/admin/reports/placement-figures/").content.decode()
    assert sum(escape(row.label) in report for row in figures.by_track) == 5
