"""History (issue #20, "cost flat in data size"): the autosave storm and the learning pages measured on the
database as the run has it, then again after bench/seed_history.py has added a centre's years of history (30,000
past trainees, 300,000 lesson completions, 1,000,000 saved answers, 20,000 certificates) to the same tables, on the
same server, with the same load. Target: the autosave, lesson page and dashboard p95 with the history ≤ 1.25 x
their p95 without it, measured minutes apart in the same run (so the machine's mood cancels out).

The lesson page's and the dashboard's figures are those of their requests within the paced learning pages (one
page every ``pages_pace`` seconds per trainee, three lessons to one course page to one dashboard), each stored as a
scenario of its own: ``lesson_page_fresh`` / ``lesson_page_history``, ``dashboard_page_fresh`` /
``dashboard_page_history``; the storm's are ``autosave_storm_fresh`` / ``autosave_storm_history``."""

import json

from bench.measure import locust_paced, storm, wrk
from bench.plan import PY, WORKERS, Run, log
from bench.processes import sh

#: What is compared, fresh against history: the scenario's name and the label of its target.
MEASURED = {"autosave_storm": "autosave storm", "lesson_page": "lesson page", "dashboard_page": "dashboard"}
#: The request names of bench/locustfile.py's LearnerUser whose figures become a scenario.
PAGES = {"lesson": "lesson_page", "dashboard": "dashboard_page"}
MAX_RATIO = 1.25


def history(run: Run, env: dict, url: str) -> None:
    _measure(run, env, url, phase="fresh")
    history_seed(run, env)
    _measure(run, env, url, phase="history")


def history_seed(run: Run, env: dict) -> None:
    plan = run.plan
    log(
        f"history: seeding {plan.history_trainees:,} past trainees, {plan.history_completions:,} lesson completions, "
        f"{plan.history_answers:,} saved answers, {plan.history_certificates:,} certificates"
    )
    command = [PY, "-m", "bench.seed_history", "--seed", str(run.work / "pg.json")]
    command += ["--trainees", str(plan.history_trainees), "--completions", str(plan.history_completions)]
    command += ["--answers", str(plan.history_answers), "--certificates", str(plan.history_certificates)]
    result = sh(command, env=env, timeout=1800)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    run.results["history_seed"] = figures
    log(f"history: seeded {figures}")


def _measure(run: Run, env: dict, url: str, *, phase: str) -> None:
    """The autosave storm and the learning pages, after the same warm-up, stored with the suffix ``_<phase>``."""
    plan, scenarios = run.plan, run.results["scenarios"]
    seed = run.work / "pg.json"
    seed_txt = str(seed.with_suffix(".txt"))
    log(f"history: warming up the workers on autosave, a lesson and the dashboard (not measured, {phase})")
    lesson = json.loads(seed.read_text())["lesson_urls"][0]
    for script, args in (
        ("post.lua", [seed_txt, "autosave"]),
        ("get.lua", [seed_txt, lesson]),
        ("get.lua", [seed_txt, "/dasbor/"]),
    ):
        wrk(run, script=script, args=args, connections=WORKERS, seconds=2, url=url)
    name = f"autosave_storm_{phase}"
    storm_args = {"users": plan.trainees, "seconds": plan.storm_seconds, "url": url, "env": env, "seed": seed}
    scenarios[name] = storm(run, name=name, target="autosave", **storm_args)
    log(f"learning_pages_{phase}: {plan.pages_users} trainees, one page every {plan.pages_pace:g}s each")
    pages = locust_paced(
        run,
        name=f"learning_pages_{phase}",
        user_class="LearnerUser",
        users=plan.pages_users,
        pace=plan.pages_pace,
        seconds=plan.pages_seconds,
        url=url,
        env=env,
        seed=seed,
    )
    scenarios[f"learning_pages_{phase}"] = pages
    for request_name, scenario in PAGES.items():
        figures = pages.get("pages", {}).get(request_name, {"requests": 0, "errors": 0})
        scenarios[f"{scenario}_{phase}"] = {**figures, "client_cpu_pct": pages["client_cpu_pct"]}


def history_ratios(run: Run) -> None:
    """``<scenario>_p95_history_vs_fresh`` for each one compared (None when either did not run or had no request)."""
    scenarios, ratios = run.results["scenarios"], run.results["ratios"]
    for name in MEASURED:
        fresh, after = scenarios.get(f"{name}_fresh"), scenarios.get(f"{name}_history")
        ratio = None
        if fresh and after and fresh.get("p95_ms") and after.get("requests"):
            ratio = round(after["p95_ms"] / fresh["p95_ms"], 2)
        ratios[f"{name}_p95_history_vs_fresh"] = ratio


def history_targets(run: Run) -> dict:
    if not run.history:
        return {}
    plan, scenarios, ratios = run.plan, run.results["scenarios"], run.results["ratios"]
    sizes = f"history of {plan.history_trainees:,} trainees"
    checks = {}
    for name, label in MEASURED.items():
        after = scenarios.get(f"{name}_history") or {}
        ok = bool(after.get("requests")) and not after.get("errors") and not after.get("lost_answers")
        ratio = ratios.get(f"{name}_p95_history_vs_fresh")
        checks[f"{label} p95 with the {sizes} ≤ {MAX_RATIO} x fresh, 0 errors"] = (
            ok and ratio is not None and ratio <= MAX_RATIO
        )
    return checks


def history_line(run: Run) -> str | None:
    """What the history seed made and how long it took, for the report (None when it did not run)."""
    seeded = run.results.get("history_seed")
    if not seeded:
        return None
    rows = ", ".join(f"{seeded[key]:,} {key}" for key in ("trainees", "completions", "answers", "certificates"))
    return f"history seeded: {rows} in {seeded['seeded_s']:g} s"


def history_smoke_problems(run: Run) -> list[str]:
    """That it ran: the seed reported its rows, the storm and the learning pages ran in both phases and lost
    nothing (the lesson and dashboard scenarios exist; a smoke run's few requests may miss the dashboard)."""
    scenarios = run.results["scenarios"]
    problems = [] if run.results.get("history_seed") else ["the history seed reported nothing"]
    for phase in ("fresh", "history"):
        for name in (f"autosave_storm_{phase}", f"learning_pages_{phase}"):
            figures = scenarios.get(name)
            if not figures or not figures.get("requests"):
                problems.append(f"{name} did not run")
            elif figures.get("lost_answers"):
                problems.append(f"{name} lost {figures['lost_answers']} answers")
            elif figures.get("errors"):
                problems.append(f"{name} answered {figures['errors']} errors")
        problems += [f"{s}_{phase} is missing" for s in PAGES.values() if f"{s}_{phase}" not in scenarios]
    return problems
