"""The one settings object: attribute access, documented defaults, read at call time."""

import re
from pathlib import Path

import pytest
from django.test import override_settings

from kompeten_core.conf import DEFAULTS, public_base_url
from kompeten_core.conf import settings as kompeten

DOCS = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_a_setting_reads_its_default_until_the_host_sets_it():
    def rows():
        return kompeten.CSV_MAX_ROWS

    assert rows() == DEFAULTS["CSV_MAX_ROWS"]
    with override_settings(KOMPETEN_CSV_MAX_ROWS=3):
        assert rows() == 3
    assert rows() == DEFAULTS["CSV_MAX_ROWS"]


def test_an_unknown_name_is_an_error_not_none():
    with pytest.raises(AttributeError, match="CSV_MAX_ROW"):
        _ = kompeten.CSV_MAX_ROW


def test_the_public_address_falls_back_to_the_admin_base_url():
    with override_settings(KOMPETEN_PUBLIC_BASE_URL=None, WAGTAILADMIN_BASE_URL="https://kompeten.example/"):
        assert public_base_url() == "https://kompeten.example"
    with override_settings(KOMPETEN_PUBLIC_BASE_URL="https://verify.example"):
        assert public_base_url() == "https://verify.example"


def test_the_settings_table_in_the_docs_names_every_default_and_no_other():
    documented = set(re.findall(r"^\| `KOMPETEN_([A-Z0-9_]+)` \|", DOCS.read_text(encoding="utf-8"), re.M))
    assert documented == set(DEFAULTS)
