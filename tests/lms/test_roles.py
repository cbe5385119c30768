import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission

from lms import roles
from lms.roles import roles_sync

pytestmark = pytest.mark.django_db


def _codes(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_the_data_migration_creates_every_role_group():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)


def test_wagtail_starter_groups_that_grant_the_whole_tree_are_removed():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_trainee_holds_no_permission():
    assert _codes(roles.TRAINEE) == set()


def test_instructor_can_enter_the_admin_and_upload_media_but_not_manage_users(instructor):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    image_policy = policy_registry.get_by_type(get_image_model())
    document_policy = policy_registry.get_by_type(get_document_model())

    codes = _codes(roles.INSTRUCTOR)
    assert "wagtailadmin.access_admin" in codes
    assert image_policy.user_has_permission(instructor, "add")
    assert document_policy.user_has_permission(instructor, "add")
    assert "lms.change_user" not in codes
    assert "auth.change_group" not in codes


def test_instructors_keep_the_question_bank_and_assessors_read_attempts():
    assert {"assessments.add_question", "assessments.change_question"} <= _codes(roles.INSTRUCTOR)
    assert "assessments.view_attempt" in _codes(roles.ASSESSOR)
    assert "assessments.add_question" not in _codes(roles.ASSESSOR)
    assert "assessments.add_competencystandard" not in _codes(roles.INSTRUCTOR)


def test_assessor_and_certification_admin_can_enter_the_admin():
    assert "wagtailadmin.access_admin" in _codes(roles.ASSESSOR)
    assert "wagtailadmin.access_admin" in _codes(roles.CERTIFICATION_ADMIN)
    assert "lms.change_user" not in _codes(roles.ASSESSOR)


def test_administrator_holds_every_permission(administrator, home_page):
    assert Group.objects.get(name=roles.ADMINISTRATOR).permissions.count() == Permission.objects.count()
    assert home_page.permissions_for_user(administrator).can_publish_subpage()


def test_only_administrators_hold_the_whole_page_tree(instructor, assessor, home_page):
    assert not home_page.permissions_for_user(instructor).can_add_subpage()
    assert not home_page.permissions_for_user(assessor).can_edit()


def test_roles_sync_is_idempotent_and_restores_drifted_permissions():
    # given an instructor group that lost a permission and gained one it should not have
    group = Group.objects.get(name=roles.INSTRUCTOR)
    group.permissions.remove(Permission.objects.get(codename="access_admin"))
    group.permissions.add(Permission.objects.get(codename="delete_user"))
    # when the roles are synced twice
    roles_sync(django_apps)
    roles_sync(django_apps)
    # then the group holds exactly its declared permissions, once
    assert _codes(roles.INSTRUCTOR) == set(roles.ROLE_PERMISSIONS[roles.INSTRUCTOR])
    assert Group.objects.filter(name=roles.INSTRUCTOR).count() == 1


def test_trainee_is_kept_out_of_the_admin(client, trainee):
    client.force_login(trainee)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("fixture", ["instructor", "assessor", "certification_admin", "administrator"])
def test_staff_roles_reach_the_admin(client, request, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get("/admin/").status_code == 200


def test_instructor_cannot_open_user_management(client, instructor):
    client.force_login(instructor)
    response = client.get("/admin/users/")
    assert response.status_code in (302, 403)


def test_centre_staff_run_registration_selection_and_the_timetable():
    # given the roles synced from lms.roles
    codes = _codes(roles.CERTIFICATION_ADMIN)
    # then the centre's staff see and decide applications, plan and publish the selection, and keep the timetable
    assert {
        "courses.view_application",
        "courses.change_application",
        "courses.change_selectionplan",
        "courses.publish_selectionplan",
        "courses.add_trainingsession",
        "courses.change_trainingsession",
        "courses.add_workshop",
        "courses.change_workshop",
        "courses.view_attendance",
    } <= codes
    # and nobody deletes an application, a session or an attendance record through the role
    assert not {"courses.delete_application", "courses.delete_trainingsession", "courses.delete_attendance"} & codes


def test_instructors_read_the_timetable_and_score_interviews_but_neither_plan_nor_publish():
    codes = _codes(roles.INSTRUCTOR)
    assert {"courses.view_trainingsession", "courses.view_workshop", "courses.view_application"} <= codes
    assert "courses.change_application" in codes  # the interview score
    # changing sessions would open every session's roster to them (sessions.selectors.session_for_instructor)
    assert (
        not {
            "courses.change_trainingsession",
            "courses.change_selectionplan",
            "courses.publish_selectionplan",
        }
        & codes
    )


def test_centre_staff_reach_the_selection_and_the_timetable_and_a_trainee_does_not(
    client, trainee, certification_admin
):
    # given a member of the centre's staff (the Certification admin role) and a trainee
    # when each opens the Selection list in the admin
    client.force_login(certification_admin)
    sessions_answer = client.get("/admin/courses/sessions/")
    staff_answer = client.get("/admin/courses/selection/")
    client.force_login(trainee)
    trainee_answer = client.get("/admin/courses/selection/")
    # then staff see it and the trainee does not get in
    assert staff_answer.status_code == 200
    assert sessions_answer.status_code == 200
    assert trainee_answer.status_code in (302, 403)


def test_centre_staff_keep_the_bpjs_coverage_and_instructors_do_not_see_participant_numbers():
    # given the roles synced from lms.roles
    staff, instructor = _codes(roles.CERTIFICATION_ADMIN), _codes(roles.INSTRUCTOR)
    # then the centre's staff read, import and change coverage records, and never delete one through the role
    assert {"courses.view_coverage", "courses.add_coverage", "courses.change_coverage"} <= staff
    assert "courses.delete_coverage" not in staff
    # and instructors (warned of uncovered trainees on their roster without a permission) hold none
    assert not {code for code in instructor if code.endswith("_coverage")}


def test_centre_staff_open_a_batchs_coverage_and_its_import_and_an_instructor_does_not(
    client, instructor, certification_admin
):
    from tests.courses.training.sessions import factories

    # given a batch in training
    batch = factories.current_batch()
    answers = {}
    for who, user in (("staff", certification_admin), ("instructor", instructor)):
        client.force_login(user)
        # when each opens the batch's coverage list and the import page
        answers[who] = [
            client.get(f"/admin/courses/batches/{batch.pk}/coverage/").status_code,
            client.get(f"/admin/courses/batches/{batch.pk}/coverage/import/").status_code,
        ]
    # then the staff get in and the instructor is refused
    assert answers["staff"] == [200, 200]
    assert all(code in (302, 403) for code in answers["instructor"])
