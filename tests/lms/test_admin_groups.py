"""Roles and permissions read in Indonesian in the admin's Groups and Users screens (issue #13.11).

The role groups keep their stable English names (the code finds the roles by them); what staff read is the
translated label: in the groups list, a person's roles, the users list's filter, the group editor's title and its
table of permissions.
"""

import re
from pathlib import Path

import pytest
import wagtail.users
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from lms import roles
from tests.lms.conftest import make_user

pytestmark = pytest.mark.django_db

OVERRIDE = Path(roles.__file__).parent / "templates/wagtailusers/groups/includes/formatted_permissions.html"
WAGTAILS = Path(wagtail.users.__file__).parent / "templates/wagtailusers/groups/includes/formatted_permissions.html"


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def indonesian_admin(client):
    user = make_user(roles.ADMINISTRATOR, preferred_language="id", full_name="Budi Santoso")
    user.is_superuser = True
    user.save()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("name", "indonesian", "english"),
    [
        (roles.TRAINEE, "Peserta", "Trainee"),
        (roles.CERTIFICATION_ADMIN, "Admin sertifikasi", "Certification admin"),
        (f"{roles.INSTRUCTOR}: Garmen", "Instruktur: Garmen", "Instructor: Garmen"),
        ("Tim mutu", "Tim mutu", "Tim mutu"),
    ],
)
def test_a_group_reads_in_the_readers_language_and_keeps_its_stored_name(name, indonesian, english):
    group, _created = Group.objects.get_or_create(name=name)
    with translation.override("id"):
        assert str(group) == indonesian
    with translation.override("en"):
        assert str(group) == english
    assert Group.objects.get(pk=group.pk).name == name


def test_the_groups_list_shows_the_roles_in_indonesian(indonesian_admin):
    response = indonesian_admin.get(reverse("wagtailusers_groups:index"))

    text = _text(response)
    for label in ("Peserta", "Instruktur", "Asesor", "Admin sertifikasi", "Pemberi kerja", "Administrator"):
        assert label in text
    assert not re.search(r"\b(Trainee|Instructor|Assessor|Certification admin|Employer)\b", text)


def test_a_persons_roles_and_the_users_filter_show_the_roles_in_indonesian(indonesian_admin):
    person = make_user(roles.ASSESSOR, full_name="Dewi Lestari")

    edit = indonesian_admin.get(reverse("wagtailusers_users:edit", args=[person.pk])).content.decode()
    listing = indonesian_admin.get(reverse("wagtailusers_users:index")).content.decode()

    for page in (edit, listing):
        assert "Asesor" in page
        assert "Certification admin" not in page
        assert "Admin sertifikasi" in page


def test_a_roles_name_cannot_be_changed_in_the_group_editor(indonesian_admin):
    trainees = Group.objects.get(name=roles.TRAINEE)
    url = reverse("wagtailusers_groups:edit", args=[trainees.pk])

    page = indonesian_admin.get(url).content.decode()
    indonesian_admin.post(url, {"name": "Siswa", "permissions": []})

    assert "tampil sebagai “Peserta”" in page
    trainees.refresh_from_db()
    assert trainees.name == roles.TRAINEE


def test_the_group_editor_labels_each_permission_in_indonesian(indonesian_admin):
    group = Group.objects.get(name=roles.CERTIFICATION_ADMIN)

    page = indonesian_admin.get(reverse("wagtailusers_groups:edit", args=[group.pk])).content.decode()

    assert "Dapat menambah soal" in page
    assert "Dapat memverifikasi dan mencabut verifikasi pemberi kerja" in page
    assert "Dapat membuka admin Wagtail" in page
    assert not re.search(r"\bCan (add|change|delete|view|verify|access)\b", page)


def test_our_copy_of_wagtails_permission_table_differs_only_in_its_labels():
    """Wagtail's table of object permissions is overridden to translate three labels: an upgrade that changes
    Wagtail's copy must be carried over to ours."""
    ours = OVERRIDE.read_text()
    ours = re.sub(r"\{% comment %\}.*?\{% endcomment %\}\n", "", ours, count=1, flags=re.DOTALL)
    ours = re.sub(
        r"\{% blocktranslate trimmed with object=content_perms_dict.object %\}Can (\w+) \{\{ object \}\}"
        r"\{% endblocktranslate %\}",
        r"{{ content_perms_dict.\1.perm.name }}",
        ours,
    )
    assert ours == WAGTAILS.read_text()


def test_the_groups_list_reads_as_many_queries_for_20_groups_as_for_1(indonesian_admin):
    Group.objects.exclude(name=roles.ADMINISTRATOR).delete()
    url = reverse("wagtailusers_groups:index")
    indonesian_admin.get(url)  # warm the caches (menus, site)
    with CaptureQueriesContext(connection) as one:
        indonesian_admin.get(url)
    for n in range(19):
        Group.objects.create(name=f"{roles.INSTRUCTOR}: Kejuruan {n}")

    with CaptureQueriesContext(connection) as twenty:
        response = indonesian_admin.get(url)

    assert "Instruktur: Kejuruan 18" in _text(response)
    assert len(twenty) == len(one)


@pytest.mark.parametrize(
    ("app_label", "codename", "indonesian"),
    [
        ("wagtailcore", "add_page", "Dapat menambah halaman"),
        ("assessments", "view_question", "Dapat melihat soal"),
        ("placement", "verify_employer", "Dapat memverifikasi dan mencabut verifikasi pemberi kerja"),
    ],
)
def test_a_permission_reads_in_indonesian(app_label, codename, indonesian):
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)

    with translation.override("id"):
        assert str(permission).endswith(f" | {indonesian}")
