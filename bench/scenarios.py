"""The scenarios of a run, in order: PostgreSQL (storms, ceilings, rush, learning pages, certificates, placement
matching and figures, fault drills), then the embedded default (SQLite)."""

import json
import sys

from bench import drills
from bench.databases import server_start
from bench.measure import ceiling_summary, locust, storm, sweep, wrk
from bench.plan import BENCH, CORES, PY, WORKERS, Run, log
from bench.processes import measured, sh, stop


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


PLACEMENT_USERS = 10  # paced users; each asks every users / rate seconds


def placement(run: Run, env: dict, url: str) -> None:
    """placement_match: a seeded population (bench/seed_placement.py), then one vacancy's match list paced at
    ``placement_rate`` per second; and the centre's placement figures page over it, when this build has it."""
    plan, scenarios = run.plan, run.results["scenarios"]
    seed = run.work / "placement.json"
    log(
        f"placement: seeding {plan.placement_seekers} job seekers, {plan.placement_certificates} certificates, "
        f"{plan.placement_verdicts} unit verdicts"
    )
    command = [PY, "-m", "bench.seed_placement", "--seekers", str(plan.placement_seekers)]
    command += ["--certificates", str(plan.placement_certificates), "--verdicts", str(plan.placement_verdicts)]
    result = sh([*command, "--out", str(seed)], env=env, timeout=1800)
    log(f"placement: seeded {result.stdout.strip().splitlines()[-1]}")
    figures_url = json.loads(seed.read_text())["figures_url"]
    pace = PLACEMENT_USERS / plan.placement_rate
    for name, user_class in (("placement_match", "MatchUser"), ("placement_figures", "FiguresUser")):
        if name == "placement_figures" and not figures_url:
            log("placement_figures: the figures page (admin/reports/placement-figures/) is not in this build")
            continue
        log(f"{name}: {PLACEMENT_USERS} users, {plan.placement_rate:g} requests/s in all")
        figures = locust(
            run,
            name=name,
            user_class=user_class,
            users=PLACEMENT_USERS,
            seconds=pace + 1 + plan.placement_seconds,
            warmup=pace + 1,
            url=url,
            env=env,
            seed=seed,
            extra={"BENCH_PACE": str(pace)},
        )
        figures.pop("_acked")
        scenarios[name] = figures


def placement_scenarios(run: Run, env: dict) -> None:
    """``run.py --only placement``: the floor storm (the reference of placement_match's target) and the placement
    scenarios, on gunicorn over PostgreSQL, nothing else."""
    plan, scenarios = run.plan, run.results["scenarios"]
    seed = run.work / "pg.json"
    server, url = server_start(run, env, "gunicorn")
    log(f"gunicorn ({WORKERS} workers) on {url}")
    log("warming up the workers (not measured)")
    wrk(run, script="post.lua", args=[str(seed.with_suffix(".txt")), "floor"], connections=WORKERS, seconds=2, url=url)
    storm_args = {"users": plan.trainees, "seconds": plan.storm_seconds, "url": url, "env": env, "seed": seed}
    scenarios["floor_storm"] = storm(run, name="floor_storm", target="floor", **storm_args)
    placement(run, env, url)
    stop(run, server)


def postgres_scenarios(run: Run, env: dict) -> None:
    plan, scenarios = run.plan, run.results["scenarios"]
    seed = run.work / "pg.json"
    seed_txt = str(seed.with_suffix(".txt"))
    server, url = server_start(run, env, "gunicorn")
    worker = drills.worker_start(run, env, "celery")
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
    placement(run, env, url)
    worker = drills.fault_drills(run, env=env, url=url, seed=seed, worker=worker)
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
