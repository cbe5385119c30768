"""Reads of SCORM packages and attempts, and the runtime's starting state."""

from __future__ import annotations

from django.core import signing
from django.core.cache import cache

from courses import selectors as course_selectors
from courses.models import Enrolment
from courses.scorm import cmi as cmi_model
from courses.scorm.models import ScormAttempt, ScormPackage
from courses.selectors import serving
from kompeten_core.conf import settings as kompeten

_TOKEN_SALT = "courses.scorm.files"


def package_for_lesson(*, lesson) -> ScormPackage | None:
    """The lesson's package, or None. Whether a lesson has one is kept with the cached page reads (under the pages
    token, which a package's upload, replacement or removal bumps too): a lesson without one (most) asks nothing."""
    if lesson.pk is None:
        return None
    key = f"courses:scorm-package:{serving.pages_token()}:{lesson.pk}"
    package_id = cache.get(key)
    if package_id is None:
        package = ScormPackage.objects.filter(lesson=lesson).first()
        cache.set(key, package.pk if package else 0, kompeten.PAGE_CACHE_SECONDS)
        return package
    return ScormPackage.objects.filter(pk=package_id).first() if package_id else None


def package_get(*, package_id: int) -> ScormPackage | None:
    return ScormPackage.objects.select_related("lesson").filter(pk=package_id).first()


def enrolment_for_files(*, user_id: int, lesson) -> Enrolment | None:
    """The user's enrolment (active or completed, with its user) in the lesson's course: who may load its package."""
    course = course_selectors.course_of_lesson(lesson=lesson)
    if course is None:
        return None
    return (
        Enrolment.objects.select_related("user")
        .filter(user_id=user_id, course=course, status__in=course_selectors.LIVE_ENROLMENT)
        .first()
    )


def attempt_for(*, enrolment, package: ScormPackage) -> ScormAttempt | None:
    return ScormAttempt.objects.filter(enrolment=enrolment, package=package).first()


def file_token(*, package: ScormPackage, user) -> str:
    """The signed part of the frame's address: this package, for this user, for ``SCORM_FILE_TOKEN_SECONDS``."""
    return signing.dumps([package.pk, user.pk], salt=_TOKEN_SALT, compress=False)


def file_token_read(*, token: str) -> tuple[int, int] | None:
    """(package id, user id) of a valid, unexpired token; None otherwise."""
    try:
        value = signing.loads(token, salt=_TOKEN_SALT, max_age=kompeten.SCORM_FILE_TOKEN_SECONDS)
    except signing.BadSignature:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(item, int) for item in value)):
        return None
    return value[0], value[1]


def runtime_state(*, package: ScormPackage, attempt: ScormAttempt | None, user) -> dict:
    """What the runtime API starts with: the stored values, and the read-only ones of the learner and the attempt.

    The learner is named by id and name — never by e-mail."""
    values = dict(attempt.cmi) if attempt else {}
    total = attempt.total_seconds + attempt.session_seconds if attempt else 0
    suspended = (
        bool(values.get("cmi.suspend_data")) or (values.get("cmi.core.exit") or values.get("cmi.exit")) == "suspend"
    )
    name = (getattr(user, "full_name", "") or user.get_username())[:250]
    if package.version == package.Version.SCORM_12:
        values.setdefault("cmi.core.lesson_status", "not attempted")
        values.update(
            {
                "cmi.core.student_id": str(user.pk),
                "cmi.core.student_name": name,
                "cmi.core.credit": "credit",
                "cmi.core.lesson_mode": "normal",
                "cmi.core.entry": "resume" if suspended else ("" if attempt else "ab-initio"),
                "cmi.core.total_time": cmi_model.time_text("1.2", total),
                "cmi.launch_data": "",
            }
        )
        values.pop("cmi.core.exit", None)
        values.pop("cmi.core.session_time", None)
    else:
        values.setdefault("cmi.completion_status", "unknown")
        values.setdefault("cmi.success_status", "unknown")
        values.update(
            {
                "cmi.learner_id": str(user.pk),
                "cmi.learner_name": name,
                "cmi.credit": "credit",
                "cmi.mode": "normal",
                "cmi.entry": "resume" if suspended else ("" if attempt else "ab-initio"),
                "cmi.total_time": cmi_model.time_text("2004", total),
                "cmi.launch_data": "",
            }
        )
        values.pop("cmi.exit", None)
        values.pop("cmi.session_time", None)
    return {"version": package.version, "values": values}
