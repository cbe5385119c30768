"""Uploading a package into a lesson and the runtime's commits: stored on the server, resumed anywhere, completing the
lesson; a bad commit changes nothing."""

import pytest
from django.test import override_settings
from wagtail.models import PageLogEntry

from courses.models import LessonCompletion
from courses.scorm import selectors, services
from courses.scorm.models import ScormAttempt, ScormPackage
from courses.xapi.models import Statement
from kompeten_core.private_files import private_storage
from tests.courses.scorm import factories as scorm_factories

pytestmark = pytest.mark.django_db


def test_an_upload_is_unpacked_into_private_storage_and_audited(package, scorm_lesson):
    # given the package uploaded into the lesson (the fixture)
    # then its files are in private storage under its own folder, and the upload is in the audit trail
    assert package.lesson_id == scorm_lesson.pk and package.version == "1.2"
    assert private_storage().exists(package.storage_name("index.html"))
    assert private_storage().exists(package.storage_name("css/gaya.css"))
    assert ScormPackage.objects.get().files == ["imsmanifest.xml", "index.html", "css/gaya.css"]
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(action="courses.scorm_package_upload").count() == 1
    assert PageLogEntry.objects.count() >= 0


def test_a_new_upload_replaces_the_package_and_deletes_the_old_files(
    package, scorm_lesson, instructor, django_capture_on_commit_callbacks
):
    old_name = package.storage_name("index.html")
    with django_capture_on_commit_callbacks(execute=True):
        again = services.scorm_package_save(
            lesson=scorm_lesson,
            upload=scorm_factories.package_upload(version="2004", title="Versi baru"),
            user=instructor,
        )
    assert again.pk == package.pk and again.version == "2004" and again.title == "Versi baru"
    assert not private_storage().exists(old_name)
    assert private_storage().exists(again.storage_name("index.html"))


def test_a_refused_upload_stores_nothing(scorm_lesson, instructor):
    with pytest.raises(services.PackageRefused):
        services.scorm_package_save(
            lesson=scorm_lesson, upload=scorm_factories.upload(scorm_factories.zip_bomb()), user=instructor
        )
    assert not ScormPackage.objects.exists()


def test_deleting_a_package_deletes_its_files(package, instructor, django_capture_on_commit_callbacks):
    name = package.storage_name("index.html")
    with django_capture_on_commit_callbacks(execute=True):
        services.scorm_package_delete(package=package, user=instructor)
    assert not ScormPackage.objects.exists() and not private_storage().exists(name)


def test_a_commit_is_stored_and_the_runtime_resumes_from_it(package, enrolment):
    # given a trainee who moved to page 2 and suspended
    values = {
        "cmi.suspend_data": "page=2",
        "cmi.core.lesson_location": "halaman-2",
        "cmi.core.lesson_status": "incomplete",
        "cmi.core.exit": "suspend",
        "cmi.core.session_time": "0000:01:30",
    }
    services.scorm_attempt_commit(enrolment=enrolment, package=package, session_id="s1", values=values)
    # when the runtime starts again (another device)
    attempt = selectors.attempt_for(enrolment=enrolment, package=package)
    state = selectors.runtime_state(package=package, attempt=attempt, user=enrolment.user)
    # then it resumes where the trainee left off, with the time spent so far
    assert state["values"]["cmi.suspend_data"] == "page=2"
    assert state["values"]["cmi.core.lesson_location"] == "halaman-2"
    assert state["values"]["cmi.core.entry"] == "resume"
    assert state["values"]["cmi.core.total_time"] == "0000:01:30"
    assert state["values"]["cmi.core.student_id"] == str(enrolment.user.pk)
    assert "@" not in state["values"]["cmi.core.student_name"]
    assert attempt.location == "halaman-2" and attempt.completion_status == "incomplete"


def test_a_new_session_adds_the_time_of_the_last(package, enrolment):
    services.scorm_attempt_commit(
        enrolment=enrolment, package=package, session_id="s1", values={"cmi.core.session_time": "0000:01:00"}
    )
    services.scorm_attempt_commit(
        enrolment=enrolment, package=package, session_id="s1", values={"cmi.core.session_time": "0000:02:00"}
    )
    attempt, _done = services.scorm_attempt_commit(
        enrolment=enrolment, package=package, session_id="s2", values={"cmi.core.session_time": "0000:00:30"}
    )
    assert (attempt.total_seconds, attempt.session_seconds) == (120, 30)


