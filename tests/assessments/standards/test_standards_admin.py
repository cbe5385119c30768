"""The standards area of the Wagtail admin: listings, import (check, then import), export, guarded deletes,
and the units-covered panel in the course editor."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from assessments.models import (
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    CourseUnit,
    Element,
    LessonUnit,
    SchemeUnit,
)
from assessments.standards.files import standard_export_csv, standard_export_yaml
from assessments.standards.selectors import units_for_course
from courses.models import CoursePage, LessonPage
from tests.assessments.standards.support import GARMENT_YAML, build_standard
from tests.courses import factories as course_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _in_english(user):
    """These tests read the admin's English texts; on the host site a user's own language wins (Indonesian)."""
    if hasattr(user, "preferred_language"):
        user.preferred_language = "en"
        user.save(update_fields=["preferred_language"])
    return user


@pytest.fixture
def admin_client(client):
    client.force_login(_in_english(UserFactory(is_superuser=True, is_staff=True)))
    return client


def _user_with(*codenames: str):
    user = _in_english(UserFactory())
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(content_type__app_label="assessments", codename=codename))
    return user


def _url(model, name: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def _upload(text: str, name: str = "garmen.yaml") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="application/octet-stream")


# --- listings ------------------------------------------------------------------------------------------


def _schemes(count: int) -> None:
    standard = build_standard(units=1, elements=0)
    unit = standard.units.get()
    for n in range(count):
        scheme = CertificationScheme.objects.create(title=f"Skema {n}", number=f"SKM-{n}", kkni_level=2)
        SchemeUnit.objects.create(scheme=scheme, unit=unit)


LISTINGS = {
    CompetencyStandard: lambda count: [build_standard(title=f"Standar {n}") for n in range(count)],
    CompetencyUnit: lambda count: build_standard(units=count, elements=1, criteria=1),
    Element: lambda count: build_standard(units=1, elements=count, criteria=1),
    CertificationScheme: _schemes,
}


@pytest.mark.parametrize("model", LISTINGS, ids=lambda model: model.__name__)
def test_each_listing_costs_the_same_queries_for_one_row_as_for_twenty(admin_client, django_assert_num_queries, model):
    url = _url(model, "list")
    LISTINGS[model](1)
    admin_client.get(url)  # warm up what Wagtail caches per process (menus, site)
    with CaptureQueriesContext(connection) as one_row:
        response = admin_client.get(url)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 1

    LISTINGS[model](19)
    with django_assert_num_queries(len(one_row)):
        response = admin_client.get(url)

    assert response.status_code == 200
    assert len(response.context["object_list"]) == 20


def test_the_add_and_edit_forms_render_with_their_inline_panels(admin_client):
    standard = build_standard(units=1, elements=1, criteria=1)
    unit = standard.units.get()
    element = unit.elements.get()
    scheme = CertificationScheme.objects.create(title="Skema")
    SchemeUnit.objects.create(scheme=scheme, unit=unit)

    for instance, relation in [
        (standard, "units"),
        (unit, "elements"),
        (element, "criteria"),
        (scheme, "scheme_units"),
    ]:
        model = type(instance)
        assert admin_client.get(_url(model, "add")).status_code == 200
        page = admin_client.get(_url(model, "edit", instance.pk)).content.decode()
        assert f'name="{relation}-TOTAL_FORMS" value="1"' in page, model


def test_the_standards_listing_searches_filters_and_offers_import_and_export(admin_client):
    garment = build_standard(title="Produksi Garmen", decree_number="K1")
    build_standard(title="Bahasa Jepang", decree_number="K2", kind="SKKK")
    url = _url(CompetencyStandard, "list")

    assert [s.pk for s in admin_client.get(url, {"q": "garmen"}).context["object_list"]] == [garment.pk]
    assert [s.title for s in admin_client.get(url, {"kind": "SKKK"}).context["object_list"]] == ["Bahasa Jepang"]
    page = admin_client.get(url).content.decode()
    assert _url(CompetencyStandard, "import") in page
    assert _url(CompetencyStandard, "export", garment.pk, "yaml") in page
    assert _url(CompetencyStandard, "export", garment.pk, "csv") in page


def test_units_can_be_filtered_by_standard(admin_client):
    first, second = build_standard(units=2, decree_number="K1"), build_standard(units=3, decree_number="K2")

    response = admin_client.get(_url(CompetencyUnit, "list"), {"standard": second.pk})

    assert {unit.standard_id for unit in response.context["object_list"]} == {second.pk}
    assert first.pk != second.pk


# --- import --------------------------------------------------------------------------------------------


def test_import_checks_first_then_imports_the_checked_file(admin_client):
    url = _url(CompetencyStandard, "import")
    assert admin_client.get(url).status_code == 200

    checked = admin_client.post(url, {"action": "check", "file": _upload(GARMENT_YAML)})

    assert checked.status_code == 200
    assert CompetencyStandard.objects.count() == 0
    result = checked.context["result"]
    assert result.ok and result.dry_run and result.units.created == 2
    assert "Units: 2 new" in checked.content.decode()
    token = checked.context["checked"]

    imported = admin_client.post(url, {"action": "import", "checked": token})

    standard = CompetencyStandard.objects.get()
    assert imported.status_code == 302
    assert imported["Location"] == _url(CompetencyStandard, "edit", standard.pk)
    assert standard.units.count() == 2


def test_import_lists_every_problem_with_its_line_and_offers_no_import(admin_client):
    response = admin_client.post(
        _url(CompetencyStandard, "import"),
        {"action": "check", "file": _upload("title: ''\nunits:\n  - code: U\n", "salah.yaml")},
    )

    result = response.context["result"]
    assert [(p.line, p.field) for p in result.errors] == [(1, "title"), (3, "title")]
    assert response.context["checked"] == ""
    assert "The file has 2 problems" in response.content.decode()


def test_a_tampered_or_stale_checked_file_imports_nothing(admin_client):
    response = admin_client.post(_url(CompetencyStandard, "import"), {"action": "import", "checked": "forged"})

    assert response.status_code == 200
    assert CompetencyStandard.objects.count() == 0
    assert "Upload it again" in response.content.decode()


def _refused(response) -> bool:
    """Wagtail turns PermissionDenied in its admin into a redirect to the dashboard with a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_import_needs_the_add_permission(client):
    client.force_login(_user_with("view_competencystandard", "change_competencystandard"))

    assert _refused(client.get(_url(CompetencyStandard, "import")))
    assert _refused(client.post(_url(CompetencyStandard, "import"), {"file": _upload(GARMENT_YAML)}))
    assert CompetencyStandard.objects.count() == 0


