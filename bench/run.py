"""``make bench``: Kompeten under load on real parts, beside the floor, in one run. ``--smoke``: every scenario tiny.

1. Starts PostgreSQL and Redis if they are down; builds a fresh database (``kompeten_bench``) and, in parallel, the
   SQLite file of the embedded default; seeds each with a course, exams and N signed-in trainees.
2. Runs gunicorn (workers = 2 x cores + 1) on bench.settings (production + the floor view) and a real Celery worker.
3. Scenarios: autosave storm and the floor at the same pacing (Locust, paced, desynchronised; lost answers counted
   from the database), autosave and floor ceilings (wrk, alternated, repeated), exam start rush, learning pages
   (Locust, paced) and a wrk ceiling of the lesson page, certificates (bench/scenario_certificates.py when present),
   then the autosave storm on SQLite (WAL) at 20, 50 and 100 trainees.
4. Prints a table and writes bench/results/<timestamp>.json.

The load generator's CPU (``client_cpu_pct``) is measured for every run, as a share of the whole machine
(100 = every core busy). Smoke mode asserts only that every scenario ran and lost no answer, never a time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import drills, services

bench = sys.modules[__name__]

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
    pages_users: int = 50
    pages_pace: float = 5.0  # one page every 5 s: a fast reader (a lesson takes minutes to read)
    pages_seconds: int = 45
    lesson_connections: tuple = (5, 10, 20, 40)
    sqlite_levels: tuple = (20, 50, 100)
    sqlite_seconds: int = 60
    drill_seconds: int = 45
    drill_certificates: int = 60
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
    results: dict = field(default_factory=lambda: {"scenarios": Scenarios(), "ratios": {}})
    processes: list = field(default_factory=list)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- processes ----------------------------------------------------------------------------------------------


def sh(command: list[str], *, env: dict | None = None, cwd: Path = ROOT, timeout: int = 900, quiet: bool = True):
    result = subprocess.run(  # noqa: S603 — our own commands
        command, env=env, cwd=cwd, capture_output=quiet, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        if quiet:
            print(result.stdout[-4000:], result.stderr[-4000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"bench: command failed ({result.returncode}): {' '.join(command)}")
    return result


def measured(command: list[str], *, env: dict | None = None, cwd: Path = ROOT, timeout: int = 900):
    """Run a load generator; return (completed process, its CPU as a share of the whole machine, in %)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 — our own commands
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, round(100 * cpu / wall / CORES, 1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(run: Run, command: list[str], *, env: dict, name: str, new_session: bool = False) -> subprocess.Popen:
    """Start a process logging to ``<work>/<name>.log``; with ``new_session`` it leads its own process group (so that
    a drill can kill it with every child)."""
    logfile = (run.work / f"{name}.log").open("w")
    process = subprocess.Popen(  # noqa: S603 — our own commands
        command, env=env, cwd=ROOT, stdout=logfile, stderr=subprocess.STDOUT, start_new_session=new_session
    )
    process.logfile = run.work / f"{name}.log"
    run.processes.append(process)
    return process


def stop(run: Run, process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    with contextlib.suppress(ValueError):
        run.processes.remove(process)


def wait_http(url: str, process: subprocess.Popen, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            print(process.logfile.read_text()[-4000:], file=sys.stderr)
            raise SystemExit(f"bench: the server died while starting ({url})")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
            if response.status == 200:  # our own 127.0.0.1 URL
                return
        time.sleep(0.3)
    raise SystemExit(f"bench: no answer from {url} after {seconds}s")


def wait_log(process: subprocess.Popen, text: str, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in process.logfile.read_text():
            return
        if process.poll() is not None:
            break
        time.sleep(0.3)
    print(process.logfile.read_text()[-4000:], file=sys.stderr)
    raise SystemExit(f"bench: {process.args[:3]} did not say {text!r}")


# --- services and databases ---------------------------------------------------------------------------------


def _succeeds(command: list[str]) -> bool:
    return services.succeeds(command)


def services_ensure() -> None:
    log(f"PostgreSQL on 127.0.0.1:{services.PG_PORT} ({services.PG_CLUSTER}), Redis on 127.0.0.1:{services.REDIS_PORT}")
    services.ensure()


def environments(run: Run) -> tuple[dict, dict]:
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "SQLITE_PATH"}
    }
    base.update(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        KOMPETEN_FIELD_KEY=secrets.token_urlsafe(32),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_LOG_LEVEL="WARNING",
        MEDIA_ROOT=str(run.work / "media"),
        STATIC_ROOT=str(run.work / "static"),  # empty: the benchmark requests no static file
        PYTHONPATH=str(ROOT),
    )
    postgres = {
        **base,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{services.PG_PORT}/{run.plan.database}",
        "REDIS_URL": f"redis://127.0.0.1:{services.REDIS_PORT}/13",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{services.REDIS_PORT}/14",
    }
    if run.smoke:
        postgres["BENCH_SMOKE"] = "1"
    sqlite = {**base, "DJANGO_SETTINGS_MODULE": "bench.settings_sqlite", "SQLITE_PATH": str(run.work / "bench.db")}
    return postgres, sqlite


def prepare(run: Run, postgres: dict, sqlite: dict) -> None:
    (run.work / "static").mkdir(exist_ok=True)
    name = run.plan.database
    sh([*services.PSQL, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
    sh([*services.PSQL, f"CREATE DATABASE {name}"])
    for db in ("13", "14"):
        sh([*services.REDIS_PING[:-1], "-n", db, "flushdb"])
    manage = [PY, "manage.py"]

    def build_postgres():
        sh([*manage, "migrate", "--noinput"], env=postgres)
        count = str(run.plan.trainees)
        sh([PY, "-m", "bench.seed", "--trainees", count, "--out", str(run.work / "pg.json")], env=postgres)

    def build_sqlite():
        sh([*manage, "migrate", "--noinput"], env=sqlite)
        count = str(max(run.plan.sqlite_levels))
        sh([PY, "-m", "bench.seed", "--trainees", count, "--out", str(run.work / "sqlite.json")], env=sqlite)

    log(f"building the PostgreSQL database {name} and the SQLite file (in parallel)")
    with ThreadPoolExecutor(2) as pool:
        for future in [pool.submit(build_postgres), pool.submit(build_sqlite)]:
            future.result()


def server_start(run: Run, env: dict, name: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [PY, "-m", "gunicorn", "lms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)]
    server = start(run, [*command, "--log-level", "warning"], env=env, name=name)
    url = f"http://127.0.0.1:{port}"
    wait_http(f"{url}/healthz", server)
    return server, url


# --- measurements -------------------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return round(float(ordered[index]), 1)


def locust(
    run: Run,
    *,
    name: str,
    user_class: str,
    users: int,
    seconds: float,
    warmup: float,
    url: str,
    env: dict,
    seed: Path,
    extra: dict | None = None,
) -> dict:
    """One paced Locust run; latencies are those after the warm-up (every user has started by then)."""
    out = run.work / f"locust-{name}"
    locust_env = {**env, "BENCH_SEED": str(seed), "BENCH_OUT": str(out), "BENCH_WARMUP": str(warmup), **(extra or {})}
    command = [PY, "-m", "locust", "-f", str(BENCH / "locustfile.py"), "--headless", "--only-summary"]
    command += ["-u", str(users), "-r", str(users), "-t", f"{seconds:.0f}s", "--host", url, "--stop-timeout", "5"]
    command += ["--loglevel", "WARNING", user_class]
    result, cpu = measured(command, env=locust_env, timeout=int(seconds) + 120)
    files = sorted(run.work.glob(f"locust-{name}.*.json"))
    if result.returncode not in (0, 1) or not files:  # 1: some requests failed (counted below); 2: Locust broke
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"bench: Locust wrote nothing for {name}")
    seen = [json.loads(path.read_text()) for path in files]
    latencies = [value for part in seen for value in part["latencies_ms"]]
    requests = sum(part["requests"] for part in seen)
    window = max(seconds - warmup, 1)
    return {
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "rps": round(requests / window, 1),
        "requests": requests,
        "errors": sum(part["errors"] for part in seen),
        "logged_out": sum(part.get("logged_out", 0) for part in seen),
        "last_ok_s": max((at for part in seen for at in part.get("ok_at_s", [])), default=None),
        "client_cpu_pct": cpu,
        "users": users,
        "_acked": [str(path) for path in files],
    }


def lost_answers(env: dict, target: str, acked_files: list[str]) -> int:
    result = sh([PY, "-m", "bench.dbcheck", target, *acked_files], env=env)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if report["checked"] == 0:
        raise SystemExit(f"bench: no acknowledged answer to check ({target})")
    return report["lost_answers"]


def storm(run: Run, *, name: str, target: str, users: int, seconds: int, url: str, env: dict, seed: Path) -> dict:
    warmup = run.plan.pace + 1
    log(f"{name}: {users} trainees, one save every {run.plan.pace:g}s each, {seconds}s after all have started")
    figures = locust(
        run,
        name=name,
        user_class="AutosaveUser",
        users=users,
        seconds=warmup + seconds,
        warmup=warmup,
        url=url,
        env=env,
        seed=seed,
        extra={"BENCH_TARGET": target, "BENCH_PACE": str(run.plan.pace)},
    )
    figures["lost_answers"] = lost_answers(env, target, figures.pop("_acked"))
    return figures


def wrk(run: Run, *, script: str, args: list[str], connections: int, seconds: int, url: str) -> dict:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script, url, "--", *args]
    result, cpu = measured(command, cwd=BENCH / "wrk", timeout=seconds + 60)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"bench: wrk failed ({script})")
    figures = json.loads(lines[-1])
    return {
        "connections": connections,
        "rps": round(figures["requests"] / (figures["duration_us"] / 1e6), 1),
        "p50_ms": round(figures["p50_ms"], 1),
        "p95_ms": round(figures["p95_ms"], 1),
        "p99_ms": round(figures["p99_ms"], 1),
        "errors": figures["errors"],
        "client_cpu_pct": cpu,
    }


def sweep(run: Run, *, script: str, args: list[str], connections: tuple, url: str) -> dict:
    """The highest rate with p95 < 200 ms and no error, over the connection counts (10-80)."""
    points = [
        wrk(run, script=script, args=args, connections=c, seconds=run.plan.ceiling_seconds, url=url)
        for c in connections
    ]
    good = [p for p in points if p["p95_ms"] < CEILING_P95_MS and p["errors"] == 0]
    best = max(good, key=lambda p: p["rps"]) if good else min(points, key=lambda p: p["p95_ms"])
    return {"ceiling_rps": best["rps"] if good else 0.0, "at": best, "points": points}


def ceiling_summary(sweeps: list[dict]) -> dict:
    ceilings = [s["ceiling_rps"] for s in sweeps]
    median = statistics.median(ceilings)
    middle = min(sweeps, key=lambda s: abs(s["ceiling_rps"] - median))["at"]
    points = [p for s in sweeps for p in s["points"]]
    return {
        "p50_ms": middle["p50_ms"],
        "p95_ms": middle["p95_ms"],
        "p99_ms": middle["p99_ms"],
        "rps": median,
        "ceiling_rps_median": median,
        "ceiling_rps_range": [min(ceilings), max(ceilings)],
        "ceiling_rps_runs": ceilings,
        "connections_at_median": middle["connections"],
        "errors": sum(p["errors"] for p in points),
        "client_cpu_pct": round(statistics.mean(p["client_cpu_pct"] for p in points), 1),
        "requests_window": "wrk, no think time, p95 < 200 ms",
        "points": [s["points"] for s in sweeps],
    }


def certificates(run: Run, env: dict) -> None:
    script = BENCH / "scenario_certificates.py"
    if not script.exists():
        log("certificates: bench/scenario_certificates.py is absent — the certificate scenario was not run")
        run.results["ratios"]["certificate_vs_bare_render"] = None
        return
    log("certificates: bench/scenario_certificates.py (on the Celery worker)")
    out = run.work / "certificates.json"
    env = {**env, "BENCH_CELERY_CONCURRENCY": str(CORES)}
    result, cpu = measured([PY, str(script), "--json", str(out)], env=env, timeout=900)
    if result.returncode != 0 or not out.exists():
        print(result.stdout[-4000:], result.stderr[-4000:], sep="\n", file=sys.stderr)
        if not out.exists():
            raise SystemExit("bench: the certificate scenario failed and wrote no result")
        log(f"certificates: the scenario exited with {result.returncode} (its errors are in the table)")
    report = json.loads(out.read_text())
    for name, figures in report.get("scenarios", {}).items():
        figures.setdefault("client_cpu_pct", cpu)
        run.results["scenarios"][name] = figures
    run.results["ratios"]["certificate_vs_bare_render"] = report.get("ratios", {}).get("certificate_vs_bare_render")


# --- the run ------------------------------------------------------------------------------------------------


def postgres_scenarios(run: Run, env: dict) -> None:
    plan, scenarios = run.plan, run.results["scenarios"]
    seed = run.work / "pg.json"
    seed_txt = str(seed.with_suffix(".txt"))
    server, url = server_start(run, env, "gunicorn")
    worker = drills.worker_start(bench, run, env, "celery")
    log(f"gunicorn ({WORKERS} workers) on {url}, Celery worker ready")

    log("warming up the workers (not measured)")
    lesson = json.loads(seed.read_text())["lesson_urls"][0]
    for script, args in (
        ("post.lua", [seed_txt, "autosave"]),
        ("post.lua", [seed_txt, "floor"]),
        ("get.lua", [seed_txt, lesson]),
    ):
        wrk(run, script=script, args=args, connections=WORKERS, seconds=2, url=url)

    storm_args = {"users": plan.trainees, "seconds": plan.storm_seconds, "url": url, "env": env, "seed": seed}
    scenarios["autosave_storm"] = storm(run, name="autosave_storm", target="autosave", **storm_args)
    scenarios["floor_storm"] = storm(run, name="floor_storm", target="floor", **storm_args)

    log(f"ceilings: wrk, {plan.ceiling_repeats} x (autosave, floor) over {plan.ceiling_connections} connections")
    sweeps: dict[str, list] = {"autosave": [], "floor": []}
    for _ in range(plan.ceiling_repeats):
        for target in ("autosave", "floor"):
            sweeps[target].append(
                sweep(run, script="post.lua", args=[seed_txt, target], connections=plan.ceiling_connections, url=url)
            )
    scenarios["autosave_ceiling"] = ceiling_summary(sweeps["autosave"])
    scenarios["floor_ceiling"] = ceiling_summary(sweeps["floor"])

    log(f"start rush: {plan.trainees} trainees start one exam within {plan.rush_window}s")
    rush = locust(
        run,
        name="start_rush",
        user_class="StartRushUser",
        users=plan.trainees,
        seconds=plan.rush_window + plan.rush_tail,
        warmup=0,
        url=url,
        env=env,
        seed=seed,
        extra={"BENCH_WINDOW": str(plan.rush_window)},
    )
    rush.pop("_acked")
    rush["rps"] = round(rush["requests"] / plan.rush_window, 1)
    scenarios["start_rush"] = rush

    log(f"learning pages: {plan.pages_users} trainees, one page every {plan.pages_pace:g}s each")
    pages = locust(
        run,
        name="learning_pages",
        user_class="LearnerUser",
        users=plan.pages_users,
        seconds=plan.pages_pace + 1 + plan.pages_seconds,
        warmup=plan.pages_pace + 1,
        url=url,
        env=env,
        seed=seed,
        extra={"BENCH_PACE": str(plan.pages_pace)},
    )
    pages.pop("_acked")
    scenarios["learning_pages"] = pages
    scenarios["lesson_ceiling"] = ceiling_summary(
        [
            sweep(
                run,
                script="get.lua",
                args=[seed_txt, lesson, str(plan.pages_users)],
                connections=plan.lesson_connections,
                url=url,
            )
        ]
    )

    certificates(run, env)
    worker = drills.fault_drills(bench, run, env=env, url=url, seed=seed, worker=worker)
    stop(run, worker)
    stop(run, server)


def sqlite_scenarios(run: Run, env: dict) -> None:
    plan, scenarios = run.plan, run.results["scenarios"]
    seed = run.work / "sqlite.json"
    server, url = server_start(run, env, "gunicorn-sqlite")
    log(f"embedded default: SQLite (WAL), gunicorn ({WORKERS} workers) on {url}")
    for count in plan.sqlite_levels:
        scenarios[f"sqlite_storm_{count}"] = storm(
            run,
            name=f"sqlite_storm_{count}",
            target="autosave",
            users=count,
            seconds=plan.sqlite_seconds,
            url=url,
            env=env,
            seed=seed,
        )
    stop(run, server)
    clean = [
        count
        for count in plan.sqlite_levels
        if scenarios[f"sqlite_storm_{count}"]["errors"] == 0 and scenarios[f"sqlite_storm_{count}"]["lost_answers"] == 0
    ]
    run.results["embedded_default_ceiling_trainees"] = max(clean) if clean else 0


def ratios(run: Run) -> None:
    s, r = run.results["scenarios"], run.results["ratios"]

    def ratio(a: float, b: float):
        return round(a / b, 2) if b else None

    r["autosave_p95_vs_floor"] = ratio(s["autosave_storm"]["p95_ms"], s["floor_storm"]["p95_ms"])
    r["autosave_ceiling_vs_floor"] = ratio(s["autosave_ceiling"]["rps"], s["floor_ceiling"]["rps"])
    r.setdefault("certificate_vs_bare_render", None)


def targets(run: Run) -> dict:
    s, r = run.results["scenarios"], run.results["ratios"]
    storm_ok = s["autosave_storm"]["lost_answers"] == 0 and s["autosave_storm"]["errors"] == 0
    checks = {
        "autosave storm: 0 lost, 0 errors, p95 ≤ 2 x floor p95": storm_ok and (r["autosave_p95_vs_floor"] or 99) <= 2,
        "autosave ceiling ≥ 0.5 x floor ceiling": (r["autosave_ceiling_vs_floor"] or 0) >= 0.5,
        "start rush p95 < 500 ms, 0 errors": s["start_rush"]["requests"] > 0
        and s["start_rush"]["p95_ms"] < 500
        and s["start_rush"]["errors"] == 0,
        "learning pages p95 < 150 ms": s["learning_pages"]["requests"] > 0 and s["learning_pages"]["p95_ms"] < 150,
    }
    if r.get("certificate_vs_bare_render") is not None:
        checks["certificate render + sign ≤ 1.3 x bare render"] = r["certificate_vs_bare_render"] <= 1.3
    checks.update(drills.targets(s))
    return checks


def table(run: Run) -> str:
    def cell(value, width):
        text = "—" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
        return text.rjust(width)

    header = (
        f"{'scenario':<24}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'rps':>9}{'errors':>8}{'lost':>6}{'client CPU':>12}"
    )
    lines = [header, "-" * len(header)]
    for name, f in run.results["scenarios"].items():
        lines.append(
            f"{name:<24}{cell(f.get('p50_ms'), 9)}{cell(f.get('p95_ms'), 9)}{cell(f.get('p99_ms'), 9)}"
            f"{cell(f.get('rps'), 9)}{cell(f.get('errors'), 8)}{cell(f.get('lost_answers'), 6)}"
            f"{cell(f.get('client_cpu_pct'), 12)}"
        )
    lines.append("")
    for name in ("autosave_ceiling", "floor_ceiling", "lesson_ceiling"):
        f = run.results["scenarios"].get(name)
        if f:
            low, high = f["ceiling_rps_range"]
            lines.append(f"{name}: median {f['ceiling_rps_median']:g} req/s (range {low:g}-{high:g}, p95 < 200 ms)")
    for name, value in run.results["ratios"].items():
        lines.append(f"{name}: {'—' if value is None else value}")
    if "embedded_default_ceiling_trainees" in run.results:
        trainees = run.results["embedded_default_ceiling_trainees"]
        lines.append(f"embedded default (SQLite WAL) ceiling: {trainees} trainees with 0 errors and 0 lost")
    if not run.smoke:
        lines.append("")
        for label, ok in targets(run).items():
            lines.append(f"[{'met' if ok else 'MISSED'}] {label}")
    return "\n".join(lines)


def smoke_check(run: Run) -> list[str]:
    problems = []
    expected = ["autosave_storm", "floor_storm", "autosave_ceiling", "floor_ceiling", "start_rush", "learning_pages"]
    expected += ["lesson_ceiling"] + [f"sqlite_storm_{count}" for count in run.plan.sqlite_levels]
    expected += ["drill_postgres_restart", "drill_redis_restart", "drill_worker_kill"]
    for name in expected:
        figures = run.results["scenarios"].get(name)
        if not figures or not (figures.get("requests") or figures.get("points")):
            problems.append(f"{name} did not run")
        elif figures.get("lost_answers"):
            problems.append(f"{name} lost {figures['lost_answers']} answers")
    for label, ok in drills.targets(run.results["scenarios"]).items():
        if not ok:
            problems.append(f"drill missed: {label}")
    if (BENCH / "scenario_certificates.py").exists() and not any(
        name.startswith("certificate") for name in run.results["scenarios"]
    ):
        problems.append("the certificate scenario reported nothing")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny N, a few seconds per scenario, no timing check")
    args = parser.parse_args()
    plan = SMOKE if args.smoke else Plan()
    started = time.monotonic()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    with tempfile.TemporaryDirectory(prefix="kompeten-bench-") as work:
        run = Run(plan=plan, smoke=args.smoke, work=Path(work))
        try:
            services_ensure()
            postgres, sqlite = environments(run)
            prepare(run, postgres, sqlite)
            postgres_scenarios(run, postgres)
            sqlite_scenarios(run, sqlite)
        finally:
            for process in list(run.processes):
                stop(run, process)
            if args.smoke:  # the full run's database stays for inspection until the next run
                _succeeds([*services.PSQL, f"DROP DATABASE IF EXISTS {plan.database} WITH (FORCE)"])
    ratios(run)
    run.results.update(
        mode="smoke" if args.smoke else "full",
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
