"""The deployment recipe's files (``deploy/``, docs/deploy.md) agree with the code they deploy, so they cannot rot
silently: every variable they set is one the settings read, every variable a unit uses is set for its role, the
proxy sends the headers the app trusts, and nginx's upload limits leave room for the site's own."""

import re
from pathlib import Path

from django.conf import settings

from kompeten_core.conf import settings as kompeten

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
#: Variables only the systemd units read (gunicorn's and Celery's command lines), not Django.
UNIT_ONLY = {"KOMPETEN_BIND", "KOMPETEN_WEB_WORKERS", "KOMPETEN_WORKER_CONCURRENCY"}


def _assigned(path: Path) -> set[str]:
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", path.read_text(), re.MULTILINE))


def test_every_variable_the_environment_files_set_is_documented_in_env_example():
    # Given the variables the settings document (.env.example) and those the role files set
    documented = _assigned(ROOT / ".env.example") | {"DJANGO_SETTINGS_MODULE"}
    for role in sorted((DEPLOY / "env").glob("*.env")):
        # Then each is documented, or read by the unit alone
        assert _assigned(role) - documented - UNIT_ONLY == set(), role.name


def test_every_variable_a_unit_uses_is_set_by_the_files_it_reads():
    for unit in sorted((DEPLOY / "systemd").glob("*.service")):
        text = unit.read_text()
        # Given the environment files the unit reads
        files = re.findall(r"^EnvironmentFile=/etc/kompeten/(\S+)$", text, re.MULTILINE)
        assert "common.env" in files, unit.name
        provided = set().union(*(_assigned(DEPLOY / "env" / name) for name in files))
        # Then every ${VARIABLE} of its command lines is set by one of them
        used = set(re.findall(r"\$\{([A-Z_]+)\}", text))
        assert used - provided == set(), unit.name


def test_the_proxy_sends_the_headers_the_app_trusts_and_never_resends_a_post():
    snippet = (DEPLOY / "nginx" / "kompeten-proxy.conf").read_text()
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in snippet
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in snippet
    production = (ROOT / "lms" / "settings" / "production.py").read_text()
    assert 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")' in production
    assert "non_idempotent" not in snippet
    assert "http_503" not in snippet  # the object store being down is an answer, not a failed node
    site = (DEPLOY / "nginx" / "kompeten.conf").read_text()
    assert site.count("include /etc/nginx/snippets/kompeten-proxy.conf;") == site.count("proxy_pass ")


def _megabytes(site: str, pattern: str) -> int:
    return int(re.search(pattern, site, re.DOTALL).group(1))


def test_nginx_upload_limits_leave_room_for_the_sites_own_clear_messages():
    site = (DEPLOY / "nginx" / "kompeten.conf").read_text()
    # The largest form upload (a portfolio file) reaches the site, which refuses anything larger with a message
    general = _megabytes(site, r"\n    client_max_body_size (\d+)m;")
    assert general * 1024 * 1024 > kompeten.PORTFOLIO_MAX_BYTES
    # And the admin takes the largest document Wagtail accepts
    admin = _megabytes(site, r"location /admin/ \{\s+client_max_body_size (\d+)m;")
    assert admin * 1024 * 1024 > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


def test_private_files_on_local_disk_are_internal_and_match_the_accel_prefix():
    site = (DEPLOY / "nginx" / "kompeten.conf").read_text()
    assert re.search(r"location /_private/ \{\s+internal;", site)
    assert "KOMPETEN_PRIVATE_ACCEL_PREFIX=/_private/" in (DEPLOY / "env" / "web.env").read_text()


def test_the_recipe_names_every_file_of_deploy():
    recipe = (ROOT / "docs" / "deploy.md").read_text()
    for path in sorted(DEPLOY.rglob("*")):
        if path.is_file():
            assert f"`{path.relative_to(ROOT)}`" in recipe, path
