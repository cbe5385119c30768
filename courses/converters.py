"""The ``id`` path converter: a record's id in a URL is 1 to 18 digits.

``<int:...>`` matches any number of digits, and a 20-digit id overflows SQLite's 64-bit integer inside the query of
a lookup through a related field (a page's ``page_ptr``): ``OverflowError``, a 500. An id of the wrong shape does
not match, so it is a plain 404 and never reaches the database (the idea of ``certificates/converters.py``).
"""

from django.urls import register_converter


class IdConverter:
    """A positive database id: at most 18 digits, so below 2**63 on every database."""

    regex = r"[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)  # as Django's int converter: reverse() checks the result against the regex


register_converter(IdConverter, "id")