def test_passing_completes_the_lesson_with_its_score_and_an_xapi_statement(package, enrolment):
    attempt, completed = services.scorm_attempt_commit(
        enrolment=enrolment,
        package=package,
        session_id="s1",
        values={"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90", "cmi.core.score.max": "100"},
    )
    assert completed is True
    assert LessonCompletion.objects.filter(enrolment=enrolment, lesson=package.lesson).exists()
    assert float(attempt.score_raw) == 90 and float(attempt.score_scaled) == 0.9 and attempt.success_status == "passed"
    statement = Statement.objects.get()
    assert statement.verb == Statement.Verb.PASSED and statement.result["score"]["scaled"] == 0.9
    assert statement.data["actor"]["account"]["name"] == str(enrolment.user.pk)
    # a second commit of the same result neither completes again nor states it again
    _attempt, again = services.scorm_attempt_commit(
        enrolment=enrolment, package=package, session_id="s1", values={"cmi.core.lesson_status": "passed"}
    )
    assert again is False and Statement.objects.count() == 1


def test_a_score_with_many_decimals_is_stored_rounded(package, enrolment):
    values = {"cmi.core.score.raw": "33.333333", "cmi.core.score.max": "100"}
    attempt, _done = services.scorm_attempt_commit(enrolment=enrolment, package=package, session_id="s", values=values)
    assert str(attempt.score_raw) == "33.33" and attempt.cmi["cmi.core.score.raw"] == "33.333333"


def test_scorm_2004_completion_and_success_complete_the_lesson(package_2004, enrolment):
    values = {
        "cmi.completion_status": "completed",
        "cmi.success_status": "passed",
        "cmi.score.scaled": "0.75",
        "cmi.session_time": "PT1M5S",
    }
    attempt, completed = services.scorm_attempt_commit(
        enrolment=enrolment, package=package_2004, session_id="a", values=values
    )
    assert completed is True and float(attempt.score_scaled) == 0.75 and attempt.session_seconds == 65


def test_a_failed_2004_package_does_not_complete_the_lesson(package_2004, enrolment):
    values = {"cmi.completion_status": "completed", "cmi.success_status": "failed"}
    _attempt, completed = services.scorm_attempt_commit(
        enrolment=enrolment, package=package_2004, session_id="a", values=values
    )
    assert completed is False and not LessonCompletion.objects.exists()
    assert Statement.objects.get().verb == Statement.Verb.FAILED


@pytest.mark.parametrize(
    "values",
    [
        {"cmi.core.student_name": "Bukan saya"},  # read-only
        {"cmi.location": "x"},  # a 2004 name in a 1.2 package
        {"cmi.core.lesson_status": "excellent"},
        {"cmi.core.score.raw": "sembilan puluh"},
        {"cmi.core.session_time": "kemarin"},
        {"cmi.suspend_data": 5},
        "not a dict",
    ],
)
def test_a_bad_commit_is_refused_whole_and_changes_nothing(package, enrolment, values):
    services.scorm_attempt_commit(
        enrolment=enrolment, package=package, session_id="s1", values={"cmi.suspend_data": "page=1"}
    )
    with pytest.raises(services.CmiInvalid):
        services.scorm_attempt_commit(
            enrolment=enrolment,
            package=package,
            session_id="s1",
            values={"cmi.suspend_data": "page=9", **values} if isinstance(values, dict) else values,
        )
    assert ScormAttempt.objects.get().cmi == {"cmi.suspend_data": "page=1"}


@override_settings(KOMPETEN_SCORM_SUSPEND_DATA_MAX_CHARS=100)
def test_oversize_suspend_data_is_refused(package, enrolment):
    with pytest.raises(services.CmiInvalid, match="longer than 100"):
        services.scorm_attempt_commit(
            enrolment=enrolment, package=package, session_id="s1", values={"cmi.suspend_data": "x" * 101}
        )
    assert not ScormAttempt.objects.exists()


def test_a_withdrawn_trainee_cannot_commit(package, enrolment):
    enrolment.status = enrolment.Status.WITHDRAWN
    enrolment.save()
    with pytest.raises(services.course_services.EnrolmentRefused):
        services.scorm_attempt_commit(
            enrolment=enrolment, package=package, session_id="s1", values={"cmi.suspend_data": "x"}
        )
    assert not ScormAttempt.objects.exists()
