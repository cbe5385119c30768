"""The import_standard and export_standard commands."""

import pytest
from django.core.management import CommandError, call_command, load_command_class

from assessments.models import (
    CompetencyStandard,
)
from assessments.standards.files import standard_export_csv, standard_export_yaml
from tests.assessments.standards.support import (
    GARMENT_YAML,
    _english,  # noqa: F401 - the autouse fixture (English messages)
    _import,
)

pytestmark = pytest.mark.django_db


# --- commands ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["import_standard", "export_standard"])
def test_the_commands_explain_themselves(name):
    command = load_command_class("assessments", name)

    assert "competency standard" in command.create_parser("manage.py", name).format_help()


def test_import_standard_command_imports_and_reports(tmp_path, capsys):
    path = tmp_path / "garmen.yaml"
    path.write_text(GARMENT_YAML, encoding="utf-8")

    call_command("import_standard", str(path), "--dry-run")
    assert CompetencyStandard.objects.count() == 0
    call_command("import_standard", str(path))

    assert CompetencyStandard.objects.count() == 1
    assert "Units: 2 new" in capsys.readouterr().out


def test_import_standard_command_fails_with_the_lines_and_fields(tmp_path):
    path = tmp_path / "salah.yaml"
    path.write_text("title: ''\nunits:\n  - code: U\n", encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("import_standard", str(path))

    assert "Line 1, title" in str(error.value) and "Line 3, title" in str(error.value)
    assert CompetencyStandard.objects.count() == 0


def test_export_standard_command_writes_yaml_or_csv(tmp_path, capsys):
    standard = _import(GARMENT_YAML).standard
    call_command("export_standard", str(standard.pk))
    assert capsys.readouterr().out == standard_export_yaml(standard)

    path = tmp_path / "garmen.csv"
    call_command("export_standard", str(standard.pk), "--format", "csv", "--output", str(path))
    with path.open(encoding="utf-8", newline="") as handle:
        assert handle.read() == standard_export_csv(standard)

    with pytest.raises(CommandError, match="no competency standard"):
        call_command("export_standard", "999999")
