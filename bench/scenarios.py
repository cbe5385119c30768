"""The scenarios of a run, in order: PostgreSQL (storms, ceilings, rush, learning pages, certificates, placement
matching and figures, attendance check-in, with ``--history`` the history's before and after, fault drills), then
the embedded default (SQLite)."""

import json
import sys
import urllib.request
from pathlib import Path

from bench import drills
from bench.databases import server_start
from bench.measure import ceiling_summary, locust_paced, locust_window, lost_answers, storm, sweep, wrk
from bench.plan import BENCH, CORES, PY, WORKERS, Run, log
from bench.processes import measured, sh, stop
from bench.scenario_api import api_progress
from bench.scenario_history import history


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
        scenarios[name] = locust_paced(
            run,
            name=name,
            user_class=user_class,
            users=PLACEMENT_USERS,
            pace=pace,
            seconds=plan.placement_seconds,
            url=url,
            env=env,
            seed=seed,
        )


def attendance(run: Run, env: dict, url: str) -> None:
    """attendance_checkin: a seeded timetable (bench/seed_attendance.py: sessions going on now, their trainees
    signed in, the QR tokens of every slot), then each trainee checks in once by the current slot's token, the
    check-ins spread evenly over ``attendance_window`` seconds; lost check-ins counted from the database."""
    plan, scenarios = run.plan, run.results["scenarios"]
    seed = run.work / "attendance.json"
    minutes = (plan.attendance_window + plan.attendance_tail) // 60 + 10  # the sessions outlast the scenario
    log(f"attendance: seeding {plan.attendance_sessions} sessions going on now, {plan.attendance_trainees} trainees")
    command = [PY, "-m", "bench.seed_attendance", "--trainees", str(plan.attendance_trainees)]
    command += ["--sessions", str(plan.attendance_sessions), "--minutes", str(minutes), "--out", str(seed)]
    result = sh(command, env=env, timeout=900)
    log(f"attendance: seeded {result.stdout.strip().splitlines()[-1]}")
    _checkin_warm(seed, url)
    log(
        f"attendance_checkin: {plan.attendance_trainees} trainees check in to {plan.attendance_sessions} sessions "
        f"within {plan.attendance_window}s"
    )
    figures, acked = locust_window(
        run,
        name="attendance_checkin",
        user_class="CheckInUser",
        users=plan.attendance_trainees,
        window=plan.attendance_window,
        tail=plan.attendance_tail,
        url=url,
        env=env,
        seed=seed,
    )
    figures["checked_in"] = sum(len(json.loads(Path(path).read_text())["acked"]) for path in acked)
    figures["lost_answers"] = lost_answers(env, "attendance", acked) if figures["checked_in"] else 0
    figures["lost_checkins"] = figures["lost_answers"]
    scenarios["attendance_checkin"] = figures


