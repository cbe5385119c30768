import pytest
from django.contrib.auth.models import Group
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


@pytest.mark.parametrize("users", [1, 20])
def test_home_page_query_count_does_not_grow_with_users(client, home_page, django_assert_num_queries, users):
    from tests.lms.conftest import make_user

    for _ in range(users):
        make_user(roles.TRAINEE)
    # site + root page, specific page, site root paths, site settings for the user bar
    with django_assert_num_queries(4):
        assert client.get("/").status_code == 200


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
    # session, user, roles
    with django_assert_num_queries(3):
        assert client.get(reverse("lms:dashboard")).status_code == 200
