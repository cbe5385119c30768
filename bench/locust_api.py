"""The Locust user of ``api_progress`` (bench/scenario_api.py): a trainee's phone app on the JSON API, with its
own bearer token (bench/seed_api.py) and no cookie. Shares the paced clock, the warm-up and the figures of
bench/locustfile.py (imported, so its listeners count these requests too)."""

import random

from locust import task

from bench.locustfile import SEED, PacedUser


class ApiProgressUser(PacedUser):
    """Every PACE seconds one call of the phone app: the dashboard's data (my enrolments with progress, my exam
    attempts) or a lesson marked done."""

    def on_start(self):
        super().on_start()
        self.headers = {"Authorization": f"Bearer {self.trainee['token']}", "Accept": "application/json"}

    @task(2)
    def enrolments(self):
        self._read("/api/v1/me/enrolments/", "api enrolments")

    @task(1)
    def attempts(self):
        self._read("/api/v1/me/attempts/", "api attempts")

    @task(1)
    def lesson_done(self):
        lesson = random.choice(SEED["lesson_ids"])  # noqa: S311
        url = f"/api/v1/me/lessons/{lesson}/done/"
        with self.client.post(url, headers=self.headers, name="api lesson done", catch_response=True) as resp:
            if resp.status_code not in (200, 201):
                resp.failure(f"HTTP {resp.status_code}")

    def _read(self, url: str, name: str) -> None:
        with self.client.get(url, headers=self.headers, name=name, catch_response=True) as resp:
            if resp.status_code != 200 or "results" not in (resp.text or ""):
                resp.failure(f"HTTP {resp.status_code}")
