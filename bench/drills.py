"""Fault drills of ``make bench``: the real parts fail under load, and nothing a person did is lost.

* ``drill_postgres_restart``: the autosave storm runs while PostgreSQL is restarted (``pg_ctlcluster … restart``).
* ``drill_redis_restart``: the autosave storm runs while Redis (cache, broker; it keeps nothing on disk) is
  restarted empty.
* ``drill_worker_kill``: a bulk issue for a batch runs on the Celery worker, whose whole process group is killed
  (SIGKILL) a third of the way through; a new worker takes over (the broker hands the unacknowledged tasks back
  after ``CELERY_VISIBILITY_TIMEOUT``).

Each drill counts, from the database: acknowledged answers lost, trainees sent back to the login page (a lost
session), whether saving came back after the fault; for the bulk issue, certificates missing, issued twice or
without their PDF. The targets are printed as [met]/[missed] by bench/run.py.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import services
from bench.measure import locust, lost_answers
from bench.plan import CORES, PY, log
from bench.processes import sh, start, wait_log

#: How soon a worker that takes over hands back the tasks of a killed one (seconds): the drill's own setting.
VISIBILITY_TIMEOUT = 10


def restart_postgres() -> None:
    services.pg_ctl("restart")


def restart_redis() -> None:
    services.redis_restart()


def storm_with_fault(run, *, name: str, fault, users: int, seconds: int, url: str, env: dict, seed: Path):
    """The paced autosave storm for ``seconds``, with ``fault()`` at a third of it; lost answers from the database."""
    plan = run.plan
    warmup = plan.pace + 1
    fault_at = warmup + seconds / 3
    log(f"{name}: {users} trainees saving every {plan.pace:g}s; the fault at {fault_at:.0f}s")
    with ThreadPoolExecutor(1) as pool:
        storm = pool.submit(
            locust,
            run,
            name=name,
            user_class="AutosaveUser",
            users=users,
            seconds=warmup + seconds,
            warmup=0,
            url=url,
            env=env,
            seed=seed,
            extra={"BENCH_TARGET": "autosave", "BENCH_PACE": str(plan.pace)},
        )
        time.sleep(fault_at)
        started = time.monotonic()
        fault()
        outage = time.monotonic() - started
        figures = storm.result()
    figures["lost_answers"] = lost_answers(env, "autosave", figures.pop("_acked"))
    figures["fault_at_s"] = round(fault_at, 1)
    figures["outage_s"] = round(outage, 1)
    figures["recovered"] = (figures.get("last_ok_s") or 0) > fault_at + outage
    log(f"  {name}: outage {outage:.1f}s, logged out {figures['logged_out']}, recovered {figures['recovered']}")
    return figures


def _bulk(env: dict, *arguments: str) -> dict:
    result = sh([PY, "-m", "bench.drill_bulk", *arguments], env=env)
    return json.loads(result.stdout.strip().splitlines()[-1])


def worker_start(run, env: dict, name: str) -> subprocess.Popen:
    command = [PY, "-m", "celery", "-A", "lms", "worker", "-c", str(CORES), "--loglevel", "INFO"]
    worker = start(run, [*command, "-n", f"{name}@%h"], env=env, name=name, new_session=True)
    wait_log(worker, "ready")
    return worker


def worker_kill_drill(run, env: dict, worker: subprocess.Popen, *, count: int) -> tuple[dict, subprocess.Popen]:
    """Kill the worker's whole process group in the middle of a bulk issue; a new worker finishes it."""
    log(f"drill_worker_kill: a bulk issue of {count} certificates; the worker is killed a third of the way")
    env = {**env, "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT)}
    batch = _bulk(env, "seed", "--count", str(count))["batch"]
    started = time.monotonic()
    _bulk(env, "start", "--batch", str(batch))
    deadline = started + (120 if run.smoke else 600)
    while time.monotonic() < deadline:
        state = _bulk(env, "state", "--batch", str(batch))
        if state["certificates"] >= max(1, count // 3):
            break
        time.sleep(0.2)
    killed_at = state["rendered"]
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()
    log(f"  worker killed after {killed_at} rendered; a new worker takes over")
    with_drill_setting = worker_start(run, env, "celery-after-kill")
    while time.monotonic() < deadline:
        state = _bulk(env, "state", "--batch", str(batch))
        if state["done"] and state["rendered"] >= count:
            break
        time.sleep(0.5)
    state = _bulk(env, "state", "--batch", str(batch))
    figures = {
        "requests": count,
        "rps": round(state["rendered"] / (time.monotonic() - started), 2),
        "errors": count - state["rendered"],
        "certificates": state["certificates"],
        "rendered": state["rendered"],
        "missing": count - state["holders"],
        "issued_twice": state["certificates"] - state["holders"],
        "without_pdf": state["certificates"] - state["rendered"],
        "rendered_before_kill": killed_at,
    }
    log(
        f"  drill_worker_kill: {state['rendered']}/{count} rendered, missing {figures['missing']}, "
        f"twice {figures['issued_twice']}, without PDF {figures['without_pdf']}"
    )
    return figures, with_drill_setting


def fault_drills(run, *, env: dict, url: str, seed: Path, worker: subprocess.Popen) -> subprocess.Popen:
    """Run the three drills; returns the worker that runs afterwards (the first one is killed)."""
    plan, scenarios = run.plan, run.results["scenarios"]
    storm = {"users": plan.trainees, "seconds": plan.drill_seconds, "url": url, "env": env, "seed": seed}
    scenarios["drill_postgres_restart"] = storm_with_fault(
        run, name="drill_postgres_restart", fault=restart_postgres, **storm
    )
    scenarios["drill_redis_restart"] = storm_with_fault(run, name="drill_redis_restart", fault=restart_redis, **storm)
    figures, worker = worker_kill_drill(run, env, worker, count=plan.drill_certificates)
    scenarios["drill_worker_kill"] = figures
    return worker


def targets(scenarios: dict) -> dict:
    checks = {}
    for name, label in (("drill_postgres_restart", "PostgreSQL restart"), ("drill_redis_restart", "Redis restart")):
        figures = scenarios.get(name)
        if figures:
            checks[f"{label} in the autosave storm: 0 acknowledged answers lost, nobody logged out, saving resumes"] = (
                figures["lost_answers"] == 0 and figures["logged_out"] == 0 and figures["recovered"]
            )
    figures = scenarios.get("drill_worker_kill")
    if figures:
        checks["worker killed in a bulk issue: every certificate issued once, with its PDF"] = (
            figures["missing"] == 0 and figures["issued_twice"] == 0 and figures["without_pdf"] == 0
        )
    return checks
