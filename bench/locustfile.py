"""Locust users of the paced scenarios (FastHttpUser). Configured by bench/run.py through the environment:

BENCH_SEED      the seed file (bench/seed.py): trainees with session, CSRF secret and attempt
BENCH_OUT       where this process writes what it saw: latencies after the warm-up (all, and per request name),
                errors, acknowledged answers
BENCH_TARGET    autosave | floor (AutosaveUser)
                (MatchUser and FiguresUser read the placement seed, bench/seed_placement.py; CheckInUser the
                attendance seed, bench/seed_attendance.py)
BENCH_PACE      seconds between two requests of one user; BENCH_WARMUP seconds before latencies count
BENCH_WINDOW    StartRushUser, CheckInUser: every trainee starts (checks in) within this many seconds
BENCH_OFFSET    index of the first trainee this run uses

AutosaveUser also counts answers sent back to the login page (``logged_out``: the session was lost) and the
seconds since the start at which each save was acknowledged (``ok_at_s``: the fault drills read when saving came
back after a restart).

Every user starts at a random offset inside one pacing period and keeps its own clock: a late request does not
move the next one (no snapping back to lock-step), so requests stay spread evenly over time.
"""

import itertools
import json
import os
import random
import time

from locust import FastHttpUser, events, task
from locust.exception import StopUser

SEED = json.loads(open(os.environ["BENCH_SEED"]).read())  # noqa: SIM115
USERS = SEED["users"][int(os.environ.get("BENCH_OFFSET", "0")) :]
PACE = float(os.environ.get("BENCH_PACE", "5"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "0"))
_next_user = itertools.count()
_started = time.monotonic()
_seen = {"latencies_ms": [], "errors": 0, "requests": 0, "acked": {}, "logged_out": 0, "ok_at_s": []}
_seen |= {"by_name": {}, "errors_by_name": {}}  # the same, per request name (the learning pages' lesson, dashboard)


@events.request.add_listener
def _on_request(request_type, name, response_time, response_length, exception=None, **kwargs):
    if time.monotonic() - _started < WARMUP:
        return
    _seen["requests"] += 1
    _seen["latencies_ms"].append(response_time)
    _seen["by_name"].setdefault(name, []).append(response_time)
    if exception is not None:
        _seen["errors"] += 1
        _seen["errors_by_name"][name] = _seen["errors_by_name"].get(name, 0) + 1


@events.test_start.add_listener
def _on_test_start(environment, **kwargs):
    global _started
    _started = time.monotonic()


@events.quitting.add_listener
def _on_quitting(environment, **kwargs):
    out = f"{os.environ['BENCH_OUT']}.{os.getpid()}.json"
    with open(out, "w") as handle:
        json.dump(_seen, handle)


class PacedUser(FastHttpUser):
    abstract = True
    host = "http://127.0.0.1:8000"

    def on_start(self):
        self.trainee = USERS[next(_next_user) % len(USERS)]
        self.client.client.cookiejar = None  # our own Cookie header, nothing else
        self.headers = {
            "Cookie": f"sessionid={self.trainee['session']}; csrftoken={self.trainee['csrf']}",
            "X-CSRFToken": self.trainee["csrf"],
        }
        time.sleep(random.uniform(0, PACE))  # noqa: S311 — desynchronise the users
        self.clock = time.monotonic()

    def wait_time(self):
        self.clock += PACE  # the schedule never snaps back to "now": a late request does not shift the next
        return max(0.0, self.clock - time.monotonic())


class AutosaveUser(PacedUser):
    """A trainee answering one question every PACE seconds (autosave), or the same against the floor view."""

    def on_start(self):
        super().on_start()
        self.target = os.environ.get("BENCH_TARGET", "autosave")
        self.position = random.randrange(SEED["positions"])  # noqa: S311

    @task
    def save(self):
        self.position = self.position % SEED["positions"] + 1
        seq = time.time_ns() // 1000
        text = f"jawaban {self.trainee['id']}-{seq}"
        if self.target == "floor":
            url, name = "/bench/floor/", "floor"
            body = {"key": self.position, "seq": seq, "value": text}
        else:
            url, name = f"/ujian/percobaan/{self.trainee['attempt']}/simpan/", "autosave"
            body = {"position": self.position, "seq": seq, "answer": {"text": text}}
        headers = {**self.headers, "Content-Type": "application/json"}
        with self.client.post(
            url, data=json.dumps(body), headers=headers, name=name, catch_response=True, allow_redirects=False
        ) as resp:
            if resp.status_code in (302, 401, 403):
                _seen["logged_out"] += 1
            if resp.status_code != 200:
                resp.failure(f"HTTP {resp.status_code}")
                return
            reply = resp.json()
            if not reply.get("saved") or reply.get("seq") != seq:
                resp.failure(f"not saved: {reply}")
                return
            owner = self.trainee["id"] if self.target == "floor" else self.trainee["attempt"]
            _seen["acked"][f"{owner}:{self.position}"] = [seq, text]
            _seen["ok_at_s"].append(round(time.monotonic() - _started, 2))


