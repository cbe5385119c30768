"""Fail when the source holds a translatable string that a catalogue lacks, or a catalogue holds an entry that no
source uses any more (needs GNU gettext).

Extracts the messages again into a scratch copy of the tree and compares the msgids (with their msgctxt) with the
committed catalogues. Run by CI; fix with `scripts/messages_update.py` (it drops the unused entries too: makemessages
runs with --no-obsolete), then translate the new Indonesian entries. An unused entry is not harmless: Django merges
the apps' catalogues, so a stale translation in an earlier app wins over the one of the app that uses the message.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from compile_messages import APPS, po_entries

ROOT = Path(__file__).resolve().parents[1]


def msgids(po: Path) -> set[str]:
    return {msgid for msgid, _plural, _strings, _fuzzy in po_entries(po) if msgid}


def main() -> int:
    if not shutil.which("xgettext"):
        print("check_messages: GNU gettext is not installed; skipped")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "tree"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "artifacts", "media", "*.sqlite3*"))
        subprocess.run([sys.executable, str(copy / "scripts" / "messages_update.py")], check=True, capture_output=True)  # noqa: S603
        missing, unused = {}, {}
        for app in APPS:
            for po in sorted((ROOT / app / "locale").glob("*/LC_MESSAGES/django.po")):
                fresh = copy / po.relative_to(ROOT)
                lacking = msgids(fresh) - msgids(po)
                if lacking:
                    missing[str(po.relative_to(ROOT))] = sorted(lacking)
                stale = msgids(po) - msgids(fresh)
                if stale:
                    unused[str(po.relative_to(ROOT))] = sorted(stale)
    for po, lacking in missing.items():
        print(f"{po} lacks {len(lacking)} message(s): {lacking[:5]}")
    for po, stale in unused.items():
        print(f"{po} holds {len(stale)} message(s) no source uses: {stale[:5]}")
    if missing or unused:
        print("Run scripts/messages_update.py (it drops the unused entries too) and translate the new entries.")
        return 1
    print("check_messages: every catalogue holds every message in the source, and no other")
    return 0


if __name__ == "__main__":
    sys.exit(main())
