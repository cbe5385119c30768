"""`make audit` (scripts/audit.py) fails on a known vulnerability and never passes silently when nothing was audited.

pip-audit itself is played by a small executable that prints the JSON report pip-audit would: the advisory services
are out of this machine's reach, and what is tested here is how the script reads the report.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit.py"


def _tool(tmp_path: Path, report: dict | None) -> Path:
    tool = tmp_path / "pip-audit"
    body = "print(" + repr(json.dumps(report)) + ")" if report is not None else "raise SystemExit('no network')"
    tool.write_text(f"#!{sys.executable}\n{body}\n")
    tool.chmod(0o755)
    return tool


def _run(tool: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), str(tool)], capture_output=True, text=True, check=False)


def test_a_known_vulnerability_fails_the_audit_and_is_named(tmp_path):
    report = {
        "dependencies": [
            {"name": "django", "version": "5.2.19", "vulns": [{"id": "PYSEC-2099-1", "fix_versions": ["5.2.20"]}]},
            {"name": "segno", "version": "1.6.6", "vulns": []},
        ]
    }
    result = _run(_tool(tmp_path, report))
    assert result.returncode == 1
    assert "django 5.2.19: PYSEC-2099-1 (fixed in 5.2.20)" in result.stdout
    assert "2 packages audited" in result.stdout


def test_a_clean_report_passes(tmp_path):
    report = {"dependencies": [{"name": "segno", "version": "1.6.6", "vulns": []}]}
    result = _run(_tool(tmp_path, report))
    assert result.returncode == 0
    assert "1 packages audited, 0 not found, 0 with known vulnerabilities" in result.stdout


@pytest.mark.parametrize(
    "report",
    [{"dependencies": [{"name": "segno", "version": "1.6.6", "skip_reason": "Dependency not found on PyPI"}]}, None],
    ids=["every-package-unknown", "tool-failed"],
)
def test_no_advisory_service_says_not_audited_in_one_line(tmp_path, report):
    result = _run(_tool(tmp_path, report))
    assert result.returncode == 0
    assert result.stdout.strip().splitlines() == [
        "dependency audit: NOT AUDITED — no advisory service reachable (pypi, osv gave no data)"
    ]
