"""Import and export of a competency standard (standard → units → elements → criteria) as YAML or CSV.

The file format and the import rules are documented in ``docs/standards-format.md``. In short:

- ``standard_import(data=..., filename=...)`` reads a ``.yaml``/``.yml`` or ``.csv`` file, checks all of it and
  reports every problem with its line and field. A file with any problem changes nothing.
- A standard that exists already (same kind and decree number; without a decree number, the same title) is
  updated in place: units are matched by code, elements by number, criteria by number. Rows missing from the
  file are removed, unless something still uses them (a scheme, a course, a question, ...): then the import
  reports it and changes nothing.
- ``standard_export_yaml`` / ``standard_export_csv`` write a file that imports back into the same tree.

Hostile files: ``standard_parse`` (no database) and ``standard_import`` return their result for any bytes whatever;
every problem is in ``result.errors`` (translated, with its line), and ``StandardFileInvalid`` is the only exception
the reading raises internally. YAML is read with the safe loader only, without anchors and aliases, at most
``KOMPETEN_STANDARD_IMPORT_MAX_YAML_DEPTH`` collections deep and ``KOMPETEN_STANDARD_IMPORT_MAX_YAML_NODES`` values
long (the pure-Python reader is slow: this bounds the time); CSV strictly (mismatched quotes are errors), at most
``KOMPETEN_STANDARD_IMPORT_MAX_ROWS`` rows; the file at most ``KOMPETEN_STANDARD_IMPORT_MAX_BYTES``. Cells that
look like spreadsheet formulas are kept as text, and an export puts an apostrophe before them.
``tests/hardening/test_parsers_standards.py`` feeds both readers random and mutated files.
"""

from assessments.standards.files.export import (
    standard_export_csv,
    standard_export_data,
    standard_export_filename,
    standard_export_yaml,
)
from assessments.standards.files.format import CSV_COLUMNS, FORMAT, StandardFileInvalid, max_bytes
from assessments.standards.files.importing import standard_import, standard_parse
from assessments.standards.files.results import ChangeCount, ImportProblem, ImportResult

__all__ = [
    "CSV_COLUMNS",
    "FORMAT",
    "ChangeCount",
    "ImportProblem",
    "ImportResult",
    "StandardFileInvalid",
    "max_bytes",
    "standard_export_csv",
    "standard_export_data",
    "standard_export_filename",
    "standard_export_yaml",
    "standard_import",
    "standard_parse",
]
