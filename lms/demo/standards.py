"""Demo competency standards: one standard and one certification scheme per demo track, and the units each
track's first course covers.

Each standard is written as plain data in the YAML format of ``docs/standards-format.md`` and goes through
``assessments.standards.files.standard_import``, so the demo also proves the importer. Decree numbers, scheme
numbers and unit codes are plausible examples, not quotations of published decrees.

Idempotent: a standard that exists already (same kind and decree number) is left as it is, and so are a
scheme that exists (same number) and a course that already lists units it covers.
"""

import yaml
from django.db import transaction

from assessments.models import CertificationScheme, CompetencyStandard, CourseUnit, LessonUnit, SchemeUnit
from assessments.standards.files import standard_import
from courses.models import CoursePage, LessonPage, TrackPage
from lms.demo.standard_files import DEMO_STANDARDS

VALIDITY_MONTHS = 36


def demo_standard_file(entry: dict) -> bytes:
    """The demo standard as the YAML file an editor would upload."""
    return yaml.safe_dump(entry["standard"], allow_unicode=True, sort_keys=False, width=110).encode("utf-8")


def _standard_ensure(entry: dict) -> CompetencyStandard:
    data = entry["standard"]
    existing = CompetencyStandard.objects.filter(kind=data["kind"], decree_number=data["decree_number"]).first()
    if existing is not None:
        return existing
    result = standard_import(data=demo_standard_file(entry), filename=entry["file"])
    if not result.ok:
        raise ValueError(f"demo standard {entry['file']}: {[str(problem) for problem in result.errors[:5]]}")
    return result.standard


def _scheme_ensure(entry: dict, standard: CompetencyStandard) -> CertificationScheme:
    data = entry["scheme"]
    scheme = CertificationScheme.objects.filter(number=data["number"]).first()
    if scheme is not None:
        return scheme
    scheme = CertificationScheme(
        kind=data["kind"],
        number=data["number"],
        title=data["title"],
        kkni_level=data["kkni_level"],
        validity_months=VALIDITY_MONTHS,
    )
    scheme.full_clean()
    scheme.save()
    for order, unit in enumerate(standard.units.order_by("sort_order", "code")):
        SchemeUnit.objects.create(scheme=scheme, unit=unit, is_core=unit.code not in data["optional"], sort_order=order)
    return scheme


def _course_link(entry: dict, standard: CompetencyStandard) -> None:
    """The track's first course covers every unit of the standard; published as a new revision of the course,
    so that the course editor shows the units too."""
    track = TrackPage.objects.filter(slug=entry["track"]).first()
    course = CoursePage.objects.live().child_of(track).order_by("path").first() if track else None
    if course is None or course.unit_coverages.exists():
        return
    units = standard.units.order_by("sort_order", "code")
    course.unit_coverages = [CourseUnit(unit=unit, sort_order=order) for order, unit in enumerate(units)]
    course.save_revision().publish()


#: How many of a course's first lessons are linked to units (the first lesson to the first unit, and so on).
LINKED_LESSONS = 3


def _lesson_link(entry: dict, standard: CompetencyStandard) -> None:
    """The first lessons of the track's first course each teach one unit of the standard, in order, so that an exam
    result weak in that unit sends the trainee back to them; published as a new revision of each lesson."""
    track = TrackPage.objects.filter(slug=entry["track"]).first()
    course = CoursePage.objects.live().child_of(track).order_by("path").first() if track else None
    if course is None:
        return
    lessons = LessonPage.objects.live().descendant_of(course).order_by("path")
    if LessonUnit.objects.filter(lesson__in=lessons).exists():
        return
    units = standard.units.order_by("sort_order", "code")[:LINKED_LESSONS]
    for lesson, unit in zip(lessons[:LINKED_LESSONS], units, strict=False):
        lesson.unit_coverages = [LessonUnit(unit=unit, sort_order=0)]
        lesson.save_revision().publish()


@transaction.atomic
def demo_standards_load() -> list[CompetencyStandard]:
    """Import the five demo standards, create their schemes and link each track's first course, and its first
    lessons, to its units."""
    loaded = []
    for entry in DEMO_STANDARDS:
        standard = _standard_ensure(entry)
        _scheme_ensure(entry, standard)
        _course_link(entry, standard)
        _lesson_link(entry, standard)
        loaded.append(standard)
    return loaded
