"""Read the deployment recipe in ``deploy/`` — the systemd units, the role environment files and the nginx site —
so that the cluster test runs what an installation runs, and the recipe cannot rot unnoticed.

The substitutions are few and each is listed here (and in docs/deploy.md, "The cluster test"):

* units: ``/srv/kompeten/app/.venv/bin/`` becomes this checkout's virtualenv and ``/var/lib/kompeten/`` a folder of
  the run; ``${VAR}`` / ``%H`` are expanded as systemd does, from the environment the unit would get (common.env +
  the role's file + the cluster's overrides, ``harness.Cluster._overrides``);
* nginx: the ``upstream kompeten_app`` servers become the app nodes' ports; ``listen 80`` / ``listen 443`` become
  free ports on 127.0.0.1 (the ``[::]`` twins are dropped); the certificate paths become a self-signed pair made for
  the run; ``/etc/nginx/snippets/``, ``/var/cache/nginx/`` and ``/srv/kompeten/`` become folders of the run.
"""

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
RELEASE_VENV = "/srv/kompeten/app/.venv/bin/"
STATE_DIR = "/var/lib/kompeten/"


def env_file(name: str) -> dict[str, str]:
    """``deploy/env/<name>``: KEY=value lines, comments and blank lines skipped (systemd's EnvironmentFile)."""
    values = {}
    for line in (DEPLOY / "env" / name).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip()
    return values


def unit_environment(unit: str) -> dict[str, str]:
    """The variables a unit's ``EnvironmentFile=`` lines give it, in order (a later file wins)."""
    values: dict[str, str] = {}
    for line in _unit_lines(unit):
        if line.startswith("EnvironmentFile="):
            path = line.partition("=")[2].lstrip("-")
            values.update(env_file(Path(path).name))
    return values


def _unit_lines(unit: str) -> list[str]:
    """The unit's lines with backslash continuations joined."""
    text = (DEPLOY / "systemd" / unit).read_text()
    return re.sub(r"\\\n\s*", " ", text).splitlines()


def unit_command(unit: str, env: dict[str, str], *, bin_dir: Path, hostname: str, state_dir: Path) -> list[str]:
    """The unit's ``ExecStart=`` as an argument list: ``${VAR}`` from ``env``, ``%H`` the host name, the release's
    virtualenv replaced by ``bin_dir`` and its ``StateDirectory`` (/var/lib/kompeten/) by ``state_dir``."""
    (line,) = [line for line in _unit_lines(unit) if line.startswith("ExecStart=")]
    command = line.partition("=")[2].replace(RELEASE_VENV, f"{bin_dir}/").replace("%H", hostname)
    command = command.replace(STATE_DIR, f"{state_dir}/")

    def expand(match: re.Match) -> str:
        name = match.group(1)
        if name not in env:
            raise KeyError(f"{unit} uses ${{{name}}}, which no environment file gives")
        return env[name]

    return shlex.split(re.sub(r"\$\{(\w+)\}", expand, command))


def nginx_site(
    *, app_ports: list[int], http_port: int, https_port: int, certificate: Path, key: Path, folder: Path
) -> str:
    """``deploy/nginx/kompeten.conf`` with the cluster's ports and the run's folders (module docstring)."""
    text = (DEPLOY / "nginx" / "kompeten.conf").read_text()
    servers = "".join(f"    server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;\n" for port in app_ports)
    text, count = re.subn(r"(upstream kompeten_app \{\n)(?:\s*server [^\n]*\n)+", rf"\g<1>{servers}", text)
    assert count == 1, "deploy/nginx/kompeten.conf: no upstream kompeten_app with server lines"
    text = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", text)
    text = re.sub(r"listen 80;", f"listen 127.0.0.1:{http_port};", text)
    text = re.sub(r"listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl", text)
    text = re.sub(r"ssl_certificate [^;]+;", f"ssl_certificate {certificate};", text)
    text = re.sub(r"ssl_certificate_key [^;]+;", f"ssl_certificate_key {key};", text)
    text = text.replace("/etc/nginx/snippets/", f"{folder}/snippets/")
    text = text.replace("/var/cache/nginx/", f"{folder}/cache/")
    text = text.replace("/srv/kompeten/", f"{folder}/srv/")
    return text


def nginx_main(*, folder: Path, site: Path) -> str:
    """The main nginx.conf around the site, as Debian's /etc/nginx/nginx.conf would include it, in the foreground."""
    return f"""daemon off;
master_process on;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/tmp/body;
    proxy_temp_path {folder}/tmp/proxy;
    fastcgi_temp_path {folder}/tmp/fastcgi;
    uwsgi_temp_path {folder}/tmp/uwsgi;
    scgi_temp_path {folder}/tmp/scgi;
    sendfile on;
    gzip on;
    include {site};
}}
"""
