"""Demo curriculum: one module per track, each holding plain data (TRACK) and its locally drawn images (IMAGES).
``blocks`` builds lesson blocks in the format below; ``drawing`` holds shared Pillow helpers.

The format every track module follows (checked by ``validate``; loaded by ``lms.demo.courses``):

TRACK = {
    "slug": str, "title": str, "short_description": str (<= 250 chars), "intro": rich-text HTML,
    "icon": one of ICONS, "colour": "#rrggbb", "image": key of IMAGES,
    "courses": [{
        "slug", "title", "summary": plain text (<= 600 chars), "outcomes": [plain text, ...],
        "kkni_level": int 1..9 or None, "jp_hours": int, "sequential": bool, "image": key of IMAGES,
        "modules": [{
            "slug", "title", "intro": rich-text HTML,
            "lessons": [{
                "slug", "title", "minutes": int, "required": bool,
                "body": [(block_type, value), ...]   # block types and values below
            }],
        }],
    }],
}
IMAGES = {key: callable() -> PIL.Image.Image}

Block values:
    ("text", "<p>..</p>")      rich text: <p> <h2> <h3> <b> <i> <ul>/<ol>/<li> <a href> <code> only
    ("image", {"image": key, "caption": str, "alt_text": str})
    ("callout", {"kind": "info" | "warning" | "k3", "title": str, "text": "<p>..</p>"})
    ("code", {"language": "python" | "text" | "ladder" | "c" | "bash" | "json", "code": str, "caption": str})
    ("table", {"caption": str, "header": [str, ...], "rows": [[str, ...], ...]})
    ("quick_check", {"question": str, "options": [{"text": str, "correct": bool, "feedback": str}, ...],
                     "explanation": "<p>..</p>"})
"""

import importlib
import re

from django.core.exceptions import ValidationError

from courses.interactive.kinds import INTERACTIVE_BLOCKS

