"""The Indonesian and English catalogues are complete, free of fuzzy entries, and compiled."""

import gettext

import pytest
from django.urls import reverse
from django.utils import translation

from scripts.compile_messages import catalogues, override_catalogues, po_entries

CATALOGUES = catalogues()


def _name(po) -> str:
    """lms-id, courses-en, ... and lms-locale_wagtail-id-djangojs for the override of Wagtail's words."""
    if po in override_catalogues():
        return f"{po.parts[-5]}-{po.parts[-4]}-{po.parts[-3]}-{po.stem}"
    return f"{po.parts[-5]}-{po.parts[-3]}"


def test_every_app_has_both_catalogues():
    found = {(po.parts[-5], po.parts[-3]) for po in CATALOGUES}
    apps = ("lms", "courses", "assessments", "certificates", "placement")
    expected = {(app, lang) for app in apps for lang in ("id", "en")}
    assert found >= expected


@pytest.mark.parametrize("po", CATALOGUES, ids=_name)
def test_catalogue_is_complete_and_not_fuzzy(po):
    problems = [msgid for msgid, _plural, strings, fuzzy in po_entries(po) if msgid and (fuzzy or not all(strings))]
    assert problems == []


@pytest.mark.parametrize("po", CATALOGUES, ids=_name)
def test_catalogue_is_compiled_from_its_current_text(po):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"run `make messages`: {mo} is missing"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    source = {msgid: strings[0] for msgid, plural, strings, _fuzzy in po_entries(po) if msgid and not plural}
    assert {k: v for k, v in compiled.items() if k in source} == source


def test_indonesian_is_active_through_the_catalogue():
    with translation.override("id"):
        assert translation.gettext("My dashboard") == "Dasbor saya"


def test_the_override_of_wagtails_words_is_a_catalogue_we_check():
    assert {(po.parts[-3], po.stem) for po in override_catalogues()} >= {("id", "django")}


@pytest.mark.parametrize("language", ["id", "id-id"])
def test_wagtails_untranslated_admin_words_are_indonesian_through_the_override(language):
    with translation.override(language):
        assert translation.gettext("Page title") == "Judul halaman"
        assert translation.gettext("Autosave is paused") == "Simpan otomatis dijeda"


def test_wagtails_untranslated_script_words_are_indonesian_through_the_override(admin_client):
    admin_client.cookies["kompeten_language"] = "id"
    response = admin_client.get(reverse("wagtailadmin_javascript_catalog"))
    assert '"Collapse all": "Ciutkan semua"' in response.content.decode()


def test_our_own_words_win_over_the_override():
    with translation.override("id-id"):
        assert translation.gettext("My dashboard") == "Dasbor saya"
