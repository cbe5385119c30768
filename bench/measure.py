"""Measurements: paced Locust runs, wrk ceilings, lost answers counted from the database, percentiles."""

import json
import statistics
import sys
from pathlib import Path

from bench.plan import BENCH, CEILING_P95_MS, PY, Run, log
from bench.processes import measured, sh


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
    locustfile: Path | None = None,
) -> dict:
    """One paced Locust run (of bench/locustfile.py's users unless told another file); latencies are those after
    the warm-up (every user has started by then). A run of several request names (the learning pages' lesson,
    course and dashboard) also gives each one's figures, under ``pages``."""
    out = run.work / f"locust-{name}"
    locust_env = {**env, "BENCH_SEED": str(seed), "BENCH_OUT": str(out), "BENCH_WARMUP": str(warmup), **(extra or {})}
    command = [PY, "-m", "locust", "-f", str(locustfile or BENCH / "locustfile.py"), "--headless", "--only-summary"]
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
    figures = {
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
    pages = _by_name(seen, window)
    if len(pages) > 1:  # a mix of pages (the learning pages): each one's own figures too
        figures["pages"] = pages
    return figures


def _by_name(seen: list[dict], window: float) -> dict:
    """The figures of each request name the Locust processes saw (latencies after the warm-up)."""
    names = sorted({name for part in seen for name in part.get("by_name", {})})
    pages = {}
    for name in names:
        latencies = [value for part in seen for value in part["by_name"].get(name, [])]
        pages[name] = {
            "p50_ms": percentile(latencies, 50),
            "p95_ms": percentile(latencies, 95),
            "p99_ms": percentile(latencies, 99),
            "rps": round(len(latencies) / window, 1),
            "requests": len(latencies),
            "errors": sum(part.get("errors_by_name", {}).get(name, 0) for part in seen),
        }
    return pages


def locust_paced(
    run: Run,
    *,
    name: str,
    user_class: str,
    users: int,
    pace: float,
    seconds: float,
    url: str,
    env: dict,
    seed: Path,
    locustfile: Path | None = None,
) -> dict:
    """``users`` each asking once every ``pace`` seconds for ``seconds``, measured after a warm-up of one pace (when
    every user has started); the figures, without the acknowledgement files."""
    figures = locust(
        run,
        name=name,
        user_class=user_class,
        users=users,
        seconds=pace + 1 + seconds,
        warmup=pace + 1,
        url=url,
        env=env,
        seed=seed,
        extra={"BENCH_PACE": str(pace)},
        locustfile=locustfile,
    )
    figures.pop("_acked")
    return figures


def locust_window(
    run: Run, *, name: str, user_class: str, users: int, window: int, tail: int, url: str, env: dict, seed: Path
) -> tuple[dict, list[str]]:
    """``users`` each acting once, spread evenly over ``window`` seconds (then ``tail`` seconds for the last
    answers); the figures, their rate over the window, and the acknowledgement files apart."""
    figures = locust(
        run,
        name=name,
        user_class=user_class,
        users=users,
        seconds=window + tail,
        warmup=0,
        url=url,
        env=env,
        seed=seed,
        extra={"BENCH_WINDOW": str(window)},
    )
    figures["rps"] = round(figures["requests"] / window, 1)
    return figures, figures.pop("_acked")


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
