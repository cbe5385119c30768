"""A visitor on a phone: Indonesian home page, switch to English, sign up, log in, dashboard, log out, log in."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_menu

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_signs_up_logs_out_and_logs_back_in(page, screenshot):
    from lms.models import User

    # given a visitor whose browser asks for English
    page.goto("/")
    # then the home page still speaks Indonesian
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("link", name="Daftar sebagai peserta").first).to_be_visible()
    screenshot("1-home-id")

    # when they switch to English
    open_menu(page)
    page.get_by_role("button", name="EN").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Sign up as a trainee").first).to_be_visible()
    screenshot("2-home-en")

    # and sign up
    open_menu(page)
    page.get_by_role("link", name="Sign up", exact=True).click()
    page.get_by_label("Full name").fill("Wahyu Hidayat")
    page.get_by_label("E-mail address").fill("wahyu@contoh.id")
    page.get_by_label("Username").fill("wahyu")
    page.get_by_label("Password", exact=True).fill("robot-plc-2026")
    page.get_by_label("Password again").fill("robot-plc-2026")
    screenshot("3-signup")
    page.get_by_role("button", name="Create my account").click()

    # then they are asked to read their mail (the same page whether or not the address was known)
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    screenshot("4-signup-done")
    user = User.objects.get(username="wahyu")
    assert user.preferred_language == "en"
    assert list(user.groups.values_list("name", flat=True)) == ["Trainee"]

    # when they log in with their username
    page.get_by_role("main").get_by_role("link", name="Log in").click()
    page.get_by_label("E-mail or username").fill("wahyu")
    page.get_by_label("Password").fill("robot-plc-2026")
    page.get_by_role("button", name="Log in").click()

    # then they land on their dashboard, in English, as a trainee
    expect(page.get_by_role("heading", name="Hello, Wahyu Hidayat")).to_be_visible()
    expect(page.get_by_text("You are not enrolled in any course yet.")).to_be_visible()
    screenshot("5-dashboard")

    # when they log out and log in again with their e-mail address
    open_menu(page)
    page.get_by_role("button", name="Log out").click()
    open_menu(page)
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    page.get_by_role("link", name="Log in").click()
    page.get_by_label("E-mail or username").fill("wahyu@contoh.id")
    page.get_by_label("Password").fill("robot-plc-2026")
    page.get_by_role("button", name="Log in").click()

    # then the dashboard greets them again, still in English
    expect(page.get_by_role("heading", name="Hello, Wahyu Hidayat")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshot("6-dashboard-again")
