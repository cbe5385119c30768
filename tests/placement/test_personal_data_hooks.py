"""Personal data by hook: each plugin offers its part of a person's data through ``register_personal_data``, so any
host site — the bare plugin host as well as ``lms`` — can export and anonymise it without knowing the plugins'
models (``make test-plugins`` runs this on the bare host)."""

import pytest
from wagtail import hooks

from placement.models import Application, JobSeekerProfile
from placement.services.applications import application_create
from placement.services.seekers import cv_upload
from tests.courses import factories as course_factories
from tests.placement import factories
from tests.placement.factories import cv_pdf

pytestmark = pytest.mark.django_db
HOOK = "register_personal_data"


def _providers():
    return [register() for register in hooks.get_hooks(HOOK)]


def test_the_plugins_hooks_give_every_part_of_a_persons_data_in_the_plugins_order():
    # Given a job seeker enrolled in a course, with a CV and an application
    seeker = factories.seeker()
    course = course_factories.course()
    course_factories.enrolment(user=seeker, course_page=course)
    cv_upload(user=seeker, upload=cv_pdf())
    application_create(vacancy=factories.vacancy(), seeker=seeker)
    # When every provider the hook registers exports what it keeps about them
    sections, files = {}, []
    for provider in _providers():
        provided_sections, provided_files = provider.export(user=seeker)
        sections.update(provided_sections)
        files += provided_files
    # Then the four plugins each gave their part, lower plugins first
    assert list(sections) == [
        "enrolments",
        "batch_applications",
        "attendance",
        "calendar_feed",
        "bpjs_coverage",
        "ppe_acknowledgements",
        "k3_incidents",
        "scorm_attempts",
        "learning_records",
        "interactive_activities",
        "exam_attempts",
        "competency_assessments",
        "notices",
        "assessment_complaints",
        "certification_applications",
        "certification_records",
        "exam_overrides",
        "certificates",
        "job_seeker",
    ]
    assert [row["course"] for row in sections["enrolments"]] == [course.title]
    assert sections["job_seeker"]["applications"][0]["status"] == "applied"
    assert [name for name, _storage, _path in files] == ["job-seeker/cv.pdf"]
    _name, storage, path = files[0]
    with storage.open(path, "rb") as cv:
        assert cv.read().startswith(b"%PDF-")


def test_the_plugins_hooks_anonymise_a_person_upper_plugins_first(django_capture_on_commit_callbacks):
    # Given a job seeker with a CV and an application under way
    seeker = factories.seeker()
    profile = cv_upload(user=seeker, upload=cv_pdf())
    storage, name = profile.cv_file.storage, profile.cv_file.name
    application = application_create(vacancy=factories.vacancy(), seeker=seeker)
    # When the host runs every provider's anonymisation, upper plugins first
    removed = {}
    with django_capture_on_commit_callbacks(execute=True):
        for provider in reversed(_providers()):
            removed.update(provider.anonymise(user=seeker, placeholder_name=f"Pengguna terhapus #{seeker.pk}"))
    # Then the profile and CV are gone, the application is withdrawn, and what each plugin did is reported
    assert not JobSeekerProfile.objects.filter(user=seeker).exists()
    assert not storage.exists(name)
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    assert removed == {
        "certificates_masked": [],
        "archives_deleted": 0,
        "certification_application_documents": 0,
        "certification_application_particulars": 0,
        "reasonable_adjustments_erased": 0,
        "exam_override_reasons_erased": 0,
        "files_deleted": 0,
        "batch_applications": 0,
        "calendar_feeds_deleted": 0,
        "bpjs_coverage_numbers_cleared": 0,
    }
