"""Usernames that cannot pass for one another.

A username is NFKC-normalised (full-width letters become plain ones), then must keep to a safe set of characters:
ASCII letters and digits and ``. _ - @ +`` (no Cyrillic "ie", U+0435, in "peserta"). Within that set, its
*skeleton* (after Unicode TR39: lower case, ``0``→``o``, ``1``→``l``, ``rn``→``m``, ``vv``→``w``) must be unique:
``budi01`` and ``BUDIOl`` are one name. The database guards the skeleton with a unique index on the same
expression (``username_skeleton_expression``), so no path around the forms can make a look-alike either.
"""

import unicodedata

from django.core.validators import RegexValidator
from django.db.models import F, Value
from django.db.models.functions import Lower, Replace
from django.utils.translation import gettext_lazy as _

#: TR39 confusables among the safe characters, applied in this order after lower-casing.
CONFUSABLES = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "l"))

username_validator = RegexValidator(
    r"^[A-Za-z0-9._@+-]+\Z",
    _("Use only the letters a-z, digits and @ . + - _ in the username."),
    code="invalid",
)


def username_normalise(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "").strip()


def username_skeleton(value: str) -> str:
    skeleton = username_normalise(value).lower()
    for seen, meant in CONFUSABLES:
        skeleton = skeleton.replace(seen, meant)
    return skeleton


def username_skeleton_expression(field: str = "username"):
    """``username_skeleton`` in SQL (SQLite and PostgreSQL), for the unique index and look-ups."""
    expression = Lower(F(field))
    for seen, meant in CONFUSABLES:
        expression = Replace(expression, Value(seen), Value(meant))
    return expression
