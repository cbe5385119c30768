"""Extract every app's messages into its own catalogues (id, en) and fill the English one from the source.

Usage: .venv/bin/python scripts/messages_update.py   (then translate the empty Indonesian entries)
English is the source language, so each empty English msgstr becomes its msgid: the catalogue stays
complete without anyone retyping it. Indonesian entries are left for a translator; a test fails on any
empty or fuzzy one.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ["lms", "kompeten_core", "courses", "assessments", "certificates", "placement"]
LANGUAGES = ["id", "en"]


def makemessages(app: str) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.dev", "PYTHONPATH": str(ROOT)}
    # -P: the app folder must not shadow the standard library (lms/selectors.py vs selectors)
    args = [
        sys.executable,
        "-P",
        "-m",
        "django",
        "makemessages",
        "--no-location",
        "--no-obsolete",
        "--ignore",
        "migrations/*",
    ]
    for language in LANGUAGES:
        args += ["-l", language]
    subprocess.run(args, cwd=ROOT / app, env=env, check=True)  # noqa: S603 - our own argv


def _field(lines: list[str], key: str) -> list[str] | None:
    """The quoted lines of one field of an entry (``msgid "..."`` and its continuation lines)."""
    for i, line in enumerate(lines):
        if line.startswith(key + " "):
            value = [line[len(key) + 1 :]]
            for more in lines[i + 1 :]:
                if not more.startswith('"'):
                    break
                value.append(more)
            return value
    return None


def fill_english(po: Path) -> None:
    """English is the source language: every English msgstr is its msgid (fuzzy guesses included)."""
    blocks = po.read_text(encoding="utf-8").split("\n\n")
    out = [blocks[0]]  # the header
    for block in blocks[1:]:
        lines = [line for line in block.splitlines() if not line.startswith("#|") and line != "#, fuzzy"]
        lines = [line.replace(", fuzzy", "") if line.startswith("#,") else line for line in lines]
        msgid, plural = _field(lines, "msgid"), _field(lines, "msgid_plural")
        if msgid is None:
            out.append("\n".join(lines))
            continue
        head = [line for line in lines if line.startswith("#")]
        context = _field(lines, "msgctxt")
        body = ["msgctxt " + context[0], *context[1:]] if context else []
        body += ["msgid " + msgid[0], *msgid[1:]]
        if plural is None:
            body += ["msgstr " + msgid[0], *msgid[1:]]
        else:
            body += ["msgid_plural " + plural[0], *plural[1:]]
            body += ["msgstr[0] " + msgid[0], *msgid[1:], "msgstr[1] " + plural[0], *plural[1:]]
        out.append("\n".join(head + body))
    po.write_text("\n\n".join(out).rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    for app in APPS:
        (ROOT / app / "locale").mkdir(exist_ok=True)
        makemessages(app)
        fill_english(ROOT / app / "locale" / "en" / "LC_MESSAGES" / "django.po")


if __name__ == "__main__":
    main()
