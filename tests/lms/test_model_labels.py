"""Every name a model gives the admin is translatable and has its Indonesian entry (issue #13.11).

The admin shows a model's verbose names in its menus, listings, forms, inspect views, filters and the group editor's
table of permissions (one row per model), a field's verbose name and help text in forms, column headers and
inspect views, a choice's label in forms and filters. Django's fallbacks are English: a field's name ("signed by"),
a model's class name ("exam rule") and a plural that adds "s" to the Indonesian singular ("kompetensis").
"""

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import trans_real

OUR_APPS = ["lms", "courses", "assessments", "certificates", "placement"]


def _third_party_fields(model) -> set[str]:
    """Fields a model inherits from another project's abstract base (Wagtail's Orderable, taggit's tag links)."""
    names = set()
    for base in model.__mro__[1:]:
        meta = getattr(base, "_meta", None)
        if meta is not None and meta.abstract and base.__module__.split(".")[0] not in OUR_APPS:
            names |= {field.name for field in meta.local_fields}
    return names


def _labels(model):
    """(where, label) for each name the model gives: its verbose names, its fields' verbose names, help texts and
    choice labels."""
    meta = model._meta
    name = f"{meta.app_label}.{model.__name__}"
    yield f"{name} verbose_name", meta.verbose_name
    plural = meta.original_attrs.get("verbose_name_plural")
    yield f"{name} verbose_name_plural", plural if plural is not None else "(Django's English plural)"
    inherited = _third_party_fields(model)
    for field in meta.get_fields():
        if field.auto_created or not field.concrete or field.model is not model or field.primary_key:
            continue
        if field.name in inherited:
            continue
        yield f"{name}.{field.name} verbose_name", field.verbose_name
        if field.help_text:
            yield f"{name}.{field.name} help_text", field.help_text
        for value, label in field.flatchoices or []:
            yield f"{name}.{field.name} choice {value!r}", label


def _problem(label) -> str | None:
    if not isinstance(label, Promise):
        return f"not translatable: {label!r}"
    with translation.override("en"):
        msgid = str(label)
    if msgid not in trans_real.translation("id")._catalog:
        return f"no Indonesian entry: {msgid!r}"
    return None


@pytest.mark.parametrize("app_label", OUR_APPS)
def test_every_name_our_models_give_the_admin_is_translated(app_label):
    problems = {}
    for model in apps.get_app_config(app_label).get_models():
        for where, label in _labels(model):
            problem = _problem(label)
            if problem:
                problems[where] = problem
    assert problems == {}
