"""Audit the locked requirements for known vulnerabilities with pip-audit (run by `make audit` and CI).

Exit 1 when any pinned package has a known vulnerability. When no advisory service answers (PyPI's vulnerability
data and OSV both out of reach, as on a machine that sees only a package mirror), say so in one line and exit 0:
the run is marked as not audited rather than passing silently.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ("pypi", "osv")


def run(audit: Path, requirements: Path, service: str) -> dict | None:
    """pip-audit's JSON report from one advisory service, or None when the service could not be reached at all."""
    command = [str(audit), "-r", str(requirements), "--no-deps", "--disable-pip", "--progress-spinner", "off"]
    command += ["-f", "json", "-s", service, "--timeout", "20"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


def main() -> int:
    audit = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".auditenv" / "bin" / "pip-audit"
    requirements = ROOT / "requirements.txt"
    tried = []
    for service in SERVICES:
        report = run(audit, requirements, service)
        dependencies = (report or {}).get("dependencies", [])
        audited = [item for item in dependencies if "skip_reason" not in item]
        if not audited:
            tried.append(service)
            continue
        vulnerable = [item for item in audited if item.get("vulns")]
        for item in vulnerable:
            for vuln in item["vulns"]:
                fixes = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
                print(f"{item['name']} {item['version']}: {vuln['id']} (fixed in {fixes})")
        skipped = len(dependencies) - len(audited)
        print(
            f"dependency audit ({service}): {len(audited)} packages audited, {skipped} not found, "
            f"{len(vulnerable)} with known vulnerabilities"
        )
        return 1 if vulnerable else 0
    print(f"dependency audit: NOT AUDITED — no advisory service reachable ({', '.join(tried)} gave no data)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
