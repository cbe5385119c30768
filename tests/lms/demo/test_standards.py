"""The demo standards: one per track, loaded through the importer, linked to each track's first course."""

import pytest
from django.core.management import call_command

from assessments.models import (
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    CourseUnit,
    LessonUnit,
    SchemeUnit,
)
from assessments.standards.files import standard_export_csv, standard_export_yaml, standard_import
from assessments.standards.selectors import scheme_units, units_for_course
from courses.models import CoursePage, LessonPage, TrackPage
from lms.demo.content import tracks
from lms.demo.standards import DEMO_STANDARDS, demo_standard_file, demo_standards_load

pytestmark = pytest.mark.django_db


def test_there_is_one_demo_standard_for_each_demo_track():
    assert sorted(entry["track"] for entry in DEMO_STANDARDS) == sorted(track["slug"] for track, _images in tracks())


@pytest.mark.parametrize("entry", DEMO_STANDARDS, ids=lambda entry: entry["track"])
def test_every_demo_standard_is_a_valid_file_of_real_size(entry):
    result = standard_import(data=demo_standard_file(entry), filename=entry["file"], dry_run=True)

    assert result.ok, result.errors
    assert result.warnings == []
    units = entry["standard"]["units"]
    assert len(units) >= 3
    for unit in units:
        assert 2 <= len(unit["elements"]) <= 3, unit["code"]
        for element in unit["elements"]:
            assert 2 <= len(element["criteria"]) <= 4, (unit["code"], element["number"])
    assert any(c.get("critical") for unit in units for element in unit["elements"] for c in element["criteria"])
    assert set(entry["scheme"]["optional"]) <= {unit["code"] for unit in units}


def _counts():
    return (
        CompetencyStandard.objects.count(),
        CompetencyUnit.objects.count(),
        CertificationScheme.objects.count(),
        SchemeUnit.objects.count(),
        CourseUnit.objects.count(),
    )


def test_the_demo_links_each_first_course_to_its_units_and_a_second_run_duplicates_nothing():
    call_command("load_demo")

    standards = demo_standards_load()
    before = _counts()
    assert demo_standards_load() == standards
    assert _counts() == before

    assert len(standards) == 5
    assert {scheme.kind for scheme in CertificationScheme.objects.all()} == {"KKNI", "OKUPASI", "KLASTER"}
    assert set(CertificationScheme.objects.values_list("validity_months", flat=True)) == {36}
    for entry, standard in zip(DEMO_STANDARDS, standards, strict=True):
        track = TrackPage.objects.get(slug=entry["track"])
        course = CoursePage.objects.live().child_of(track).order_by("path").first()
        codes = [unit["code"] for unit in entry["standard"]["units"]]
        assert [unit.code for unit in units_for_course(course=course)] == codes
        # the course's revision carries the units too, so the course editor shows them
        draft = course.get_latest_revision_as_object()
        assert [coverage.unit.code for coverage in draft.unit_coverages.all()] == codes
        scheme = CertificationScheme.objects.get(number=entry["scheme"]["number"])
        rows = list(scheme_units(scheme=scheme))
        assert [row.unit.code for row in rows] == codes
        assert {row.unit.code for row in rows if not row.is_core} == set(entry["scheme"]["optional"])
        assert standard.units.count() == len(codes)
        # and the course's first lessons each teach one of its units, in order (at least one lesson per track)
        lessons = LessonPage.objects.live().descendant_of(course).order_by("path")
        taught = [
            (lesson.pk, link.unit.code)
            for lesson in lessons
            for link in LessonUnit.objects.filter(lesson=lesson).select_related("unit")
        ]
        assert taught, entry["track"]
        assert taught == list(zip([lesson.pk for lesson in lessons[: len(taught)]], codes[: len(taught)], strict=True))


def test_the_demo_standards_load_without_the_curriculum_and_round_trip_through_both_formats():
    standards = demo_standards_load()

    assert CourseUnit.objects.count() == 0
    for standard in standards:
        for export, name in [(standard_export_yaml, "demo.yaml"), (standard_export_csv, "demo.csv")]:
            result = standard_import(data=export(standard).encode("utf-8"), filename=name)
            assert result.ok and result.standard.pk == standard.pk
            assert result.standard_state == "unchanged"
            assert result.units.unchanged == standard.units.count()
            assert result.criteria.created == result.criteria.updated == result.criteria.deleted == 0
