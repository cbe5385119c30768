"""The databases a run builds: the environments of the PostgreSQL and SQLite sides, their fresh databases and
seeds, and a gunicorn server on them."""

import os
import secrets
import subprocess
from concurrent.futures import ThreadPoolExecutor

from bench import services
from bench.plan import PY, ROOT, WORKERS, Run, log
from bench.processes import free_port, sh, start, wait_http


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

    if run.only:  # PostgreSQL only: the SQLite side is not measured
        log(f"building the PostgreSQL database {name}")
        build_postgres()
        return
    log(f"building the PostgreSQL database {name} and the SQLite file (in parallel)")
    with ThreadPoolExecutor(2) as pool:
        for future in [pool.submit(build_postgres), pool.submit(build_sqlite)]:
            future.result()


def server_start(run: Run, env: dict, name: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [PY, "-m", "gunicorn", "lms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)]
    server = start(run, [*command, "--log-level", "warning"], env=env, name=name)
    url = f"http://127.0.0.1:{port}"
    wait_http(f"{url}/healthz", server, seconds=180)  # workers boot slowly on a loaded machine
    return server, url
