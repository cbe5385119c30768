"""PostgreSQL restarts in the middle of an exam: the trainee keeps answering, the page says it is retrying, and
once the database is back every answer is in it with its last value.

The test makes its own PostgreSQL cluster (initdb, a free port), gives it the project's schema, seeds a trainee
with an exam attempt, serves the site from gunicorn against it (eager Celery, local-memory cache) and drives
Debian's Chromium. The autosave script (assessments/static/assessments/attempt.js) keeps each unsaved answer in
localStorage and retries with back-off on a 5xx or no answer; ``CONN_HEALTH_CHECKS`` makes the site's persistent
database connections reconnect after the restart.
"""

import json
import os
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.faults import exam_site, processes

CHROMIUM = os.environ.get("KOMPETEN_CHROMIUM", "/usr/bin/chromium")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop here

RETRYING = "Retrying"

# The test uses pytest's test database only as the source of the schema (pg_dump), never through the ORM.
pytestmark = [pytest.mark.faults, processes.skip_unless_postgres_leg, pytest.mark.django_db]


@pytest.fixture
def exam_site_on_own_postgres(db, postgres_cluster, scratch):
    """The site on gunicorn against this test's own cluster, seeded with a trainee whose exam attempt is open."""
    postgres_cluster.create_database_like("kompeten", connection.settings_dict)
    site = processes.Site(database_url=postgres_cluster.url("kompeten"), log=scratch / "gunicorn.log")
    site.start()  # boots while the database is seeded
    try:
        seeded = json.loads(site.manage("-m", "tests.faults.exam_site").strip().splitlines()[-1])
        site.wait_ready()
        yield site, seeded
    finally:
        site.stop()


@pytest.fixture
def browser_page(exam_site_on_own_postgres):
    from tests.browser.conftest import CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"the fault tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    site, _seeded = exam_site_on_own_postgres
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=site.url, locale="en-US", viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()


def _shot(page, name: str) -> None:
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"faults-postgres-restart-{name}.png"), full_page=True)


def _answers_in_database(database_url: str, attempt_id: int) -> dict[int, dict]:
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            "SELECT item.position, response.answer FROM assessments_response response"
            " JOIN assessments_attemptitem item ON item.id = response.item_id"
            " WHERE item.attempt_id = %s ORDER BY item.position",
            [attempt_id],
        ).fetchall()
    return {position: answer for position, answer in rows if answer}


def test_a_postgres_restart_mid_exam_loses_no_answer(exam_site_on_own_postgres, browser_page, postgres_cluster):
    from playwright.sync_api import expect

    site, seeded = exam_site_on_own_postgres
    page = browser_page
    status = page.locator("#save-status")
    server_errors = []
    page.on("response", lambda r: server_errors.append(r.status) if r.status >= 500 else None)

    # Given a trainee signed in, in the middle of an exam, two answers saved
    page.goto("/akun/masuk/")
    # The header folds its language switch behind the Menu button on a phone.
    page.locator("details.site-menu:not([open]) > summary").click()
    english = page.locator('form.language button[value="en"]:not([disabled])')
    if english.count():
        english.click()
    page.get_by_label("E-mail or username").fill(exam_site.USERNAME)
    page.get_by_label("Password").fill(exam_site.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(seeded["attempt_url"])
    page.locator("#q1").get_by_label("True").check()
    page.locator("#q2").get_by_label("Your answer").fill("ohm")
    expect(status).to_have_text("All answers saved", timeout=10_000)

    # When PostgreSQL stops, and the trainee goes on answering and changing answers
    postgres_cluster.stop("fast")
    page.locator("#q2").get_by_label("Your answer").fill("volt")
    page.locator("#q3").get_by_label("Your answer").fill("12,5")
    # Then the page says that the answers are kept and being retried
    expect(status).to_contain_text(RETRYING, timeout=10_000)
    expect(status).to_have_class("save-status offline retrying")
    _shot(page, "1-retrying")
    page.locator("#q1").get_by_label("False").check()
    page.locator("#q4").get_by_label("Your answer").fill("Matikan sumber listrik, pasang gembok dan label.")
    page.locator("#q2").get_by_label("Your answer").fill("ampere")
    expect(status).to_contain_text(RETRYING)
    time.sleep(3)  # a few tries fail meanwhile
    store_key = f"kompeten-attempt-{seeded['attempt']}"
    queued = page.evaluate("key => Object.keys(JSON.parse(localStorage.getItem(key)))", store_key)
    assert sorted(queued) == ["1", "2", "3", "4"]
    assert server_errors, "the saves failed with server errors while the database was down"

    # When PostgreSQL is back
    postgres_cluster.start()
    # Then the queued answers are sent without the trainee doing anything
    expect(status).to_have_text("All answers saved", timeout=30_000)
    _shot(page, "2-saved")
    assert page.evaluate("key => localStorage.getItem(key)", store_key) == "{}"
    # and every answer is in the database with its last value
    assert _answers_in_database(site.database_url, seeded["attempt"]) == {
        1: {"value": False},
        2: {"text": "ampere"},
        3: {"value": "12.5"},  # "12,5" as typed, normalised
        4: {"text": "Matikan sumber listrik, pasang gembok dan label."},
    }
    # and the page, reloaded, shows them
    page.reload()
    expect(page.locator("#q1").get_by_label("False")).to_be_checked()
    expect(page.locator("#q2").get_by_label("Your answer")).to_have_value("ampere")
