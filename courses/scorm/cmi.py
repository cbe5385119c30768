"""The SCORM data model on the server: which CMI values a package may write, checked, and what they mean.

The runtime in the frame (``static/courses/scorm/runtime.js``) keeps the values a package sets and commits them as
one JSON object ``{name: string value}``; ``cmi_clean`` refuses the whole commit, with a translated message, when a
name is not writable in the package's version, a value is too long or not of its vocabulary, or a number is not one.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kompeten_core.conf import settings as kompeten

STATUS_12 = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
COMPLETION_2004 = {"completed", "incomplete", "not attempted", "unknown"}
SUCCESS_2004 = {"passed", "failed", "unknown"}
EXIT_12 = {"time-out", "suspend", "logout", ""}
EXIT_2004 = {"time-out", "suspend", "logout", "normal", ""}

#: Writable names, by version: exact names, and patterns for the indexed collections.
WRITABLE = {
    "1.2": {
        "exact": {
            "cmi.core.lesson_location": 255,
            "cmi.core.lesson_status": 20,
            "cmi.core.score.raw": 20,
            "cmi.core.score.min": 20,
            "cmi.core.score.max": 20,
            "cmi.core.exit": 20,
            "cmi.core.session_time": 20,
            "cmi.suspend_data": None,  # KOMPETEN_SCORM_SUSPEND_DATA_MAX_CHARS
            "cmi.comments": 4096,
            "cmi.student_preference.audio": 10,
            "cmi.student_preference.language": 255,
            "cmi.student_preference.speed": 10,
            "cmi.student_preference.text": 10,
        },
        "pattern": re.compile(r"^cmi\.(objectives|interactions)\.\d{1,3}\.[a-z_.0-9]{1,60}\Z"),
    },
    "2004": {
        "exact": {
            "cmi.location": 1000,
            "cmi.completion_status": 20,
            "cmi.success_status": 20,
            "cmi.score.scaled": 20,
            "cmi.score.raw": 20,
            "cmi.score.min": 20,
            "cmi.score.max": 20,
            "cmi.progress_measure": 20,
            "cmi.exit": 20,
            "cmi.session_time": 40,
            "cmi.suspend_data": None,
            "cmi.learner_preference.audio_level": 20,
            "cmi.learner_preference.language": 250,
            "cmi.learner_preference.delivery_speed": 20,
            "cmi.learner_preference.audio_captioning": 20,
        },
        "pattern": re.compile(
            r"^(cmi\.(objectives|interactions|comments_from_learner)\.\d{1,3}\.[a-z_.0-9]{1,60}|adl\.data\.\d{1,3}\.[a-z_]{1,20})\Z"
        ),
    },
}
#: The longest value of an indexed element (an interaction's learner response, a comment).
INDEXED_MAX_CHARS = 4000
MAX_VALUES = 2000

_TIME_12 = re.compile(r"^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?\Z")
_TIME_2004 = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?\Z")


class CmiInvalid(ValidationError):
    """A runtime commit the server refuses as a whole."""


def _number(name: str, value: str) -> Decimal:
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise CmiInvalid(_("%(name)s must be a number.") % {"name": name}) from None
    if not number.is_finite() or abs(number) > Decimal("1000000"):
        raise CmiInvalid(_("%(name)s must be a number.") % {"name": name})
    return number


def seconds_of(version: str, value: str) -> int | None:
    """A session time (1.2: ``HHHH:MM:SS.SS``; 2004: ISO 8601 duration ``PT1H2M3.5S``) in whole seconds."""
    if version == "1.2":
        match = _TIME_12.match(value)
        if not match:
            return None
        return int(match[1]) * 3600 + int(match[2]) * 60 + int(match[3])
    match = _TIME_2004.match(value)
    if not match or value in ("P", "PT") or value.endswith("T"):
        return None
    years, months, days, hours, minutes, secs = (float(part) if part else 0 for part in match.groups())
    return int(((years * 365 + months * 30 + days) * 24 + hours) * 3600 + minutes * 60 + secs)


def time_text(version: str, seconds: int) -> str:
    """Seconds as the version writes a total time."""
    hours, rest = divmod(max(int(seconds), 0), 3600)
    minutes, secs = divmod(rest, 60)
    if version == "1.2":
        return f"{hours:04d}:{minutes:02d}:{secs:02d}"
    return f"PT{hours}H{minutes}M{secs}S"


def cmi_clean(*, version: str, values) -> dict[str, str]:
    """The values of one commit, checked; raises ``CmiInvalid`` (nothing is stored then)."""
    if not isinstance(values, dict):
        raise CmiInvalid(_("The runtime sent no CMI values."))
    if len(values) > MAX_VALUES:
        raise CmiInvalid(_("The runtime sent too many CMI values."))
    rules = WRITABLE[version]
    clean: dict[str, str] = {}
    for name, value in values.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise CmiInvalid(_("Every CMI value must be text."))
        if name in rules["exact"]:
            limit = rules["exact"][name] or kompeten.SCORM_SUSPEND_DATA_MAX_CHARS
        elif rules["pattern"].match(name):
            limit = INDEXED_MAX_CHARS
        else:
            raise CmiInvalid(
                _("%(name)s cannot be written in SCORM %(version)s.") % {"name": name[:80], "version": version}
            )
        if len(value) > limit:
            raise CmiInvalid(_("%(name)s is longer than %(limit)d characters.") % {"name": name, "limit": limit})
        clean[name] = value
    _check_vocabularies(version, clean)
    return clean


def _check_vocabularies(version: str, values: dict[str, str]) -> None:
    vocabularies = (
        {"cmi.core.lesson_status": STATUS_12, "cmi.core.exit": EXIT_12}
        if version == "1.2"
        else {"cmi.completion_status": COMPLETION_2004, "cmi.success_status": SUCCESS_2004, "cmi.exit": EXIT_2004}
    )
    for name, allowed in vocabularies.items():
        if name in values and values[name] not in allowed:
            raise CmiInvalid(
                _("%(value)s is not a valid value of %(name)s.") % {"value": values[name][:40], "name": name}
            )
    for name, value in values.items():
        if ".score." in name and not name.startswith("cmi.objectives") and value != "":
            number = _number(name, value)
            if name.endswith("scaled") and not Decimal(-1) <= number <= Decimal(1):
                raise CmiInvalid(_("%(name)s must lie between -1 and 1.") % {"name": name})
        if name.endswith("session_time") and seconds_of(version, value) is None:
            raise CmiInvalid(_("%(name)s is not a valid time span.") % {"name": name})


def summary(*, version: str, cmi: dict[str, str]) -> dict:
    """What the stored values mean: location, completion and success status, score, and whether the lesson is done."""

    def number(name: str) -> Decimal | None:
        value = cmi.get(name, "")
        return Decimal(value).quantize(Decimal("0.01")) if value != "" else None  # as the attempt stores it

    if version == "1.2":
        status = cmi.get("cmi.core.lesson_status", "")
        completion = "completed" if status in ("passed", "completed", "failed") else ("incomplete" if status else "")
        success = status if status in ("passed", "failed") else ""
        raw, maximum = number("cmi.core.score.raw"), number("cmi.core.score.max")
        scaled = None
        if raw is not None:
            low = number("cmi.core.score.min") or Decimal(0)
            high = maximum if maximum is not None else Decimal(100)
            scaled = ((raw - low) / (high - low)).quantize(Decimal("0.0001")) if high > low else None
        return {
            "location": cmi.get("cmi.core.lesson_location", ""),
            "completion_status": completion,
            "success_status": success,
            "score_raw": raw,
            "score_max": maximum,
            "score_scaled": scaled,
            "done": status in ("passed", "completed"),
        }
    completion = cmi.get("cmi.completion_status", "")
    success = cmi.get("cmi.success_status", "")
    scaled = Decimal(cmi["cmi.score.scaled"]) if cmi.get("cmi.score.scaled", "") != "" else None
    return {
        "location": cmi.get("cmi.location", ""),
        "completion_status": completion,
        "success_status": success,
        "score_raw": number("cmi.score.raw"),
        "score_max": number("cmi.score.max"),
        "score_scaled": scaled.quantize(Decimal("0.0001")) if scaled is not None else None,
        "done": success != "failed" and (completion == "completed" or success == "passed"),
    }
