"""A Kompeten cluster on one machine, started from the recipe in ``deploy/`` (``tests/cluster/deploy_recipe.py``):

* two app nodes — gunicorn as ``kompeten-web.service`` runs it, each in its own temporary working directory with its
  own media and private folders (no shared disk) and its own port;
* one worker node — ``kompeten-worker.service`` — and the one beat (``kompeten-beat.service``);
* nginx (Debian's package, not the system's server: its own prefix and configuration in the run's folder, in the
  foreground) with the real ``deploy/nginx/kompeten.conf`` balancing between the app nodes, TLS on a self-signed pair;
* PostgreSQL: a fresh database of its own next to ``DATABASE_URL``'s, migrated; Redis: ``REDIS_URL`` and
  ``CELERY_BROKER_URL`` (flushed first); the object store: ``KOMPETEN_S3_*`` if set, else a moto_server of its own.

Every node reads the production settings with common.env + its role's file, and the overrides in ``_overrides``.
"""

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

from tests.cluster import deploy_recipe as recipe
from tests.object_store import MotoServer, free_port

ROOT = recipe.ROOT
BIN = Path(sys.executable).parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def wait_until(condition, *, timeout: float, what: str, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"{what} not met within {timeout:.0f} s")


def _stop_group(process: subprocess.Popen | None, sig: int = signal.SIGTERM, grace: float = 15.0) -> None:
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def _database_url(base: str, name: str) -> str:
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _psql(base_url: str, sql: str) -> None:
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", _database_url(base_url, "postgres"), "-c", sql],
        check=True,
        capture_output=True,
        timeout=60,
    )


