"""The processes a fault test starts for itself — a Redis server, a PostgreSQL cluster, a Celery worker, the site —
each on a free port, in its own temporary folder and process group, and stopped by the test that started it.
Nothing here touches the machine's own services."""

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG_BIN = Path(os.environ.get("KOMPETEN_PG_BIN", "/usr/lib/postgresql/15/bin"))
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def _postgres_leg() -> bool:
    database = os.environ.get("DATABASE_URL", "")
    return database.startswith(("postgres://", "postgresql://")) and bool(os.environ.get("CELERY_BROKER_URL"))


#: Fault tests run on the PostgreSQL + Redis leg of .ci/run, and are skipped on the embedded default.
skip_unless_postgres_leg = pytest.mark.skipif(
    not _postgres_leg(), reason="fault tests run on the PostgreSQL + Redis leg (DATABASE_URL, CELERY_BROKER_URL)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, *, timeout: float, interval: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"{what} not met within {timeout:.0f} s")


def _port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _stop_group(process: subprocess.Popen | None, *, grace: float = 10.0) -> None:
    """SIGTERM to the process group the process leads, SIGKILL after ``grace`` seconds."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def scratch_dir(name: str) -> Path:
    """A private temporary folder (under /tmp: PostgreSQL's own user must be able to enter it)."""
    path = Path(tempfile.mkdtemp(prefix=f"kompeten-faults-{name}-"))
    path.chmod(0o755)
    return path


def pg_url(settings_dict: dict) -> str:
    """A postgres:// URL for a Django database settings dict (how the worker finds pytest's test database)."""
    user = quote(settings_dict.get("USER") or "postgres", safe="")
    password = settings_dict.get("PASSWORD") or ""
    auth = f"{user}:{quote(password, safe='')}" if password else user
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}@{host}:{port}/{settings_dict['NAME']}"


class RedisServer:
    """``redis-server`` without persistence on a free port; ``kill()`` is a crash, ``start()`` brings it back on the
    same port, ``pause()``/``resume()`` freeze it (SIGSTOP/SIGCONT) so that it accepts but never answers."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        command += ["--dir", str(self.folder), "--logfile", str(self.folder / "redis.log")]
        self.process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL)
        wait_until(lambda: self.ping(), timeout=10, what=f"redis-server on port {self.port}")

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def pause(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
        _stop_group(self.process)


class PostgresCluster:
    """A PostgreSQL cluster of its own (initdb in a temporary folder, trust authentication, fsync off) on a free port.
    As root, its programs run as the ``postgres`` user, as PostgreSQL requires."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.running = False
        self._user = None
        if os.geteuid() == 0:
            self._user = pwd.getpwnam("postgres")
            os.chown(folder, self._user.pw_uid, self._user.pw_gid)

    def url(self, dbname: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *command: str) -> None:
        owner = {"user": self._user.pw_uid, "group": self._user.pw_gid} if self._user else {}
        subprocess.run(command, check=True, cwd=self.folder, capture_output=True, timeout=60, **owner)

    def init(self) -> None:
        self._run(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        options += " -c synchronous_commit=off -c full_page_writes=off"
        log = str(self.folder / "server.log")
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", log, "-w", "-t", "30", "-o", options, "start")
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop")
        self.running = False

    def close(self) -> None:
        if self.running:
            self.stop("immediate")

    def create_database_like(self, dbname: str, source: dict) -> None:
        """Create ``dbname`` here with the schema (and migration records) of the database in Django settings dict
        ``source`` — pytest's test database, already migrated: far quicker than running every migration again."""
        env = dict(os.environ, PGPASSWORD=source.get("PASSWORD") or "")
        where = ["-h", source.get("HOST") or "127.0.0.1", "-p", str(source.get("PORT") or 5432)]
        where += ["-U", source.get("USER") or "postgres"]
        target = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        subprocess.run([str(PG_BIN / "createdb"), *target, dbname], check=True, capture_output=True, timeout=30)
        for what in (["--schema-only"], ["--data-only", "--table=django_migrations"]):
            dump = subprocess.run(
                [str(PG_BIN / "pg_dump"), *where, "--no-owner", "--no-privileges", *what, source["NAME"]],
                check=True,
                capture_output=True,
                timeout=120,
                env=env,
            )
            subprocess.run(
                [str(PG_BIN / "psql"), *target, "-q", "-v", "ON_ERROR_STOP=1", "-d", dbname],
                input=dump.stdout,
                check=True,
                capture_output=True,
                timeout=120,
            )


class CeleryWorker:
    """``celery -A lms worker`` on one queue, one prefork child, in its own process group, logging to a file."""

    STARTED = re.compile(r"faults: task started (?P<name>\S+)\[(?P<id>[^\]]+)\] pid=(?P<pid>\d+)")

    def __init__(self, *, queue: str, env: dict, log: Path):
        self.queue = queue
        self.env = env
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [str(BIN / "celery"), "-A", "lms", "worker", "-Q", self.queue, "--concurrency=1", "--pool=prefork"]
        command += ["--loglevel=INFO", "-n", f"{self.queue}@%h", "--without-gossip", "--without-mingle"]
        command += ["--without-heartbeat"]
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.wait_for(r"\bready\.", timeout=60)

    def text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def wait_for(self, pattern: str | re.Pattern, *, timeout: float, after: int = 0) -> re.Match:
        """The first match of ``pattern`` in the log beyond character ``after``; fails if the worker exits first."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern

        def found():
            match = regex.search(self.text(), after)
            if match is None and self.process.poll() is not None:
                raise RuntimeError(f"the worker exited ({self.process.returncode}):\n{self.text()[-3000:]}")
            return match

        return wait_until(found, timeout=timeout, interval=0.05, what=f"{regex.pattern!r} in the worker log")

    def kill_group(self) -> None:
        """SIGKILL to the worker and its pool child at once: a crash, nothing is acknowledged or cleaned up."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        _stop_group(self.process)


class Site:
    """The project served by gunicorn from a subprocess (test settings, the given database, eager Celery, local
    cache)."""

    def __init__(self, *, database_url: str, log: Path):
        self.port = free_port()
        self.database_url = database_url
        self.log = log
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict:
        env = {
            k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"}
        }
        env.update(DJANGO_SETTINGS_MODULE="lms.settings.test", DATABASE_URL=self.database_url)
        return env

    def manage(self, *args: str, timeout: float = 120) -> str:
        done = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=self.env(), capture_output=True, text=True, timeout=timeout
        )
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
        return done.stdout

    def start(self) -> None:
        """Start gunicorn without waiting (see ``wait_ready``): it boots while the test does other work."""
        command = [str(BIN / "gunicorn"), "lms.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", "1"]
        command += ["--threads", "4", "--timeout", "60", "--graceful-timeout", "2", "--access-logfile", "-"]
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env(), stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def wait_ready(self) -> None:
        """Wait until the site answers (the first request also loads the application)."""

        def answers() -> bool:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log.read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=30) as response:
                    return response.status == 200
            except OSError:
                return False

        wait_until(answers, timeout=60, interval=0.2, what="the site answering")

    def stop(self) -> None:
        _stop_group(self.process)
