"""``make bench``: Kompeten under load on real parts, beside the floor, in one run. ``--smoke``: every scenario tiny.

1. Starts PostgreSQL and Redis if they are down; builds a fresh database (``kompeten_bench``) and, in parallel, the
   SQLite file of the embedded default; seeds each with a course, exams and N signed-in trainees.
2. Runs gunicorn (workers = 2 x cores + 1) on bench.settings (production + the floor view) and a real Celery worker.
3. Scenarios: autosave storm and the floor at the same pacing (Locust, paced, desynchronised; lost answers counted
   from the database), autosave and floor ceilings (wrk, alternated, repeated), exam start rush, learning pages
   (Locust, paced) and a wrk ceiling of the lesson page, certificates (bench/scenario_certificates.py when present),
   placement matching over 10,000 job seekers (bench/seed_placement.py; and the placement figures page when the build
   has it), attendance check-in (300 trainees, 10 sessions, 2 minutes; bench/seed_attendance.py), the fault
   drills, then the autosave storm on SQLite (WAL) at 20, 50 and 100 trainees.
4. Prints a table and writes bench/results/<timestamp>.json.

``--only placement`` runs only the floor storm and the placement scenarios (placement_match, placement_figures) on
PostgreSQL — no SQLite build, no drills — with their targets: what to run while working on matching. ``--only api``
likewise runs the floor storm and api_progress (the phone app on the JSON API, bench/scenario_api.py).
``--only attendance`` does the same for the attendance check-in (attendance_checkin).

``--history`` (issue #20, cost flat in data size): after the attendance check-in, the autosave storm and the
learning pages are measured again, a centre's years of history is seeded (bench/seed_history.py: 30,000 trainees,
300,000 lesson completions, 1,000,000 saved answers, 20,000 certificates) and they are measured once more; the
autosave, lesson page and dashboard p95 with the history are compared with those just before it
(bench/scenario_history.py). ``--only history`` runs the floor storm and that, nothing else.

The load generator's CPU (``client_cpu_pct``) is measured for every run, as a share of the whole machine
(100 = every core busy). Smoke mode asserts only that every scenario ran and lost no answer, never a time.
"""

import argparse
import json
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import services
from bench.databases import environments, prepare, services_ensure
from bench.plan import BENCH, CORES, ROOT, SMOKE, WORKERS, Plan, Run
from bench.processes import stop
from bench.report import ratios, smoke_check, table, targets
from bench.scenarios import (
    api_scenarios,
    attendance_scenarios,
    history_scenarios,
    placement_scenarios,
    postgres_scenarios,
    sqlite_scenarios,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny N, a few seconds per scenario, no timing check")
    parser.add_argument(
        "--only",
        choices=["placement", "api", "attendance", "history"],
        help="placement | api | attendance | history: the floor storm and those scenarios, nothing else",
    )
    parser.add_argument(
        "--history",
        action="store_true",
        help="measure, seed a centre's years of history, measure again: p95 with history ≤ 1.25 x fresh",
    )
    args = parser.parse_args()
    if args.history and args.only not in (None, "history"):
        parser.error(f"--history runs with the whole bench or alone (--only history), not with --only {args.only}")
    plan = SMOKE if args.smoke else Plan()
    started = time.monotonic()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    with tempfile.TemporaryDirectory(prefix="kompeten-bench-") as work:
        history = args.history or args.only == "history"
        run = Run(plan=plan, smoke=args.smoke, work=Path(work), only=args.only, history=history)
        try:
            services_ensure()
            postgres, sqlite = environments(run)
            prepare(run, postgres, sqlite)
            if args.only == "placement":
                placement_scenarios(run, postgres)
            elif args.only == "api":
                api_scenarios(run, postgres)
            elif args.only == "attendance":
                attendance_scenarios(run, postgres)
            elif args.only == "history":
                history_scenarios(run, postgres)
            else:
                postgres_scenarios(run, postgres)
                sqlite_scenarios(run, sqlite)
        finally:
            for process in list(run.processes):
                stop(run, process)
            if args.smoke:  # the full run's database stays for inspection until the next run
                services.succeeds([*services.PSQL, f"DROP DATABASE IF EXISTS {plan.database} WITH (FORCE)"])
    ratios(run)
    run.results.update(
        mode=("smoke" if args.smoke else "full")
        + (f" (only {args.only})" if args.only else "")
        + (" with history" if args.history and args.only != "history" else ""),
        finished_at=stamp,
        duration_s=round(time.monotonic() - started),
        machine={"cores": CORES, "gunicorn_workers": WORKERS, "celery_concurrency": CORES},
        plan={key: (list(value) if isinstance(value, tuple) else value) for key, value in vars(plan).items()},
    )
    if not args.smoke:
        run.results["targets"] = targets(run)
    out_dir = BENCH / "results"
    out_dir.mkdir(exist_ok=True)
    out = out_dir / f"{stamp}{'-smoke' if args.smoke else ''}.json"
    out.write_text(json.dumps(run.results, indent=2, ensure_ascii=False))
    print()
    print(table(run))
    print(f"\nwritten: {out.relative_to(ROOT)} ({run.results['duration_s']}s)")
    if args.smoke:
        problems = smoke_check(run)
        for problem in problems:
            print(f"SMOKE FAILED: {problem}", file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    if shutil.which("wrk") is None:
        raise SystemExit("bench: wrk is missing (apt-get install wrk)")
    sys.exit(main())
