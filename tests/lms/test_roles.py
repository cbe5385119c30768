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
