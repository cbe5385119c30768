"""What a run reports: the ratios to the floor, the targets as [met]/[missed], the table, the smoke check."""

from bench import drills
from bench.plan import BENCH, Run
from bench.scenario_api import api_ratio, api_smoke_problems, api_targets
from bench.scenario_history import history_line, history_ratios, history_smoke_problems, history_targets


def ratios(run: Run) -> None:
    s, r = run.results["scenarios"], run.results["ratios"]

    def ratio(a: float, b: float):
        return round(a / b, 2) if b else None

    if not run.only:
        r["autosave_p95_vs_floor"] = ratio(s["autosave_storm"]["p95_ms"], s["floor_storm"]["p95_ms"])
        r["autosave_ceiling_vs_floor"] = ratio(s["autosave_ceiling"]["rps"], s["floor_ceiling"]["rps"])
        r.setdefault("certificate_vs_bare_render", None)
        page_ratios(s, r, ratio)
    match = s.get("placement_match")
    r["placement_match_p95_vs_floor"] = ratio(match["p95_ms"], s["floor_storm"]["p95_ms"]) if match else None
    api_ratio(run)
    if run.history:
        history_ratios(run)
    checkin = s.get("attendance_checkin")
    r["attendance_checkin_p95_vs_floor"] = ratio(checkin["p95_ms"], s["floor_storm"]["p95_ms"]) if checkin else None


#: The page ceilings (issue #20) and what each is compared with: the signed-in floor (one upsert) for the learning
#: pages, the no-database floor page for the anonymous public pages.
SIGNED_IN_PAGES = {"lesson_ceiling": 0.5, "course_ceiling": 0.4, "dashboard_ceiling": 0.4}
PUBLIC_PAGES = ("public_home_ceiling", "public_tracks_ceiling", "public_track_ceiling", "public_course_ceiling")


def page_ratios(s: dict, r: dict, ratio) -> None:
    for name in SIGNED_IN_PAGES:
        if name in s:
            r[f"{name}_vs_floor"] = ratio(s[name]["rps"], s["floor_ceiling"]["rps"])
    for name in PUBLIC_PAGES:
        if name in s:
            r[f"{name}_vs_floor_page"] = ratio(s[name]["rps"], s["floor_page_ceiling"]["rps"])
    pages, floor = s["learning_pages"], s["floor_storm"]
    r["learning_pages_p95_vs_floor"] = ratio(pages["p95_ms"], floor["p95_ms"])
    r["learning_pages_p99_vs_floor_p95"] = ratio(pages["p99_ms"], floor["p95_ms"])


def _page_targets(s: dict, r: dict, readers: int) -> dict:
    checks = {}
    for name, share in SIGNED_IN_PAGES.items():
        if name in s:
            label = name.removesuffix("_ceiling").replace("_", " ")
            checks[f"{label} page ceiling ≥ {share} x floor ceiling"] = (r.get(f"{name}_vs_floor") or 0) >= share
    for name in PUBLIC_PAGES:
        if name in s:
            label = name.removesuffix("_ceiling").replace("_", " ")
            checks[f"{label} page (anonymous) ceiling ≥ 0.5 x floor page ceiling"] = (
                r.get(f"{name}_vs_floor_page") or 0
            ) >= 0.5
    pages = s["learning_pages"]
    checks[f"learning pages ({readers} readers, one page each 5 s): p95 ≤ 2 x floor p95, p99 ≤ 4 x floor p95"] = (
        pages["requests"] > 0
        and pages["errors"] == 0
        and (r.get("learning_pages_p95_vs_floor") or 99) <= 2
        and (r.get("learning_pages_p99_vs_floor_p95") or 99) <= 4
    )
    return checks


