"""The Indonesian and English catalogues are complete, free of fuzzy entries, and compiled."""

import gettext

import pytest
from django.utils import translation

from scripts.compile_messages import catalogues, po_entries

CATALOGUES = catalogues()


def test_every_app_has_both_catalogues():
    found = {(po.parts[-5], po.parts[-3]) for po in CATALOGUES}
    apps = ("lms", "courses", "assessments", "certificates", "placement")
    expected = {(app, lang) for app in apps for lang in ("id", "en")}
    assert found >= expected


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: f"{p.parts[-5]}-{p.parts[-3]}")
def test_catalogue_is_complete_and_not_fuzzy(po):
    problems = [msgid for msgid, _plural, strings, fuzzy in po_entries(po) if msgid and (fuzzy or not all(strings))]
    assert problems == []


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: f"{p.parts[-5]}-{p.parts[-3]}")
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
