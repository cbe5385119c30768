"""An administrator under the Content-Security-Policy: logs in to the Wagtail admin, edits the home page and
previews it in the side panel (an iframe of the same origin). The browser refuses nothing (the page fixture fails
on any CSP report on the console)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def administrator():
    # a superuser: after a flush the Administrator role has no page permissions until roles_sync sees the tree again
    from lms.models import User

    user = User(username="kepala", email="kepala@contoh.id", full_name="Kepala Pusat", preferred_language="en")
    user.is_superuser = user.is_staff = True
    user.set_password("kepala-aman-2026")
    user.save()
    return user


def test_the_admin_works_and_previews_a_page_under_the_policy(page, screenshot, administrator):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    page.set_viewport_size({"width": 1280, "height": 900})
    # given an administrator who logs in to the Wagtail admin
    page.goto("/admin/login/")
    page.locator("#id_username").fill("kepala")
    page.locator("#id_password").fill("kepala-aman-2026")
    page.locator("button[type=submit]").first.click()
    expect(page.locator("#wagtail-sidebar")).to_be_attached()
    screenshot("1-dashboard")
    # when they edit the home page and open the preview panel
    page.goto(f"/admin/pages/{home.pk}/edit/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(home.title)
    page.get_by_role("button", name="Toggle preview").click()
    iframe = page.frame_locator("#w-preview-iframe")
    # then the preview shows the page, framed by the admin of the same origin
    expect(iframe.locator("main")).to_be_visible(timeout=20_000)
    expect(iframe.locator("a.brand")).to_have_text("Kompeten")
    screenshot("2-preview")
