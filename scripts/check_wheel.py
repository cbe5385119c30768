"""Check that the wheel holds the four plugins and their shared layer with their templates and compiled catalogues,
and no host code."""

import sys
import zipfile

PLUGINS = ("kompeten_core", "courses", "assessments", "certificates", "placement")


def main(path: str) -> int:
    names = zipfile.ZipFile(path).namelist()
    tops = {name.split("/")[0] for name in names if not name.startswith("kompeten-")}
    problems = []
    if tops != set(PLUGINS):
        problems.append(f"top-level packages are {sorted(tops)}, expected {list(PLUGINS)}")
    for plugin in PLUGINS:
        for language in ("id", "en"):
            if f"{plugin}/locale/{language}/LC_MESSAGES/django.mo" not in names:
                problems.append(f"{plugin}: compiled {language} catalogue missing")
    if not any(name.startswith("courses/templates/") for name in names):
        problems.append("courses: templates missing")
    if "certificates/contexts/credentials-v2.jsonld" not in names:
        problems.append("certificates: the JSON-LD contexts credentials are canonicalised with are missing")
    for problem in problems:
        print(f"check_wheel: {problem}")
    if not problems:
        print(f"check_wheel: {path} holds {', '.join(PLUGINS)} ({len(names)} files)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