class StartRushUser(FastHttpUser):
    """A trainee pressing "Start" within the first BENCH_WINDOW seconds, then loading the attempt page, once."""

    host = "http://127.0.0.1:8000"

    def on_start(self):
        self.trainee = USERS[next(_next_user) % len(USERS)]
        self.client.client.cookiejar = None  # our own Cookie header, nothing else
        self.headers = {
            "Cookie": f"sessionid={self.trainee['session']}; csrftoken={self.trainee['csrf']}",
            "X-CSRFToken": self.trainee["csrf"],
        }
        time.sleep(random.uniform(0, float(os.environ.get("BENCH_WINDOW", "30"))))  # noqa: S311

    @task
    def start_exam(self):
        url = f"/ujian/{SEED['rush_exam_id']}/mulai/"
        with self.client.post(
            url, data="", headers=self.headers, name="start", allow_redirects=False, catch_response=True
        ) as resp:
            location = (resp.headers or {}).get("Location", "")
            if resp.status_code != 302 or "/ujian/percobaan/" not in location:
                resp.failure(f"HTTP {resp.status_code} → {location or resp.text[:200]}")
                raise StopUser
        with self.client.get(location, headers=self.headers, name="attempt page", catch_response=True) as resp:
            if resp.status_code != 200:
                resp.failure(f"HTTP {resp.status_code}")
        raise StopUser


class LearnerUser(PacedUser):
    """A signed-in trainee reading: the course page, a lesson, the dashboard, one page every PACE seconds."""

    @task(3)
    def lesson(self):
        url = random.choice(SEED["lesson_urls"])  # noqa: S311
        self.client.get(url, headers=self.headers, name="lesson")

    @task(1)
    def course(self):
        self.client.get(SEED["course_url"], headers=self.headers, name="course")

    @task(1)
    def dashboard(self):
        self.client.get("/dasbor/", headers=self.headers, name="dashboard")


class MatchUser(PacedUser):
    """An employer's member opening the match list of one vacancy every PACE seconds (placement_match)."""

    @task
    def match(self):
        url = f"/bench/placement/match/{SEED['vacancy_id']}/"
        with self.client.get(url, headers=self.headers, name="match", catch_response=True) as resp:
            if resp.status_code != 200 or "matches" not in (resp.text or ""):
                resp.failure(f"HTTP {resp.status_code}")


class FiguresUser(PacedUser):
    """Centre staff opening the placement figures report every PACE seconds (placement_figures)."""

    def on_start(self):
        super().on_start()
        staff = SEED["staff"]
        self.headers = {"Cookie": f"sessionid={staff['session']}; csrftoken={staff['csrf']}"}

    @task
    def figures(self):
        with self.client.get(SEED["figures_url"], headers=self.headers, name="figures", catch_response=True) as resp:
            if resp.status_code != 200:
                resp.failure(f"HTTP {resp.status_code}")


class CheckInUser(FastHttpUser):
    """A trainee scanning the QR code of their session once, at a random moment of BENCH_WINDOW seconds (paced: the
    check-ins spread evenly over the window), and confirming the check-in (attendance_checkin). The token is the
    one the instructor's screen shows in the current slot (the seed signed every slot's)."""

    host = "http://127.0.0.1:8000"

    def on_start(self):
        self.trainee = USERS[next(_next_user) % len(USERS)]
        self.client.client.cookiejar = None  # our own Cookie header, nothing else
        self.headers = {
            "Cookie": f"sessionid={self.trainee['session']}; csrftoken={self.trainee['csrf']}",
            "X-CSRFToken": self.trainee["csrf"],
        }
        time.sleep(random.uniform(0, float(os.environ.get("BENCH_WINDOW", "120"))))  # noqa: S311

    @task
    def check_in(self):
        session_id = self.trainee["training_session"]
        slot = int(time.time()) // SEED["qr_seconds"]
        token = SEED["qr"][str(session_id)][str(slot)]
        url = f"/jadwal/sesi/{session_id}/hadir/{token}/"
        with self.client.post(
            url, data="", headers=self.headers, name="check-in", allow_redirects=False, catch_response=True
        ) as resp:
            if resp.status_code != 200 or 'class="notice success"' not in (resp.text or ""):
                resp.failure(f"HTTP {resp.status_code}")
            else:
                _seen["acked"][f"{self.trainee['id']}:{session_id}"] = [1, "hadir"]
        raise StopUser