def _checkin_warm(seed: Path, url: str) -> None:
    """Warm every worker on the check-in page (not measured): each trainee of the first few opens the page a phone
    shows before "Check in" (a GET, which records nothing), as the autosave storm's workers are warmed by wrk."""
    data = json.loads(seed.read_text())
    log("attendance: warming up the workers on the check-in page (not measured)")
    for trainee in data["users"][: WORKERS * 3]:
        session_id = trainee["training_session"]
        token = next(iter(data["qr"][str(session_id)].values()))
        request = urllib.request.Request(  # noqa: S310 — our own server on 127.0.0.1
            f"{url}/jadwal/sesi/{session_id}/hadir/{token}/",
            headers={"Cookie": f"sessionid={trainee['session']}; csrftoken={trainee['csrf']}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            response.read()


def _floor_storm_first(run: Run, env: dict):
    """gunicorn over PostgreSQL, warmed up, and the floor storm (the reference of a scenario's target) measured on
    it: the server and its address, for the scenario that follows."""
    seed = run.work / "pg.json"
    server, url = server_start(run, env, "gunicorn")
    log(f"gunicorn ({WORKERS} workers) on {url}")
    log("warming up the workers (not measured)")
    wrk(run, script="post.lua", args=[str(seed.with_suffix(".txt")), "floor"], connections=WORKERS, seconds=2, url=url)
    storm_args = {"users": run.plan.trainees, "seconds": run.plan.storm_seconds, "url": url, "env": env, "seed": seed}
    run.results["scenarios"]["floor_storm"] = storm(run, name="floor_storm", target="floor", **storm_args)
    return server, url


def attendance_scenarios(run: Run, env: dict) -> None:
    """``run.py --only attendance``: the floor storm (the reference of attendance_checkin's target) and the
    attendance check-in, on gunicorn over PostgreSQL, nothing else."""
    server, url = _floor_storm_first(run, env)
    attendance(run, env, url)
    stop(run, server)


def history_scenarios(run: Run, env: dict) -> None:
    """``run.py --only history``: the floor storm, then the autosave storm and the learning pages on the fresh
    database, the history seeded, the same again (bench/scenario_history.py), on gunicorn over PostgreSQL, nothing
    else."""
    server, url = _floor_storm_first(run, env)
    history(run, env, url)
    stop(run, server)


def placement_scenarios(run: Run, env: dict) -> None:
    """``run.py --only placement``: the floor storm (the reference of placement_match's target) and the placement
    scenarios, on gunicorn over PostgreSQL, nothing else."""
    server, url = _floor_storm_first(run, env)
    placement(run, env, url)
    stop(run, server)


def api_scenarios(run: Run, env: dict) -> None:
    """``run.py --only api``: the floor storm (the reference of api_progress's target) and api_progress, on
    gunicorn over PostgreSQL, nothing else."""
    server, url = _floor_storm_first(run, env)
    api_progress(run, env, url)
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
    rush, _acked = locust_window(
        run,
        name="start_rush",
        user_class="StartRushUser",
        users=plan.trainees,
        window=plan.rush_window,
        tail=plan.rush_tail,
        url=url,
        env=env,
        seed=seed,
    )
    scenarios["start_rush"] = rush

    log(f"learning pages: {plan.pages_users} trainees, one page every {plan.pages_pace:g}s each")
    scenarios["learning_pages"] = locust_paced(
        run,
        name="learning_pages",
        user_class="LearnerUser",
        users=plan.pages_users,
        pace=plan.pages_pace,
        seconds=plan.pages_seconds,
        url=url,
        env=env,
        seed=seed,
    )
    page_ceilings(run, url=url, seed=seed)

    api_progress(run, env, url)
    certificates(run, env)
    placement(run, env, url)
    attendance(run, env, url)
    if run.history:  # last but the drills: the scenarios before it measure the database without the history
        history(run, env, url)
    worker = drills.fault_drills(run, env=env, url=url, seed=seed, worker=worker)
    stop(run, worker)
    stop(run, server)


def page_ceilings(run: Run, *, url: str, seed: Path) -> None:
    """The page ceilings (issue #20): the lesson, course and dashboard pages of signed-in trainees (wrk, their
    sessions in turn), the public pages of anonymous visitors, and the floor page (``bench/floor``: a fixed page of
    a lesson page's size, no database) measured the same way in the same run."""
    plan, scenarios = run.plan, run.results["scenarios"]
    data = json.loads(seed.read_text())
    seed_txt = str(seed.with_suffix(".txt"))
    signed_in = {
        "lesson_ceiling": data["lesson_urls"][0],
        "course_ceiling": data["course_url"],
        "dashboard_ceiling": "/dasbor/",
    }
    anonymous = {
        "floor_page_ceiling": "/bench/floor/page/",
        "public_home_ceiling": "/",
        "public_tracks_ceiling": data["track_index_url"],
        "public_track_ceiling": data["track_url"],
        "public_course_ceiling": data["course_url"],
    }
    log(f"page ceilings: wrk over {plan.lesson_connections} connections, {len(signed_in) + len(anonymous)} pages")
    for name, path in signed_in.items():
        args = [seed_txt, path, str(plan.pages_users)]
        scenarios[name] = ceiling_summary(
            [sweep(run, script="get.lua", args=args, connections=plan.lesson_connections, url=url)]
        )
    for name, path in anonymous.items():
        scenarios[name] = ceiling_summary(
            [sweep(run, script="get_anonymous.lua", args=[path], connections=plan.lesson_connections, url=url)]
        )


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
