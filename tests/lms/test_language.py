import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def test_indonesian_is_the_default_even_for_an_english_browser(client):
    response = client.get(reverse("lms:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "id"
    assert '<html lang="id">' in response.content.decode()
    assert "Masuk" in response.content.decode()


def test_switching_to_english_is_remembered_in_session_and_cookie(client):
    response = client.post(reverse("lms:set_language"), {"language": "en", "next": reverse("lms:login")})
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:login")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get(reverse("lms:login"))
    assert page["Content-Language"] == "en"
    assert "Log in" in page.content.decode()


def test_the_cookie_alone_brings_the_choice_back_in_a_new_session(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get(reverse("lms:login"))["Content-Language"] == "en"


def test_the_choice_is_stored_on_the_signed_in_user_and_the_wagtail_admin_follows(client, instructor):
    client.force_login(instructor)
    assert "Dasbor" in client.get("/admin/").content.decode()
    client.post(reverse("lms:set_language"), {"language": "en", "next": "/"})
    instructor.refresh_from_db()
    assert instructor.preferred_language == "en"
    assert UserProfile.get_for_user(instructor).preferred_language == "en"
    admin_page = client.get("/admin/").content.decode()
    assert "Dashboard" in admin_page


def test_the_users_own_language_wins_over_a_stale_cookie(client, trainee):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(trainee)
    assert client.get(reverse("lms:dashboard"))["Content-Language"] == "id"


def test_an_unknown_language_is_refused_with_a_message_and_changes_nothing(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("lms:set_language"), {"language": "xx", "next": "/"}, follow=True)
    assert "Bahasa ini tidak tersedia." in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.preferred_language == "id"
    assert (
        settings.LANGUAGE_COOKIE_NAME not in response.cookies
        or response.cookies[settings.LANGUAGE_COOKIE_NAME].value != "xx"
    )


def test_a_foreign_next_url_is_not_followed(client):
    response = client.post(reverse("lms:set_language"), {"language": "en", "next": "https://jahat.example/"})
    assert response["Location"] == "/"


def test_switching_language_needs_a_post(client):
    assert client.get(reverse("lms:set_language")).status_code == 405