TRACK_MODULES = ["garment", "mechatronics", "ev_automotive", "artificial_intelligence", "languages"]
ICONS = ["garment", "mechatronics", "ev", "ai", "language"]
BLOCK_TYPES = {"text", "image", "callout", "code", "table", "quick_check"}
#: The interactive blocks (courses.interactive.blocks), checked by the blocks' own validation.
INTERACTIVE_TYPES = {"sort", "fill_blanks", "hotspots", "branching", "flashcards"}
ALLOWED_TAGS = {"p", "h2", "h3", "b", "i", "ul", "ol", "li", "a", "code", "br"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def tracks() -> list[tuple[dict, dict]]:
    """(TRACK, IMAGES) of every demo track, in menu order."""
    loaded = []
    for name in TRACK_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        loaded.append((module.TRACK, module.IMAGES))
    return loaded


def _html_problems(where: str, html: str) -> list[str]:
    tags = {tag.lower() for tag in re.findall(r"</?([a-zA-Z0-9]+)", html)}
    problems = [f"{where}: tag <{tag}> not allowed" for tag in sorted(tags - ALLOWED_TAGS)]
    if not html.strip().startswith("<"):
        problems.append(f"{where}: rich text must be HTML (start with a tag such as <p>)")
    return problems


def _block_problems(where: str, block, images: dict) -> list[str]:
    if not (isinstance(block, tuple) and len(block) == 2):
        return [f"{where}: a block is a (type, value) pair"]
    kind, value = block
    if kind not in BLOCK_TYPES | INTERACTIVE_TYPES:
        return [f"{where}: unknown block type {kind!r}"]
    problems = []
    if kind == "text":
        problems += _html_problems(where, value)
    elif kind == "image":
        if value.get("image") not in images:
            problems.append(f"{where}: image {value.get('image')!r} is not in IMAGES")
        if not value.get("alt_text"):
            problems.append(f"{where}: image needs alt_text")
    elif kind == "callout":
        if value.get("kind") not in {"info", "warning", "k3"}:
            problems.append(f"{where}: callout kind must be info, warning or k3")
        problems += _html_problems(f"{where} callout", value.get("text", ""))
    elif kind == "code":
        if value.get("language") not in {"python", "text", "ladder", "c", "bash", "json"}:
            problems.append(f"{where}: unknown code language")
        if not value.get("code", "").strip():
            problems.append(f"{where}: empty code")
    elif kind == "table":
        width = len(value.get("header", []))
        if not width or any(len(row) != width for row in value.get("rows", [])) or not value.get("rows"):
            problems.append(f"{where}: table rows must be as wide as the header")
    elif kind in INTERACTIVE_TYPES:
        problems += _interactive_problems(where, kind, value, images)
    elif kind == "quick_check":
        options = value.get("options", [])
        if not 2 <= len(options) <= 6 or not any(option.get("correct") for option in options):
            problems.append(f"{where}: a quick check has 2-6 options, at least one correct")
        problems += _html_problems(f"{where} explanation", value.get("explanation", "<p></p>"))
    return problems


def _interactive_problems(where: str, kind: str, value: dict, images: dict) -> list[str]:
    """What the instructor's editor would refuse in an interactive block (the hotspots' picture checked by key)."""
    block = INTERACTIVE_BLOCKS[kind]()
    try:
        if kind == "hotspots":  # the picture is drawn later: its key is checked, the points by their own block
            if value.get("image") not in images:
                return [f"{where}: the hotspots' image is not in IMAGES"]
            spots = block.child_blocks["spots"]
            spots.clean(spots.to_python(value["spots"]))
            labels = [spot["label"].strip().casefold() for spot in value["spots"]]
            if len(set(labels)) != len(labels):
                return [f"{where}: two hotspots have the same label"]
        else:
            block.clean(block.to_python(value))
    except ValidationError as error:
        return [f"{where}: {kind}: {error}"]
    return []


def validate(track: dict, images: dict) -> list[str]:
    """Every problem in one track's data, as readable strings (empty when it is sound)."""
    problems = []
    if not SLUG.match(track.get("slug", "")):
        problems.append(f"track slug {track.get('slug')!r}")
    if track.get("icon") not in ICONS:
        problems.append(f"track icon must be one of {ICONS}")
    if not re.match(r"^#[0-9a-fA-F]{6}$", track.get("colour", "")):
        problems.append("track colour must be #rrggbb")
    if len(track.get("short_description", "")) > 250:
        problems.append("track short_description is longer than 250 characters")
    if track.get("image") not in images:
        problems.append("track image is not in IMAGES")
    problems += _html_problems("track intro", track.get("intro", ""))
    courses = track.get("courses", [])
    if not courses:
        problems.append("a track needs at least one course")
    for course in courses:
        c = course.get("slug", "?")
        if not SLUG.match(course.get("slug", "")):
            problems.append(f"course slug {c!r}")
        if len(course.get("summary", "")) > 600:
            problems.append(f"{c}: summary longer than 600 characters")
        if course.get("image") not in images:
            problems.append(f"{c}: image is not in IMAGES")
        level = course.get("kkni_level")
        if level is not None and not 1 <= level <= 9:
            problems.append(f"{c}: KKNI level must be 1..9")
        modules = course.get("modules", [])
        if len(modules) < 2:
            problems.append(f"{c}: at least two modules")
        for module in modules:
            m = f"{c}/{module.get('slug', '?')}"
            if not SLUG.match(module.get("slug", "")):
                problems.append(f"{m}: slug")
            problems += _html_problems(f"{m} intro", module.get("intro", ""))
            lessons = module.get("lessons", [])
            if len(lessons) < 3:
                problems.append(f"{m}: at least three lessons")
            for lesson in lessons:
                here = f"{m}/{lesson.get('slug', '?')}"
                if not SLUG.match(lesson.get("slug", "")):
                    problems.append(f"{here}: slug")
                if not lesson.get("body"):
                    problems.append(f"{here}: empty body")
                for number, block in enumerate(lesson.get("body", []), start=1):
                    problems += _block_problems(f"{here} block {number}", block, images)
    return problems