def test_who_may_only_add_standards_cannot_overwrite_one_by_importing(client):
    build_standard(title="Industri Pakaian Jadi", decree_number="Kepmenaker No. 90 Tahun 2019")
    client.force_login(_user_with("add_competencystandard"))

    response = client.post(_url(CompetencyStandard, "import"), {"action": "check", "file": _upload(GARMENT_YAML)})

    assert not response.context["result"].ok
    assert "may not change it" in response.content.decode()


# --- export --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("file_format", "content_type"), [("yaml", "application/yaml"), ("csv", "text/csv")])
def test_export_downloads_the_standard(admin_client, file_format, content_type):
    standard = build_standard(title="Produksi Garmen", year=2019)

    response = admin_client.get(_url(CompetencyStandard, "export", standard.pk, file_format))

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"] == f'attachment; filename="skkni-produksi-garmen-2019.{file_format}"'
    body = response.content.decode("utf-8")
    expected = standard_export_yaml(standard) if file_format == "yaml" else "\ufeff" + standard_export_csv(standard)
    assert body == expected


def test_export_needs_the_view_permission(client):
    standard = build_standard()
    url = _url(CompetencyStandard, "export", standard.pk, "yaml")
    client.force_login(_user_with())
    assert _refused(client.get(url))

    client.force_login(_user_with("view_competencystandard"))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("path", ["999999/yaml", "{pk}/pdf"])
def test_export_of_something_that_is_not_there_is_not_found(admin_client, path):
    standard = build_standard()
    url = _url(CompetencyStandard, "list") + "export/" + path.format(pk=standard.pk) + "/"

    assert admin_client.get(url).status_code == 404


# --- editing and deleting rows in use -------------------------------------------------------------------