def targets(run: Run) -> dict:
    s, r = run.results["scenarios"], run.results["ratios"]
    checks = {}
    if not run.only:
        checks = _product_targets(s, r)
        checks.update(_page_targets(s, r, run.plan.pages_users))
    if "placement_match" in s:
        match_ok = s["placement_match"]["requests"] > 0 and s["placement_match"]["errors"] == 0
        checks["placement match (10,000 job seekers, 10/s): p95 ≤ 4 x floor p95, 0 errors"] = (
            match_ok and (r["placement_match_p95_vs_floor"] or 99) <= 4
        )
    if "placement_figures" in s:
        figures = s["placement_figures"]
        checks["placement figures report over that population: p95 < 1 s, 0 errors"] = (
            figures["requests"] > 0 and figures["p95_ms"] < 1000 and figures["errors"] == 0
        )
    checks.update(api_targets(run))
    if "attendance_checkin" in s:
        checkin = s["attendance_checkin"]
        checkin_ok = checkin["requests"] > 0 and checkin["errors"] == 0 and checkin["lost_checkins"] == 0
        checkin_ok = checkin_ok and checkin["checked_in"] == checkin["users"]  # every trainee acknowledged once
        checks["attendance check-in (300 trainees, 10 sessions, 2 min): 0 lost, 0 errors, p95 ≤ 2 x floor p95"] = (
            checkin_ok and (r["attendance_checkin_p95_vs_floor"] or 99) <= 2
        )
    checks.update(history_targets(run))
    if not run.only:
        checks.update(drills.targets(s))
    return checks


def _product_targets(s: dict, r: dict) -> dict:
    storm_ok = s["autosave_storm"]["lost_answers"] == 0 and s["autosave_storm"]["errors"] == 0
    checks = {
        "autosave storm: 0 lost, 0 errors, p95 ≤ 2 x floor p95": storm_ok and (r["autosave_p95_vs_floor"] or 99) <= 2,
        "autosave ceiling ≥ 0.5 x floor ceiling": (r["autosave_ceiling_vs_floor"] or 0) >= 0.5,
        "start rush p95 < 500 ms, 0 errors": s["start_rush"]["requests"] > 0
        and s["start_rush"]["p95_ms"] < 500
        and s["start_rush"]["errors"] == 0,
    }
    if r.get("certificate_vs_bare_render") is not None:
        checks["certificate render + sign ≤ 1.3 x bare render"] = r["certificate_vs_bare_render"] <= 1.3
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
    for name in ("autosave_ceiling", "floor_ceiling", *SIGNED_IN_PAGES, "floor_page_ceiling", *PUBLIC_PAGES):
        f = run.results["scenarios"].get(name)
        if f:
            low, high = f["ceiling_rps_range"]
            lines.append(f"{name}: median {f['ceiling_rps_median']:g} req/s (range {low:g}-{high:g}, p95 < 200 ms)")
    for name, value in run.results["ratios"].items():
        lines.append(f"{name}: {'—' if value is None else value}")
    if history_line(run):
        lines.append(history_line(run))
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
    if run.only == "api":
        expected = ["floor_storm"]
    elif run.only == "placement":
        expected = ["floor_storm", "placement_match"]
    elif run.only == "attendance":
        expected = ["floor_storm", "attendance_checkin"]
    elif run.only == "history":
        expected = ["floor_storm"]
    else:
        expected = ["autosave_storm", "floor_storm", "autosave_ceiling", "floor_ceiling", "start_rush"]
        expected += ["learning_pages", *SIGNED_IN_PAGES, "floor_page_ceiling", *PUBLIC_PAGES]
        expected += [f"sqlite_storm_{count}" for count in run.plan.sqlite_levels]
        expected += ["drill_postgres_restart", "drill_redis_restart", "drill_worker_kill", "placement_match"]
        expected += ["attendance_checkin"]
    for name in expected:
        figures = run.results["scenarios"].get(name)
        if not figures or not (figures.get("requests") or figures.get("points")):
            problems.append(f"{name} did not run")
        elif figures.get("lost_answers"):
            problems.append(f"{name} lost {figures['lost_answers']} answers")
    for name in ("placement_match", "placement_figures", "attendance_checkin"):
        figures = run.results["scenarios"].get(name)
        if figures and figures.get("errors"):
            problems.append(f"{name} answered {figures['errors']} errors")
    if not run.only or run.only == "api":
        problems += api_smoke_problems(run)
    if run.history:
        problems += history_smoke_problems(run)
    checkin = run.results["scenarios"].get("attendance_checkin")
    if checkin and checkin.get("checked_in") != checkin.get("users"):
        counts = f"{checkin.get('checked_in')} of {checkin.get('users')}"
        problems.append(f"attendance_checkin: {counts} trainees checked in")
    for label, ok in ({} if run.only else drills.targets(run.results["scenarios"])).items():
        if not ok:
            problems.append(f"drill missed: {label}")
    if (
        not run.only
        and (BENCH / "scenario_certificates.py").exists()
        and not any(name.startswith("certificate") for name in run.results["scenarios"])
    ):
        problems.append("the certificate scenario reported nothing")
    return problems
