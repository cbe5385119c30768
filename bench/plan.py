"""What a benchmark run is: the plan (how many, how long; the smoke plan), the figures it collects, and the
constants every part shares."""

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PY = sys.executable
CORES = os.cpu_count() or 1
WORKERS = 2 * CORES + 1
CEILING_P95_MS = 200.0


@dataclass
class Plan:
    trainees: int = 300
    pace: float = 5.0  # seconds between two saves of one trainee
    storm_seconds: int = 60
    ceiling_repeats: int = 3
    ceiling_connections: tuple = (10, 20, 40, 80)
    ceiling_seconds: int = 5
    rush_window: int = 30
    rush_tail: int = 8  # seconds after the window for the last starts to finish
    pages_users: int = 300  # a whole class reading at once (issue #20)
    pages_pace: float = 5.0  # one page every 5 s: a fast reader (a lesson takes minutes to read)
    pages_seconds: int = 45
    lesson_connections: tuple = (5, 10, 20, 40)
    sqlite_levels: tuple = (20, 50, 100)
    sqlite_seconds: int = 60
    drill_seconds: int = 45
    drill_certificates: int = 60
    placement_seekers: int = 10_000
    placement_certificates: int = 30_000
    placement_verdicts: int = 150_000
    placement_rate: float = 10.0  # match lists per second, all users together
    placement_seconds: int = 30
    attendance_trainees: int = 300
    attendance_sessions: int = 10
    attendance_window: int = 120  # every trainee checks in once within this many seconds, spread evenly
    attendance_tail: int = 8  # seconds after the window for the last check-ins to finish
    history_trainees: int = 30_000  # a centre's years of history (issue #20; run.py --history)
    history_completions: int = 300_000
    history_answers: int = 1_000_000
    history_certificates: int = 20_000
    database: str = "kompeten_bench"


SMOKE = Plan(
    trainees=10,
    pace=1.0,
    storm_seconds=3,
    ceiling_repeats=1,
    ceiling_connections=(4,),
    ceiling_seconds=2,
    rush_window=2,
    rush_tail=3,
    pages_users=5,
    pages_pace=1.0,
    pages_seconds=3,
    lesson_connections=(4,),
    sqlite_levels=(5,),
    sqlite_seconds=3,
    drill_seconds=9,
    drill_certificates=6,
    placement_seekers=40,
    placement_certificates=120,
    placement_verdicts=600,
    placement_rate=4.0,
    placement_seconds=3,
    attendance_trainees=20,
    attendance_sessions=2,
    attendance_window=3,
    attendance_tail=3,
    history_trainees=200,
    history_completions=600,
    history_answers=1000,
    history_certificates=40,
    database="kompeten_bench_smoke",
)


class Scenarios(dict):
    """The scenarios' figures; each one is logged as it lands."""

    def __setitem__(self, name: str, figures: dict) -> None:
        super().__setitem__(name, figures)
        keys = ("p50_ms", "p95_ms", "p99_ms", "rps", "errors", "lost_answers", "client_cpu_pct")
        log(f"  {name}: " + ", ".join(f"{key}={figures.get(key)}" for key in keys if key in figures))


@dataclass
class Run:
    plan: Plan
    smoke: bool
    work: Path
    only: str | None = None  # "placement" | "api" | "attendance" | "history": the floor storm and those only (--only)
    history: bool = False  # measure, seed a centre's history, measure again (run.py --history, --only history)
    results: dict = field(default_factory=lambda: {"scenarios": Scenarios(), "ratios": {}})
    processes: list = field(default_factory=list)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)
