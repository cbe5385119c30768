"""kompeten_core is the bottom layer: it imports no plugin and no host, and the host's account security needs no
plugin for its rate limits."""

import ast
from pathlib import Path

from tests.plugin_isolation import imported_top_level_packages

ROOT = Path(__file__).resolve().parents[2]


def test_kompeten_core_imports_no_plugin_and_no_host():
    assert imported_top_level_packages("kompeten_core").isdisjoint(
        {"lms", "courses", "assessments", "certificates", "placement"}
    )


def test_the_hosts_account_security_imports_no_certificates_module():
    for name in ("ratelimit.py", "lockout.py", "two_factor.py", "views_accounts.py", "forms_accounts.py"):
        path = ROOT / "lms" / name
        if not path.exists():  # (the host may have moved it into a package)
            continue
        modules = {
            node.module
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) and node.module
        }
        assert not any(module.startswith("certificates") for module in modules), name