def _psql_value(base_url: str, sql: str) -> str:
    done = subprocess.run(
        ["psql", "-tA", _database_url(base_url, "postgres"), "-c", sql],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout.strip()


def migrations_digest() -> str:
    """What the schema depends on: every migration file and the locked requirements (Wagtail's own migrations)."""
    digest = hashlib.sha256((ROOT / "requirements.txt").read_bytes())
    for path in sorted(ROOT.glob("*/**/migrations/*.py")):
        if ".venv" not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def static_digest() -> str:
    """What the collected static files depend on: the project's static folders and the locked requirements."""
    digest = hashlib.sha256((ROOT / "requirements.txt").read_bytes())
    for path in sorted(ROOT.glob("*/static/**/*")):
        if path.is_file() and path.parts[len(ROOT.parts)] not in {".venv", "static", "var", "node_modules"}:
            digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def _redis_flush(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


@dataclass
class Service:
    """One process of the cluster, in its own process group, logging to a file."""

    name: str
    command: list[str]
    env: dict[str, str]
    cwd: Path
    log: Path
    process: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                self.command, cwd=self.cwd, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def check_alive(self) -> None:
        if not self.alive():
            raise RuntimeError(f"{self.name} exited:\n{self.text()[-4000:]}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        _stop_group(self.process, sig)

    def kill(self) -> None:
        """SIGKILL to the whole group: a node that dies, nothing finished or cleaned up."""
        if self.alive():
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


@dataclass
class Cluster:
    folder: Path
    database_url: str
    redis_url: str
    broker_url: str
    s3: dict[str, str]
    http_port: int = field(default_factory=free_port)
    https_port: int = field(default_factory=free_port)
    app_ports: list[int] = field(default_factory=lambda: [free_port(), free_port()])
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(40))
    field_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    moto: MotoServer | None = None
    #: The release's collected static files, kept in var/ for the current static sources (``collectstatic`` with
    #: compression takes most of a minute; a release does it once, not per node).
    static_root: Path = field(default_factory=lambda: ROOT / "var" / "cluster-static" / static_digest())
    nodes: list[Service] = field(default_factory=list)
    worker: Service | None = None
    beat: Service | None = None
    nginx: Service | None = None

    # --- addresses ------------------------------------------------------------------------------------------
    @property
    def certificate(self) -> str:
        """nginx's self-signed certificate: what the test's requests trust."""
        return str(self.folder / "nginx" / "cert.pem")

    @property
    def url(self) -> str:
        """The site, through nginx (https, self-signed)."""
        return f"https://127.0.0.1:{self.https_port}"

    def node_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.app_ports[index]}"

    # --- environment ----------------------------------------------------------------------------------------
    def _overrides(self) -> dict[str, str]:
        """What differs from deploy/env/*.env on this machine: addresses, fresh secrets, the run's folders."""
        return {
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "CELERY_BROKER_URL": self.broker_url,
            **self.s3,
            "DJANGO_SECRET_KEY": self.secret_key,
            "KOMPETEN_FIELD_KEY": self.field_key,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_CSRF_TRUSTED_ORIGINS": self.url,
            "WAGTAILADMIN_BASE_URL": self.url,
            "KOMPETEN_PUBLIC_BASE_URL": self.url,
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "KOMPETEN_CERTIFICATE_KEYS_DIR": str(self.folder / "keys"),
            # The release's collected static files: part of the release (like the code), not shared state.
            "STATIC_ROOT": str(self.static_root),
            "KOMPETEN_TRUSTED_PROXIES": "127.0.0.1",
            "KOMPETEN_WEB_WORKERS": "2",
            "KOMPETEN_WORKER_CONCURRENCY": "2",
            "PYTHONPATH": str(ROOT),
        }

    def env(self, unit: str, **extra: str) -> dict[str, str]:
        base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": str(self.folder)}
        return {**base, **recipe.unit_environment(unit), **self._overrides(), **extra}

    def manage(self, *args: str, **extra: str) -> subprocess.Popen:
        """``manage.py ...`` with a worker node's environment (production settings), started, not waited for."""
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env("kompeten-worker.service", **extra),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def run(self, module: str, *args: str, timeout: float = 120) -> dict:
        """``python -m <module> ...`` on the cluster's database with a node's environment; its printed JSON."""
        done = subprocess.run(
            [sys.executable, "-m", module, *args],
            cwd=ROOT,
            env=self.env("kompeten-worker.service"),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode:
            raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    # --- services -------------------------------------------------------------------------------------------
    def app_node(self, index: int) -> Service:
        home = self.folder / f"app-{'ab'[index]}"
        for sub in ("media", "private", "tmp"):
            (home / sub).mkdir(parents=True, exist_ok=True)
        env = self.env(
            "kompeten-web.service",
            KOMPETEN_BIND=f"127.0.0.1:{self.app_ports[index]}",
            MEDIA_ROOT=str(home / "media"),
            PRIVATE_ROOT=str(home / "private"),
            TMPDIR=str(home / "tmp"),
        )
        command = recipe.unit_command(
            "kompeten-web.service", env, bin_dir=BIN, hostname=f"app-{'ab'[index]}", state_dir=home
        )
        return Service(f"app node {'AB'[index]}", command, env, home, self.folder / f"app-{'ab'[index]}.log")

    def worker_node(self) -> Service:
        home = self.folder / "worker"
        (home / "private").mkdir(parents=True, exist_ok=True)
        env = self.env("kompeten-worker.service", MEDIA_ROOT=str(home / "media"), PRIVATE_ROOT=str(home / "private"))
        command = recipe.unit_command("kompeten-worker.service", env, bin_dir=BIN, hostname="cluster", state_dir=home)
        return Service("worker", command, env, home, self.folder / "worker.log")

    def beat_node(self) -> Service:
        home = self.folder / "worker"
        env = self.env("kompeten-beat.service")
        command = recipe.unit_command("kompeten-beat.service", env, bin_dir=BIN, hostname="cluster", state_dir=home)
        return Service("beat", command, env, home, self.folder / "beat.log")

    def nginx_service(self) -> Service:
        folder = self.folder / "nginx"
        for sub in ("snippets", "cache", "srv/media", "srv/private", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        shutil.copy(recipe.DEPLOY / "nginx" / "kompeten-proxy.conf", folder / "snippets" / "kompeten-proxy.conf")
        certificate, key = folder / "cert.pem", folder / "key.pem"
        subprocess.run(
            [
                *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"),
                *("-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        site = folder / "kompeten.conf"
        site.write_text(
            recipe.nginx_site(
                app_ports=self.app_ports,
                http_port=self.http_port,
                https_port=self.https_port,
                certificate=certificate,
                key=key,
                folder=folder,
            )
        )
        main = folder / "nginx.conf"
        main.write_text(recipe.nginx_main(folder=folder, site=site))
        command = [NGINX, "-p", str(folder), "-c", str(main), "-e", str(folder / "error.log")]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        if check.returncode:
            raise RuntimeError(f"nginx -t refused the rendered deploy/nginx/kompeten.conf:\n{check.stderr}")
        return Service("nginx", command, {"PATH": os.environ.get("PATH", "")}, folder, folder / "stdout.log")

    # --- life cycle -----------------------------------------------------------------------------------------
    def start(self) -> None:
        _redis_flush(self.redis_url)
        _redis_flush(self.broker_url)
        if not self.s3:
            self.moto = MotoServer()
            self.moto.start()
            bucket = f"kompeten-cluster-{os.getpid()}"
            self.moto.create_bucket(bucket)
            self.s3 = self.moto.environment(bucket)
        started = time.monotonic()
        self.nginx = self.nginx_service()
        static = None
        if not (self.static_root / "staticfiles.json").exists():
            building = self.static_root.with_name(f"{self.static_root.name}.{os.getpid()}")
            static = self.manage("collectstatic", "--noinput", "-v", "0", STATIC_ROOT=str(building))
        self.database_create()
        print(f"cluster: database ready after {time.monotonic() - started:.1f} s", flush=True)
        # The copy is migrated already: migrate runs on it (as an upgrade would) while the nodes boot.
        migrate = self.manage("migrate", "--noinput", "-v", "0")
        if static is not None:
            self._finish(static, "collectstatic")
            if not self.static_root.exists():
                building.rename(self.static_root)
            else:
                shutil.rmtree(building, ignore_errors=True)
            print(f"cluster: static files collected after {time.monotonic() - started:.1f} s", flush=True)
        self.nodes = [self.app_node(0), self.app_node(1)]
        self.worker, self.beat = self.worker_node(), self.beat_node()
        for service in (*self.nodes, self.worker, self.beat, self.nginx):
            service.start()
        self._finish(migrate, "migrate")
        for index in range(2):
            self.wait_node(index)
        print(f"cluster: app nodes answer after {time.monotonic() - started:.1f} s", flush=True)
        wait_until(lambda: "ready." in self.worker.text() or self.worker.check_alive(), timeout=60, what="worker")
        wait_until(self._nginx_answers, timeout=30, what="nginx answering")

    @staticmethod
    def _finish(job: subprocess.Popen, what: str) -> None:
        out, _ = job.communicate(timeout=600)
        if job.returncode:
            raise RuntimeError(f"{what} failed:\n{out[-4000:]}")

    def database_create(self) -> None:
        """A fresh database for the cluster, a copy of a migrated template kept on the PostgreSQL server for the
        current migrations (``kompeten_cluster_template_<digest>``: running every migration takes minutes; copying
        the result takes a second). The first run, or the first after a migration changed, makes the template;
        ``start`` then runs ``migrate`` on the copy like an upgrade would (nothing to do, post-migrate hooks run)."""
        template = f"kompeten_cluster_template_{migrations_digest()}"
        exists = _psql_value(self.database_url, f"SELECT 1 FROM pg_database WHERE datname = '{template}'")
        if not exists:
            building = f"{template}_{os.getpid()}"
            _psql(self.database_url, f'CREATE DATABASE "{building}"')
            job = subprocess.run(
                [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                cwd=ROOT,
                env=self.env("kompeten-worker.service", DATABASE_URL=_database_url(self.database_url, building)),
                capture_output=True,
                text=True,
                timeout=900,
            )
            if job.returncode:
                _psql(self.database_url, f'DROP DATABASE IF EXISTS "{building}"')
                raise RuntimeError(f"migrate failed:\n{job.stdout[-2000:]}\n{job.stderr[-4000:]}")
            stale = _psql_value(
                self.database_url,
                "SELECT string_agg(datname, ' ') FROM pg_database"
                " WHERE datname ~ '^kompeten_cluster_template_[0-9a-f]{12}$'",
            )
            for name in stale.split():
                _psql(self.database_url, f'DROP DATABASE IF EXISTS "{name}"')
            try:
                _psql(self.database_url, f'ALTER DATABASE "{building}" RENAME TO "{template}"')
            except subprocess.CalledProcessError:  # another run made it meanwhile
                _psql(self.database_url, f'DROP DATABASE IF EXISTS "{building}"')
        name = urlsplit(self.database_url).path.lstrip("/")
        _psql(self.database_url, f'DROP DATABASE IF EXISTS "{name}"')
        _psql(self.database_url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

    def wait_node(self, index: int) -> None:
        node = self.nodes[index]

        def answers() -> bool:
            node.check_alive()
            try:
                return requests.get(f"{self.node_url(index)}/healthz", timeout=10).status_code == 200
            except requests.RequestException:
                return False

        wait_until(answers, timeout=90, interval=0.2, what=f"{node.name} answering")

    def restart_node(self, index: int) -> None:
        self.nodes[index].stop()
        self.nodes[index] = self.app_node(index)
        self.nodes[index].start()
        self.wait_node(index)

    def restart_worker(self) -> None:
        """``systemctl restart kompeten-worker``: SIGTERM (Celery's warm shutdown: running tasks finish, tasks not
        started stay in the broker), wait for it to exit, start it again and wait until it is ready."""
        _stop_group(self.worker.process, grace=120)
        seen = len(self.worker.text())
        self.worker = self.worker_node()
        self.worker.start()
        wait_until(
            lambda: "ready." in self.worker.text()[seen:] or self.worker.check_alive(), timeout=60, what="worker"
        )

    def _nginx_answers(self) -> bool:
        self.nginx.check_alive()
        try:
            return requests.get(f"{self.url}/healthz", verify=self.certificate, timeout=10).status_code == 200
        except requests.RequestException:
            return False

    def stop(self, *, keep_folder: bool = False) -> None:
        """Stop everything, drop the database; the run's folder (logs, configuration) is kept when asked."""
        services = [service for service in (self.nginx, *self.nodes, self.beat, self.worker) if service is not None]
        for service in services:  # all told at once, then waited for: the stop costs the slowest one only
            if service.alive():
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(service.process.pid, signal.SIGTERM)
        for service in services:
            service.stop()
        if self.moto is not None:
            self.moto.stop()
        name = urlsplit(self.database_url).path.lstrip("/")
        with contextlib.suppress(subprocess.SubprocessError):
            _psql(self.database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not keep_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def logs(self) -> str:
        parts = []
        for service in (*self.nodes, self.worker, self.beat, self.nginx):
            if service is not None:
                parts.append(f"--- {service.name} ---\n{service.text()[-3000:]}")
        return "\n".join(parts)


def cluster_from_environment() -> Cluster:
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kompeten")
    base_name = urlsplit(base).path.lstrip("/") or "kompeten"
    s3 = {k: v for k, v in os.environ.items() if k.startswith("KOMPETEN_S3_")}
    return Cluster(
        folder=Path(tempfile.mkdtemp(prefix="kompeten-cluster-")),
        database_url=_database_url(base, f"{base_name}_cluster"),
        redis_url=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5"),
        broker_url=os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/6"),
        s3=s3 if s3.get("KOMPETEN_S3_BUCKET") else {},
    )
