"""A message two catalogues share has one translation in both.

Django merges every catalogue of a language into one: the apps' in INSTALLED_APPS order, the first app's entry
winning (lms, placement, certificates, assessments, courses, kompeten_core), and the LOCALE_PATHS catalogues (the
host's own and the override of Wagtail's words) over them all. So when two catalogues translate the same msgid (with
the same msgctxt) differently, one of them loses everywhere: the batch registrations read placement's "Lamaran", the
exam page Wagtail's "Kirim". A msgid shared between catalogues must mean the same thing; where the meanings differ,
one usage takes a context (``pgettext``, ``{% translate "…" context "…" %}``) — see CONTRIBUTING.md.
"""

from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

from scripts.compile_messages import APPS, ROOT, WAGTAIL_OVERRIDE, po_entries


def _catalogues(language: str) -> dict[str, Path]:
    """The django-domain catalogues of one language that Django merges, by a short name."""
    found = {app: ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po" for app in APPS}
    found["lms/locale_wagtail"] = WAGTAIL_OVERRIDE / language / "LC_MESSAGES" / "django.po"
    return {name: po for name, po in found.items() if po.exists()}


def _disagreements(catalogues: dict[str, Path]) -> list[str]:
    """One line per (msgctxt, msgid) that two catalogues translate differently, naming each catalogue's text."""
    translations: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, po in catalogues.items():
        for msgid, _plural, strings, _fuzzy in po_entries(po):
            if msgid:
                translations.setdefault(msgid, {})[name] = tuple(strings)
    lines = []
    for msgid, by_catalogue in sorted(translations.items()):
        if len(set(by_catalogue.values())) > 1:
            context, _, text = msgid.rpartition("\x04")
            key = f"{context!r} {text!r}" if context else repr(text)
            shown = "; ".join(f"{name}: {' | '.join(strings)!r}" for name, strings in by_catalogue.items())
            lines.append(f"{key} — {shown}")
    return lines


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_message_shared_by_catalogues_has_one_translation(language):
    # given every catalogue Django merges for the language
    catalogues = _catalogues(language)
    assert set(APPS) <= set(catalogues)

    # when the entries they share are compared
    disagreements = _disagreements(catalogues)

    # then none is translated two ways (else give one usage a msgctxt, or make the translations agree)
    assert disagreements == [], "\n".join(disagreements)


def test_a_disagreement_is_found_and_a_context_keeps_two_meanings_apart(tmp_path):
    # given two catalogues: one word translated two ways, another kept apart by a context
    first, second = tmp_path / "first.po", tmp_path / "second.po"
    first.write_text('msgid "Place"\nmsgstr "Tempat"\n\nmsgid "Time"\nmsgstr "Jam"\n', encoding="utf-8")
    second.write_text(
        'msgid "Place"\nmsgstr "Urutan"\n\nmsgctxt "timestamp"\nmsgid "Time"\nmsgstr "Waktu"\n', encoding="utf-8"
    )

    # when they are compared
    disagreements = _disagreements({"first": first, "second": second})

    # then only the word without a context is reported, with both translations
    assert disagreements == ["'Place' — first: 'Tempat'; second: 'Urutan'"]


@pytest.mark.parametrize(
    ("context", "message", "indonesian"),
    [
        # the plain word keeps the meaning of the plugin that uses it without a context
        ("", "Applications", "Lamaran"),
        ("", "My applications", "Pendaftaran saya"),
        ("", "Place", "Tempat"),
        ("", "Withdraw", "Tarik"),
        ("", "Submit", "Kirim"),
        # and each other meaning reads its own word through its context, whichever catalogue comes first
        ("training registration", "Applications", "Pendaftaran masuk"),
        ("job applications", "My applications", "Lamaran saya"),
        ("ordering question", "Place", "Urutan"),
        ("training registration", "Withdraw", "Mengundurkan diri"),
        ("exam attempt", "Submit", "Kumpulkan"),
        ("enrolment", "Withdrawn", "Mengundurkan diri"),
    ],
)
def test_each_meaning_reads_its_own_word_in_the_merged_catalogue(context, message, indonesian):
    # given Indonesian, with every catalogue merged as Django merges them
    with translation.override("id"):
        # when the message is looked up with its context (or without one)
        found = pgettext(context, message) if context else gettext(message)

    # then it reads the word of that meaning
    assert found == indonesian
