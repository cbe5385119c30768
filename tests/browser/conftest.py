"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Never ``playwright install``: the browser is the system's /usr/bin/chromium. Without it the tests are
skipped — unless KOMPETEN_REQUIRE_BROWSER=1 (CI sets it), where a missing browser is a failure.
Screenshots go to artifacts/screenshots/ (git-ignored).
"""

import os
import time
from pathlib import Path

import pytest
from django.db import OperationalError

CHROMIUM = os.environ.get("KOMPETEN_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API runs an event loop in this thread; the Django ORM calls made by the test itself
# (fixtures, assertions) are synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser():
    # Package scope: Playwright's sync API keeps an event loop running in this thread while it lives, and code
    # in later test packages that runs asyncio itself (pyHanko's signing, Django's async cache API) must not
    # find one.
    if not Path(CHROMIUM).exists():
        if os.environ.get("KOMPETEN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium is required but {CHROMIUM} does not exist (apt-get install chromium).")
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-US", viewport={"width": 390, "height": 844})
    # Chromium enforces the Content-Security-Policy: a script, style or handler it refuses is reported on the
    # console (and would break the exam autosave or the language switch). Any such report fails the test.
    violations: list[str] = []
    context.on("console", lambda message: _csp_violation(message, violations))
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert violations == [], "the Content-Security-Policy refused something:\n" + "\n".join(violations)


def _csp_violation(message, violations: list[str]) -> None:
    if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
        violations.append(f"{message.page.url if message.page else '?'}: {message.text}")


@pytest.fixture
def screenshot(page, request):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(autouse=True)
def _site_after_flush(request):
    """Browser tests are transactional: the database is flushed between them, and with it what the data
    migrations made. Groups come back with post_migrate (lms.roles); the home page and site are made here."""
    if "live_server" not in request.fixturenames and "page" not in request.fixturenames:
        return
    request.getfixturevalue("transactional_db")
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    from lms.models import HomePage

    if Site.objects.exists():
        return
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = root.add_child(instance=HomePage(title="Beranda", slug="beranda", hero_title="Kompeten", locale=locale))
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Kompeten")


def open_menu(page) -> None:
    """On a phone the header folds its navigation and language switch behind the Menu button: open it."""
    closed = page.locator("details.site-menu:not([open]) > summary")
    if closed.count():
        closed.click()


def close_menu(page) -> None:
    """Fold the phone menu again (open, it lies over the page's own form: the log-in button cannot be tapped)."""
    opened = page.locator("details.site-menu[open] > summary")
    if opened.count() and opened.is_visible():  # on a wide screen the menu is always shown and has no button
        opened.click()


#: The phone the trainees use: the narrowest screen every page must fit.
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


#: The contexts ``new_page`` opened during the running test: closed when it ends (``_pages_closed``).
_OPEN_CONTEXTS: list = []


@pytest.fixture(autouse=True)
def _pages_closed():
    """A page a test leaves open keeps its timers running and sends its beacons into the next test: every context
    ``new_page`` opened is closed when the test ends, before the live server stops taking requests."""
    yield
    while _OPEN_CONTEXTS:
        _OPEN_CONTEXTS.pop().close()


def session_cookie(user) -> dict:
    """The session cookie of a user signed in by the test client (staff need no second step: the test settings
    require it of no role)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}


def new_page(browser, live_server, csp: list[str], *, user=None, viewport=PHONE, locale="id-ID"):
    """A page in a context of its own — signed in as the user if one is given — whose Content-Security-Policy
    reports go to ``csp`` (the test asserts it stays empty)."""
    context = browser.new_context(base_url=live_server.url, viewport=viewport, locale=locale)
    _OPEN_CONTEXTS.append(context)
    context.on("console", lambda message: _csp_violation(message, csp))
    if user is not None:
        context.add_cookies([{**session_cookie(user), "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


WIDEST = """() => {
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > window.innerWidth + 0.5) {
      const parent = el.parentElement.getBoundingClientRect();
      if (parent.right <= window.innerWidth + 0.5) out.push(`${el.tagName.toLowerCase()}.${el.className}`);
    }
  }
  return out.slice(0, 4);
}"""


def problems_here(page, axe, shot: str = "") -> list[str]:
    """What is wrong with the page as it stands: wider than the screen (naming the widest elements) or an axe-core
    violation. With a name, a screenshot of a page with problems goes to artifacts/screenshots/."""
    found = []
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width[0] > width[1]:
        found.append(f"{page.url}: {width[0]} px wide on a {width[1]} px screen, by {page.evaluate(WIDEST)}")
    for violation in axe.run(page).response["violations"]:
        targets = [node["target"] for node in violation["nodes"]][:3]
        found.append(f"{page.url}: axe {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    if found and shot:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{shot}.png"), full_page=True)
    return found


def problems_at(page, url: str, axe, shot: str = "") -> list[str]:
    """Open the URL and say what is wrong with it (an error status, too wide, an axe-core violation)."""
    response = page.goto(url)
    if response is None or response.status >= 400:
        return [f"{url}: HTTP {response.status if response else '?'}"]
    return problems_here(page, axe, shot)


def written(read, what: str, tries: int = 50):
    """What ``read()`` returns once it is not None, read from the test thread while the live server may still be
    writing it (SQLite's shared-cache test database refuses a read of a table being written: "locked")."""
    for _attempt in range(tries):
        try:
            found = read()
            if found is not None:
                return found
        except OperationalError as error:
            if "locked" not in str(error):
                raise
        time.sleep(0.1)
    raise AssertionError(f"{what} was not written")
