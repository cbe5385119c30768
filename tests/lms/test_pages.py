import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from lms import roles

pytestmark = pytest.mark.django_db


def test_home_page_is_served_in_indonesian(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert home_page.hero_title in html
    assert "Daftar sebagai peserta" in html


HOME_FIRST = 6


@pytest.mark.parametrize("users", [1, 20])
def test_home_page_query_count_does_not_grow_with_users(client, home_page, django_assert_num_queries, users):
    from tests.lms.factories import make_user

    for _ in range(users):
        make_user(roles.TRAINEE)
    # site + root page, specific page, site root paths, site settings for the user bar, and (the page being public)
    # whether a view restriction covers it: its ancestors and the restrictions
    with django_assert_num_queries(HOME_FIRST):
        assert client.get("/").status_code == 200
    # the next anonymous visitor gets it from the public page cache (kompeten_core.page_cache)
    with django_assert_num_queries(0):
        assert Client().get("/").status_code == 200


def test_dashboard_needs_a_login(client):
    response = client.get(reverse("lms:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("lms:login"))


def test_trainee_dashboard_shows_empty_states(client, trainee):
    client.force_login(trainee)
    html = client.get(reverse("lms:dashboard")).content.decode()
    assert "Anda belum terdaftar di kursus mana pun." in html
    assert "Mengajar" not in html


def test_dashboard_shows_a_section_per_role(client, instructor):
    instructor.groups.add(Group.objects.get(name=roles.ASSESSOR))
    client.force_login(instructor)
    html = client.get(reverse("lms:dashboard")).content.decode()
    assert "Mengajar" in html
    assert "Asesmen" in html
    assert "Kursus saya" not in html


@pytest.mark.parametrize("groups", [1, 20])
def test_dashboard_query_count_does_not_grow_with_groups(client, trainee, django_assert_num_queries, groups):
    for n in range(groups - 1):
        trainee.groups.add(Group.objects.create(name=f"Kelompok {n}"))
    client.force_login(trainee)
    # session, user, roles, notices, placement notices, competency assessments (none), enrolments (none),
    # certificates (none), the job-seeker profile (none: the work panel invites to create one)
    with django_assert_num_queries(9):
        assert client.get(reverse("lms:dashboard")).status_code == 200


@pytest.mark.parametrize("courses", [1, 20])
def test_trainee_dashboard_query_count_does_not_grow_with_enrolments(
    client, trainee, django_assert_num_queries, courses
):
    from courses.models import LessonCompletion
    from tests.courses import factories

    for _ in range(courses):
        course = factories.course(modules=2, lessons=2)
        enrolment = factories.enrolment(user=trainee, course_page=course)
        LessonCompletion.objects.create(enrolment=enrolment, lesson=factories.lessons_of(course)[0])
    client.force_login(trainee)
    # session, user, roles, notices, placement notices, competency assessments, enrolments with progress, their
    # next lessons, the site and its root paths (page URLs), certificates, the job-seeker profile (none)
    with django_assert_num_queries(12):
        response = client.get(reverse("lms:dashboard"))
    enrolments = response.context["enrolments"]
    assert len(enrolments) == courses
    assert {(e.lesson_done, e.lesson_total, e.percent) for e in enrolments} == {(1, 4, 25)}
    assert all(e.next_lesson.title == "Pelajaran 1.2" for e in enrolments)


@pytest.mark.parametrize("candidates", [1, 20])
def test_assessor_dashboard_query_count_does_not_grow_with_candidates(
    client, assessor, django_assert_num_queries, candidates
):
    from tests.assessments.competency.factories import candidacy_create, event_create

    event = event_create()
    for _ in range(candidates):
        candidacy_create(event=event, assessor=assessor)
    client.force_login(assessor)
    # session, user, roles, notices, placement notices, assigned candidates, the permission check (2), grading counts
    with django_assert_num_queries(9):
        response = client.get(reverse("lms:dashboard"))
    assert len(response.context["assigned"]) == candidates


def test_each_assignment_notice_on_the_assessors_dashboard_names_the_candidate_and_the_event(client):
    # Given two candidates assigned to one assessor through the service (which leaves a notice each)
    from assessments.competency.services import candidacy as competency_services
    from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
    from tests.factories import UserFactory

    event = event_create()
    assessor = assessor_create(event=event)
    assessor.groups.add(Group.objects.get(name=roles.ASSESSOR))
    for name in ("Siti Aminah", "Budi Santoso"):
        candidacy = candidacy_create(event=event, candidate=UserFactory(full_name=name))
        competency_services.assessor_assign(candidacy=candidacy, assessor=assessor, actor=assessor)
    client.force_login(assessor)
    # When the assessor opens the dashboard
    html = client.get(reverse("lms:dashboard")).content.decode()
    # Then each notice says who and in which event
    notices = [part.split("</p>")[0] for part in html.split('<p class="notice" role="status">')[1:]]
    assert len(notices) == 2
    assert any("Siti Aminah" in notice and event.title in notice for notice in notices)
    assert any("Budi Santoso" in notice and event.title in notice for notice in notices)


def test_the_candidates_dashboard_tells_them_to_fill_in_the_self_assessment_before_it_closes(client):
    # Given a candidate whose assessor has just been assigned
    from assessments.competency.services import candidacy as competency_services
    from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create
    from tests.factories import UserFactory

    event = event_create()
    candidacy = candidacy_create(event=event)
    competency_services.assessor_assign(candidacy=candidacy, assessor=assessor_create(event=event), actor=UserFactory())
    client.force_login(candidacy.candidate)
    # When they open their dashboard, then the notice links to the self-assessment and says it will close
    html = client.get(reverse("lms:dashboard")).content.decode()
    notice = html.split('<p class="notice" role="status">')[1].split("</p>")[0]
    assert reverse("assessments:candidacy_detail", args=[candidacy.pk]) in notice
    assert event.title in notice and "asesmen mandiri" in notice.lower()


def test_the_certification_admin_sees_how_many_candidates_await_a_certificate(client):
    # Given a certification admin and one candidate judged Kompeten whose scheme waits for the click
    from lms import services
    from tests.certificates import factories

    admin = services.user_create(
        username="dewi", email="dewi@contoh.id", full_name="Dewi", password=None, role=roles.CERTIFICATION_ADMIN
    )
    factories.competent_candidacy(automatic=False)
    client.force_login(admin)
    # When the admin opens the dashboard, then the panel counts it and links to the pending list
    response = client.get(reverse("lms:dashboard"))
    assert response.context["pending_certificates"] == 1
    assert reverse("certificates_pending:index") in response.content.decode()