def test_the_standard_editor_refuses_to_remove_a_unit_a_scheme_uses(admin_client):
    standard = build_standard(units=2, elements=0)
    used, unused = standard.units.order_by("code")
    scheme = CertificationScheme.objects.create(title="Skema")
    SchemeUnit.objects.create(scheme=scheme, unit=used)

    def post(delete_used: bool):
        units = [
            {"id": unit.pk, "code": unit.code, "title": unit.title, "version": "", "sort_order": "0"}
            | ({"DELETE": "1"} if unit == used and delete_used else {})
            for unit in (used, unused)
        ]
        data = {"title": standard.title, "kind": "SKKNI", "decree_number": standard.decree_number, "year": ""}
        data |= {"sector": "", "units": inline_formset(units, initial=2)}
        return admin_client.post(_url(CompetencyStandard, "edit", standard.pk), nested_form_data(data))

    response = post(delete_used=True)

    assert response.status_code == 200
    assert "cannot be removed" in response.content.decode()
    assert standard.units.count() == 2
    assert post(delete_used=False).status_code == 302


def test_deleting_a_standard_whose_units_are_in_use_is_refused_with_a_reason(admin_client):
    standard = build_standard(units=1, elements=1, criteria=1)
    course = course_factories.course(modules=0)
    CourseUnit.objects.create(course=course, unit=standard.units.get())
    url = _url(CompetencyStandard, "delete", standard.pk)

    response = admin_client.post(url, follow=True)

    assert CompetencyStandard.objects.filter(pk=standard.pk).exists()
    assert "Nothing was deleted" in response.content.decode()


def test_bulk_deleting_standards_in_use_is_refused_too(admin_client):
    used, unused = build_standard(units=1, elements=0), build_standard(units=1, elements=0)
    SchemeUnit.objects.create(scheme=CertificationScheme.objects.create(title="Skema"), unit=used.units.get())
    url = reverse("wagtail_bulk_action", args=("assessments", "competencystandard", "delete"))

    response = admin_client.post(f"{url}?id={used.pk}&id={unused.pk}", follow=True)

    assert "Nothing was deleted" in response.content.decode()
    assert CompetencyStandard.objects.count() == 2
    admin_client.post(f"{url}?id={unused.pk}")
    assert list(CompetencyStandard.objects.all()) == [used]


def test_an_unused_standard_can_be_deleted(admin_client):
    standard = build_standard(units=1, elements=1, criteria=1)

    assert admin_client.get(_url(CompetencyStandard, "delete", standard.pk)).status_code == 200
    admin_client.post(_url(CompetencyStandard, "delete", standard.pk))

    assert not CompetencyStandard.objects.exists()


# --- the course editor ----------------------------------------------------------------------------------


def test_the_course_editor_has_a_panel_for_the_units_covered():
    panels = [panel for tab in CoursePage.get_edit_handler().children for panel in tab.children]

    assert "unit_coverages" in [getattr(panel, "relation_name", None) for panel in panels]


def test_an_editor_picks_the_units_a_course_covers(admin_client):
    standard = build_standard(units=2, elements=0)
    first, second = standard.units.order_by("code")
    course = course_factories.course(modules=0)
    edit_url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    assert admin_client.get(edit_url).status_code == 200

    data = {
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "outcomes": rich_text(""),
        "jp_hours": "40",
        "unit_coverages": inline_formset([{"unit": str(second.pk)}, {"unit": str(first.pk)}]),
        "certificate_rules": inline_formset([]),  # the certificates plugin's panel, when installed
        "action-publish": "publish",
    }
    response = admin_client.post(edit_url, nested_form_data(data))

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert [unit.pk for unit in units_for_course(course=course)] == [second.pk, first.pk]


# --- the lesson editor ----------------------------------------------------------------------------------


def test_an_editor_picks_the_units_a_lesson_teaches(admin_client):
    # Given a lesson and a standard with two units
    standard = build_standard(units=2, elements=0)
    _first, second = standard.units.order_by("code")
    lesson = course_factories.lessons_of(course_factories.course(modules=1, lessons=1))[0]
    edit_url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    # When the editor opens the lesson, the units it teaches have a panel of their own
    assert "unit_coverages" in admin_client.get(edit_url).content.decode()
    # and publishing it with the second unit records that the lesson teaches it
    data = {
        "title": lesson.title,
        "slug": lesson.slug,
        "estimated_minutes": "15",
        "required": "on",
        "body-count": "0",
        "unit_coverages": inline_formset([{"unit": str(second.pk)}]),
        "action-publish": "publish",
    }
    response = admin_client.post(edit_url, nested_form_data(data))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert list(LessonUnit.objects.filter(lesson=lesson).values_list("unit", flat=True)) == [second.pk]
    assert LessonPage.objects.get(pk=lesson.pk).live
