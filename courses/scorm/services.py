"""Writes of SCORM packages (upload, replace, delete) and of a trainee's attempt (the runtime's commits)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import services as course_services
from courses.scorm import cmi as cmi_model
from courses.scorm.cmi import CmiInvalid
from courses.scorm.models import ScormAttempt, ScormPackage
from courses.scorm.packages import PackageRefused, package_files_delete, package_inspect, package_unpack
from courses.xapi.services import Verb, result_of, statement_record
from kompeten_core.audit import audit_log

__all__ = ["CmiInvalid", "PackageRefused", "scorm_attempt_commit", "scorm_package_delete", "scorm_package_save"]


def scorm_package_save(*, lesson, upload, user, title: str = "") -> ScormPackage:
    """Check a package (``PackageRefused`` otherwise), unpack it into private storage and play it in ``lesson``.

    A lesson has one package: a new upload replaces the one before (its files are deleted once this commits); the
    trainees' attempts stay."""
    contents = package_inspect(upload=upload)
    prefix = ScormPackage.new_prefix()
    package_unpack(upload=upload, contents=contents, prefix=prefix)
    try:
        with transaction.atomic():
            package = ScormPackage.objects.select_for_update().filter(lesson=lesson).first()
            old = (package.storage_prefix, list(package.files)) if package else None
            package = package or ScormPackage(lesson=lesson)
            package.title = (title or contents.title or lesson.title)[:200]
            package.version = contents.version
            package.launch = contents.launch
            package.storage_prefix = prefix
            package.files = list(contents.files)
            package.size = contents.size
            package.uploaded_by = user
            package.uploaded_at = timezone.now()
            package.full_clean()
            package.save()
            audit_log(
                package,
                "courses.scorm_package_upload",
                user=user,
                data={"lesson": lesson.pk, "version": contents.version, "files": len(contents.files)},
            )
            if old is not None:
                transaction.on_commit(lambda: package_files_delete(prefix=old[0], files=old[1]))
    except BaseException:
        package_files_delete(prefix=prefix, files=list(contents.files))
        raise
    return package


@transaction.atomic
def scorm_package_delete(*, package: ScormPackage, user) -> None:
    """Remove a lesson's package and its attempts; its files are deleted once this commits."""
    prefix, files = package.storage_prefix, list(package.files)
    audit_log(package, "courses.scorm_package_delete", user=user, data={"lesson": package.lesson_id})
    package.delete()
    transaction.on_commit(lambda: package_files_delete(prefix=prefix, files=files))


def _xapi_result(attempt: ScormAttempt, meaning: dict) -> dict:
    success = {"passed": True, "failed": False}.get(meaning["success_status"])
    return result_of(
        score_scaled=attempt.score_scaled,
        score_raw=attempt.score_raw,
        score_max=attempt.score_max,
        success=success,
        completion=meaning["completion_status"] == "completed",
        seconds=attempt.total_seconds + attempt.session_seconds,
    )


@transaction.atomic
def scorm_attempt_commit(*, enrolment, package: ScormPackage, session_id: str, values) -> tuple[ScormAttempt, bool]:
    """Store one runtime commit of the trainee's attempt; (attempt, lesson completed now).

    The values are checked first (``CmiInvalid``: nothing stored). A package that reports completion (1.2:
    passed or completed; 2004: completed and not failed, or passed) completes the lesson."""
    if enrolment.status == enrolment.Status.WITHDRAWN:
        raise course_services.EnrolmentRefused(_("You have withdrawn from this course."), code="withdrawn")
    clean = cmi_model.cmi_clean(version=package.version, values=values)
    if not isinstance(session_id, str) or not 1 <= len(session_id) <= 40:
        raise CmiInvalid(_("The runtime sent no valid session."))
    attempt, _created = ScormAttempt.objects.select_for_update().get_or_create(enrolment=enrolment, package=package)
    was = cmi_model.summary(version=package.version, cmi=attempt.cmi)
    attempt.cmi = {**attempt.cmi, **clean}
    meaning = cmi_model.summary(version=package.version, cmi=attempt.cmi)
    attempt.location = meaning["location"][:1000]
    attempt.completion_status = meaning["completion_status"]
    attempt.success_status = meaning["success_status"]
    attempt.score_raw, attempt.score_max, attempt.score_scaled = (
        meaning["score_raw"],
        meaning["score_max"],
        meaning["score_scaled"],
    )
    session_time = clean.get("cmi.core.session_time") or clean.get("cmi.session_time")
    if session_id != attempt.session_id:  # a new session: the one before counts in full
        attempt.total_seconds += attempt.session_seconds
        attempt.session_id, attempt.session_seconds = session_id, 0
    if session_time:
        attempt.session_seconds = cmi_model.seconds_of(package.version, session_time) or 0
    attempt.updated_at = timezone.now()
    finished = meaning["done"] or meaning["success_status"] == "failed"
    newly_finished = finished and (
        not (was["done"] or was["success_status"] == "failed") or was["success_status"] != meaning["success_status"]
    )
    if meaning["done"] and attempt.completed_at is None:
        attempt.completed_at = attempt.updated_at
    attempt.full_clean()
    attempt.save()
    completed_now = False
    if meaning["done"]:
        lesson = package.lesson
        try:
            _completion, completed_now = course_services.lesson_complete(enrolment=enrolment, lesson=lesson)
        except course_services.EnrolmentRefused:
            completed_now = False  # a locked lesson: the attempt is kept, the lesson waits for the earlier ones
    if newly_finished:
        verb = {"passed": Verb.PASSED, "failed": Verb.FAILED}.get(meaning["success_status"], Verb.COMPLETED)
        statement_record(
            user=enrolment.user,
            verb=verb,
            kind="scorm",
            object_pk=package.pk,
            object_name=package.title,
            course_id=enrolment.course_id,
            result=_xapi_result(attempt, meaning),
        )
    return attempt, completed_now


@transaction.atomic
def scorm_package_retitle(*, package: ScormPackage, title: str, user) -> ScormPackage:
    """Change the title a lesson shows above its package (empty: keep the one it has)."""
    if title:
        package.title = title[:200]
        package.full_clean()
        package.save(update_fields=["title"])
        audit_log(package, "courses.scorm_package_retitle", user=user, data={"lesson": package.lesson_id})
    return package
