"""The recipe in deploy/ as the cluster test reads it, checked in the normal suite (no cluster needed): nginx accepts
the rendered site, and every unit's command line is complete from the environment files."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cluster import deploy_recipe as recipe
from tests.cluster.harness import NGINX


@pytest.mark.parametrize(
    ("unit", "program"),
    [
        ("kompeten-web.service", "gunicorn"),
        ("kompeten-worker.service", "celery"),
        ("kompeten-beat.service", "celery"),
    ],
)
def test_every_unit_command_is_complete_from_its_environment_files(tmp_path, unit, program):
    # Given the unit's environment as systemd would give it (common.env, then the role's file)
    env = recipe.unit_environment(unit)
    assert env["DJANGO_SETTINGS_MODULE"] == "lms.settings.production"
    # When its ExecStart is expanded, then every ${VAR} is set and the program is the release's
    command = recipe.unit_command(unit, env, bin_dir=tmp_path, hostname="node", state_dir=tmp_path)
    assert command[0] == f"{tmp_path}/{program}"
    assert not any("${" in part or "%H" in part for part in command)


def test_a_variable_no_environment_file_sets_is_refused(tmp_path):
    # Given the web unit's environment without KOMPETEN_BIND, when its command is expanded, then it is an error
    env = recipe.unit_environment("kompeten-web.service")
    del env["KOMPETEN_BIND"]
    with pytest.raises(KeyError, match="KOMPETEN_BIND"):
        recipe.unit_command("kompeten-web.service", env, bin_dir=tmp_path, hostname="node", state_dir=tmp_path)


@pytest.mark.skipif(not Path(NGINX).exists(), reason="needs Debian's nginx package (.ci/run installs it)")
def test_nginx_accepts_the_rendered_site(tmp_path):
    # Given deploy/nginx/kompeten.conf rendered for two local nodes, with a throwaway certificate
    for sub in ("snippets", "cache", "srv", "tmp"):
        (tmp_path / sub).mkdir()
    shutil.copy(recipe.DEPLOY / "nginx" / "kompeten-proxy.conf", tmp_path / "snippets")
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"),
            *("-keyout", str(key), "-out", str(certificate)),
        ],
        check=True,
        capture_output=True,
    )
    site = tmp_path / "kompeten.conf"
    site.write_text(
        recipe.nginx_site(
            app_ports=[18001, 18002],
            http_port=18080,
            https_port=18443,
            certificate=certificate,
            key=key,
            folder=tmp_path,
        )
    )
    assert "server 127.0.0.1:18001" in site.read_text() and "10.0.0.11" not in site.read_text()
    main = tmp_path / "nginx.conf"
    main.write_text(recipe.nginx_main(folder=tmp_path, site=site))
    # When nginx tests it, then it has no error
    check = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(main), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
