"""``api_progress``: the trainees' phone app on the JSON API — ``plan.trainees`` phone clients (300), each with its
own bearer token of one public client (bench/seed_api.py), reading their dashboard's data (my enrolments with
progress, my exam attempts) and marking lessons done, one call every ``plan.pace`` seconds each: the floor storm's
pacing, so that its p95 is compared with the floor's (target: p95 ≤ 2 x the floor's paced p95, 0 errors)."""

from bench.measure import locust_paced
from bench.plan import BENCH, PY, Run, log
from bench.processes import sh

TARGET = "api progress (300 phone clients, paced): p95 ≤ 2 x floor p95, 0 errors"


def api_progress(run: Run, env: dict, url: str) -> None:
    plan = run.plan
    seed = run.work / "api.json"
    result = sh([PY, "-m", "bench.seed_api", "--seed", str(run.work / "pg.json"), "--out", str(seed)], env=env)
    log(f"api_progress: {result.stdout.strip().splitlines()[-1]}")
    log(f"api_progress: {plan.trainees} phone clients, one API call every {plan.pace:g}s each")
    figures = locust_paced(
        run,
        name="api_progress",
        user_class="ApiProgressUser",
        users=plan.trainees,
        pace=plan.pace,
        seconds=plan.storm_seconds,
        url=url,
        env=env,
        seed=seed,
        locustfile=BENCH / "locust_api.py",
    )
    run.results["scenarios"]["api_progress"] = figures


def api_ratio(run: Run) -> None:
    """``api_progress_p95_vs_floor``: the scenario's p95 over the floor storm's (None when either did not run)."""
    scenarios = run.results["scenarios"]
    progress, floor = scenarios.get("api_progress"), scenarios.get("floor_storm")
    ratio = None
    if progress and floor and floor["p95_ms"]:
        ratio = round(progress["p95_ms"] / floor["p95_ms"], 2)
    run.results["ratios"]["api_progress_p95_vs_floor"] = ratio


def api_targets(run: Run) -> dict:
    progress = run.results["scenarios"].get("api_progress")
    if not progress:
        return {}
    ratio = run.results["ratios"].get("api_progress_p95_vs_floor")
    met = progress["requests"] > 0 and progress["errors"] == 0 and ratio is not None and ratio <= 2
    return {TARGET: met}


def api_smoke_problems(run: Run) -> list[str]:
    progress = run.results["scenarios"].get("api_progress")
    if not progress or not progress.get("requests"):
        return ["api_progress did not run"]
    if progress.get("errors"):
        return [f"api_progress answered {progress['errors']} errors"]
    return []
