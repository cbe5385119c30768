"""Extract every app's messages into its own catalogues (id, en) and fill the English one from the source.

Usage: .venv/bin/python scripts/messages_update.py   (then translate the empty Indonesian entries)
English is the source language, so each empty English msgstr becomes its msgid: the catalogue stays
complete without anyone retyping it. Indonesian entries are left for a translator; a test fails on any
empty or fuzzy one.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ["lms", "courses", "assessments", "certificates"]
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


ENTRY = re.compile(r'(msgid (".*"(?:\n".*")*)\nmsgstr )""\n(?!")', re.MULTILINE)


def fill_english(po: Path) -> None:
    text = po.read_text(encoding="utf-8")
    header_end = text.index("\n\n") if "\n\n" in text else 0
    head, body = text[:header_end], text[header_end:]
    body = ENTRY.sub(lambda m: f"{m.group(1)}{m.group(2)}\n", body)
    body = body.replace("#, fuzzy\n", "")
    po.write_text(head + body, encoding="utf-8")


def main() -> None:
    for app in APPS:
        (ROOT / app / "locale").mkdir(exist_ok=True)
        makemessages(app)
        fill_english(ROOT / app / "locale" / "en" / "LC_MESSAGES" / "django.po")


if __name__ == "__main__":
    main()
