"""The standards' selectors, their query counts pinned with 1 and 20 rows."""

import pytest

from assessments.models import (
    CertificationScheme,
    CourseUnit,
    SchemeUnit,
)
from assessments.standards.selectors import scheme_units, standard_with_tree, units_for_course
from tests.assessments.standards.support import (
    _english,  # noqa: F401 - the autouse fixture (English messages)
    build_standard,
)
from tests.courses import factories as course_factories

pytestmark = pytest.mark.django_db


# --- selectors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 20])
def test_units_for_course_is_one_query_in_the_course_order(django_assert_num_queries, count):
    standard = build_standard(units=count, elements=0)
    course = course_factories.course(modules=0)
    units = list(standard.units.all())
    for order, unit in enumerate(reversed(units)):
        CourseUnit.objects.create(course=course, unit=unit, sort_order=order)

    with django_assert_num_queries(1):
        found = units_for_course(course=course)
        titles = [(unit.code, unit.standard.title) for unit in found]

    assert [code for code, _title in titles] == [unit.code for unit in reversed(units)]


@pytest.mark.parametrize("count", [1, 20])
def test_standard_with_tree_is_four_queries(django_assert_num_queries, count):
    standard = build_standard(units=count, elements=2, criteria=3)

    with django_assert_num_queries(4):
        tree = standard_with_tree(standard_id=standard.pk)
        criteria = [c.number for u in tree.units.all() for e in u.elements.all() for c in e.criteria.all()]

    assert len(criteria) == count * 6
    assert standard_with_tree(standard_id=999999) is None


@pytest.mark.parametrize("count", [1, 20])
def test_scheme_units_is_one_query(django_assert_num_queries, count):
    standard = build_standard(units=count, elements=0)
    scheme = CertificationScheme.objects.create(title="Skema", kind="KLASTER")
    for order, unit in enumerate(standard.units.all()):
        SchemeUnit.objects.create(scheme=scheme, unit=unit, sort_order=order, is_core=order % 2 == 0)

    with django_assert_num_queries(1):
        rows = [(row.unit.code, row.unit.standard.title, row.is_core) for row in scheme_units(scheme=scheme)]

    assert len(rows) == count and rows[0][2] is True
