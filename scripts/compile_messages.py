"""Compile every app's .po catalogues into .mo files.

Uses GNU msgfmt through Django's ``compilemessages`` (it also checks format strings) when gettext is
installed; otherwise writes the .mo files in pure Python, so a fresh machine needs nothing more.
"""

import ast
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ["lms", "kompeten_core", "courses", "assessments", "certificates", "placement"]
# The host's override of Wagtail's untranslated admin words (a LOCALE_PATHS entry, django and djangojs domains);
# written by hand, never extracted from our source.
WAGTAIL_OVERRIDE = ROOT / "lms" / "locale_wagtail"


def app_catalogues() -> list[Path]:
    return sorted(p for app in APPS for p in (ROOT / app / "locale").glob("*/LC_MESSAGES/django.po"))


def override_catalogues() -> list[Path]:
    return sorted(WAGTAIL_OVERRIDE.glob("*/LC_MESSAGES/*.po"))


def catalogues() -> list[Path]:
    return app_catalogues() + override_catalogues()


def po_entries(po: Path):
    """Yield (msgid, msgid_plural, [msgstr...], fuzzy) for every entry, the header included (msgid ""). An entry
    with a ``msgctxt`` has it before its msgid, joined by EOT (``context\x04msgid``), as GNU msgfmt stores it."""
    entry: dict[str, str] = {}
    flags = ""
    key = None

    def done():
        if "msgid" in entry:
            plural_keys = sorted(k for k in entry if k.startswith("msgstr["))
            strings = [entry[k] for k in plural_keys] if plural_keys else [entry.get("msgstr", "")]
            msgid = f"{entry['msgctxt']}\x04{entry['msgid']}" if "msgctxt" in entry else entry["msgid"]
            yield msgid, entry.get("msgid_plural"), strings, "fuzzy" in flags

    for raw in po.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            yield from done()
            entry, flags, key = {}, "", None
        elif line.startswith("#,"):
            flags += line
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and key:
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
    yield from done()


def write_mo(po: Path) -> None:
    messages = {}
    for msgid, plural, strings, fuzzy in po_entries(po):
        if (fuzzy and msgid) or not any(strings):
            continue
        key = f"{msgid}\0{plural}" if plural else msgid
        messages[key] = "\0".join(strings)
    keys = sorted(messages)
    ids = [k.encode() for k in keys]
    strs = [messages[k].encode() for k in keys]
    header_size = 7 * 4
    table = header_size + 16 * len(keys)
    ids_start = table
    offsets, data = [], b""
    for blob in ids:
        offsets.append((len(blob), ids_start + len(data)))
        data += blob + b"\0"
    strs_start = ids_start + len(data)
    str_offsets, str_data = [], b""
    for blob in strs:
        str_offsets.append((len(blob), strs_start + len(str_data)))
        str_data += blob + b"\0"
    output = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), header_size, header_size + 8 * len(keys), 0, 0)
    output += b"".join(struct.pack("ii", *o) for o in offsets)
    output += b"".join(struct.pack("ii", *o) for o in str_offsets)
    po.with_suffix(".mo").write_bytes(output + data + str_data)


def main() -> None:
    if shutil.which("msgfmt"):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "lms.settings.dev")}
        for app in APPS:
            # -P: the app folder must not shadow the standard library (lms/selectors.py vs selectors)
            args = [sys.executable, "-P", "-m", "django", "compilemessages", "-v", "0"]
            subprocess.run(args, cwd=ROOT / app, env={**env, "PYTHONPATH": str(ROOT)}, check=True)  # noqa: S603
        for po in override_catalogues():
            args = ["msgfmt", "--check-format", "-o", str(po.with_suffix(".mo")), str(po)]
            subprocess.run(args, check=True)  # noqa: S603 - our own argv
    else:
        for po in catalogues():
            write_mo(po)
    print(f"compiled {len(catalogues())} catalogues")


if __name__ == "__main__":
    main()
