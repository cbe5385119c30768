"""Settings of the assessments plugin, each read from ``KOMPETEN_<NAME>`` with the default below."""

from django.conf import settings

DEFAULTS: dict = {
    # Seconds after the deadline during which an answer sent before it may still arrive (network delay).
    "ATTEMPT_GRACE_SECONDS": 30,
    # Largest autosave request body accepted, in bytes.
    "ANSWER_MAX_BYTES": 64 * 1024,
    # Largest observation checklist body (JSON) accepted, in bytes, and how deep the lists and objects of any JSON
    # request body may nest (an autosave needs 3 levels, a checklist 3).
    "CHECKLIST_MAX_BYTES": 200_000,
    "JSON_MAX_DEPTH": 20,
    # Importing questions (GIFT, Moodle XML): the largest file in bytes, the most questions in one file, the most
    # answers, pairs, items or tags of one question, and how deep the elements of a Moodle XML file may nest.
    "QUESTION_IMPORT_MAX_BYTES": 5 * 1024 * 1024,
    "QUESTION_IMPORT_MAX_QUESTIONS": 2000,
    "QUESTION_IMPORT_MAX_OPTIONS": 100,
    "QUESTION_IMPORT_MAX_XML_DEPTH": 64,
    # Importing a competency standard (YAML, CSV): the largest file in bytes, the most data rows of a CSV file, and
    # how deep the lists and mappings of a YAML file may nest and how many values (keys, texts, items) it may hold
    # (the YAML reader is pure Python, some 50 µs a value: this bounds the time an upload takes).
    "STANDARD_IMPORT_MAX_BYTES": 2 * 1024 * 1024,
    "STANDARD_IMPORT_MAX_ROWS": 20_000,
    "STANDARD_IMPORT_MAX_YAML_DEPTH": 20,
    "STANDARD_IMPORT_MAX_YAML_NODES": 100_000,
    # How many days before an assessment event's first day its assessors may record evidence, verdicts and sign off
    # (0: from the first day on; the event's dates are the agreed time of FR.AK.01).
    "ASSESSMENT_DAYS_BEFORE_EVENT": 0,
    # The class that re-authenticates an assessor before they sign off or countersign (see
    # assessments.competency.reauthentication): the default asks for the password.
    "REAUTHENTICATOR": "assessments.competency.reauthentication.PasswordReauthenticator",
    # Importing a file stops listing problems after this many (the file is refused as a whole anyway).
    "IMPORT_MAX_PROBLEMS": 200,
}


def get(name: str):
    return getattr(settings, f"KOMPETEN_{name}", DEFAULTS[name])
