"""The PostgreSQL and Redis that ``make bench`` runs against: the machine's own on 127.0.0.1 by default (5432, the
cluster ``main``; 6379), or others named by ``BENCH_PG_PORT``, ``BENCH_PG_CLUSTER`` and ``BENCH_REDIS_PORT`` (a
Debian cluster made with ``pg_createcluster`` and a Redis of its own, e.g. to rehearse the fault drills without
touching the services other work uses). Starting, restarting and waiting for them."""

import os
import subprocess
import time

PG_PORT = int(os.environ.get("BENCH_PG_PORT", "5432"))
PG_CLUSTER = os.environ.get("BENCH_PG_CLUSTER", "main")
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "6379"))
PG_READY = ["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(PG_PORT)]
REDIS_PING = ["redis-cli", "-h", "127.0.0.1", "-p", str(REDIS_PORT), "ping"]
PSQL = ["psql", "-q", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", "postgres", "-c"]


def succeeds(command: list[str]) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0  # noqa: S603


def wait_until(command: list[str], *, seconds: float = 60, expect: bool = True) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if succeeds(command) == expect:
            return
        time.sleep(0.2)
    raise SystemExit(f"bench: {' '.join(command)} did not {'succeed' if expect else 'fail'} within {seconds:g}s")


def pg_version() -> str:
    return sorted(os.listdir("/etc/postgresql"))[-1]


def pg_ctl(action: str) -> None:
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), PG_CLUSTER, action]
    subprocess.run([*command, *(["-m", "fast"] if action != "start" else [])], capture_output=True, check=True)  # noqa: S603
    wait_until(PG_READY)


def redis_start() -> None:
    command = ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", str(REDIS_PORT)]
    command += ["--save", "", "--appendonly", "no", "--dir", "/var/lib/redis"]
    command += ["--logfile", f"/var/log/redis/bench-{REDIS_PORT}.log"]
    subprocess.run(command, capture_output=True, check=True)  # noqa: S603
    wait_until(REDIS_PING)


def redis_restart() -> None:
    """Stop Redis as a crash would (nothing saved; it keeps nothing on disk anyway), then start it empty."""
    subprocess.run([*REDIS_PING[:-1], "shutdown", "nosave"], capture_output=True, check=False)  # noqa: S603
    wait_until(REDIS_PING, seconds=20, expect=False)
    time.sleep(1.0)
    redis_start()


def ensure() -> None:
    """Start PostgreSQL and Redis when they are down (as .ci/run does)."""
    if not succeeds(PG_READY):
        pg_ctl("start")
    if not succeeds(REDIS_PING):
        redis_start()
