"""Helpers for the tests that hand a credential to the independent verifier in ``tests/verifier/`` (no tests here).

The verifier is Digital Bazaar's JavaScript Verifiable Credentials stack, installed by ``npm ci --prefix
tests/verifier`` (CI does it before the suite). Without ``node`` or without that install, the tests that need it
skip, saying which is missing.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

VERIFIER = Path(__file__).resolve().parents[1] / "verifier"


def node_or_skip() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the independent credential verifier (tests/verifier/) needs Node 20+")
    if not (VERIFIER / "node_modules" / "@digitalbazaar" / "vc").is_dir():
        pytest.skip("the independent credential verifier is not installed: run `npm ci --prefix tests/verifier`")
    return node


def published(client, certificate) -> dict:
    """What a verifier fetches from the site: the credential JSON, the issuer's DID document and status list."""
    issuer, code = certificate.issuer, certificate.verification_code
    return {
        "credential": client.get(reverse("certificates:credential_json", args=[code])).json(),
        "did": client.get(reverse("certificates:issuer_did", args=[issuer.code])).json(),
        "status": client.get(reverse("certificates:status_list", args=[issuer.code]), {"format": "json"}).json(),
    }


def node_verify(folder: Path, *, credential: dict, did: dict, status: dict | None = None) -> dict:
    """Run ``node tests/verifier/verify.mjs`` on these documents (written to files in ``folder``); its verdict."""
    node = node_or_skip()
    arguments = [node, str(VERIFIER / "verify.mjs")]
    for name, document in (("credential", credential), ("did", did), ("status", status)):
        if document is not None:
            path = folder / f"{name}.json"
            path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
            arguments += [f"--{name}", str(path)]
    completed = subprocess.run(arguments, capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode in (0, 1), completed.stderr
    verdict = json.loads(completed.stdout)
    assert verdict["verified"] is (completed.returncode == 0)
    return verdict
