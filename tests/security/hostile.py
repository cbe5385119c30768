"""Hostile input for the no-500 walk (``tests/security/test_no_500_walk.py``): values, Hypothesis strategies, and
how they are put into a URL, a query string, a form-encoded body or a JSON body.

Text is percent-encoded from its UTF-8 bytes with ``surrogatepass``, so a lone surrogate reaches the server as the
invalid bytes ``%ED%A0%80`` (what a browser or a script can send), a NUL byte as ``%00``. JSON bodies are encoded
with ``ensure_ascii``: a lone surrogate arrives as the escape ``\\ud800``, which ``json.loads`` turns back into a
lone surrogate in a Python string (the form a database driver chokes on).
"""

from __future__ import annotations

import json
from urllib.parse import quote

from hypothesis import strategies as st

NUL = "a\x00b"
SURROGATE = "\ud800"
BIDI = "\u202eabc\u202d\u2066x\u2069\u200f"

#: Text values every URL parameter, query string and body field is tried with (the walk's fixed cases).
TEXTS = [
    NUL,
    SURROGATE,
    f"x{SURROGATE}y",
    BIDI,
    "",
    " ",
    "\x00",
    "<script>alert(1)</script>",
    "'; DROP TABLE x; --",
    "%",
    "../../etc/passwd",
    "\ufeff\u0000\uffff",
    "\U0001d54f" * 50,
    "a" * 5000,
]

#: Numbers, as text: unknown ids, negative, zero, and beyond 32 and 64 bits (an overflowing database integer).
NUMBERS = [
    "0",
    "-1",
    "999999",
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "9" * 40,
    "1e309",
    "NaN",
    "1.5",
    "0x10",
]

ATOMS = TEXTS + NUMBERS

#: Query-string and form field names pages read (searches, paging, sorting, filters, the ``next`` redirect, ...);
#: the walk adds the names of every input of the page it got.
FIELD_NAMES = [
    "q",
    "p",
    "page",
    "ordering",
    "sort",
    "next",
    "language",
    "batch",
    "course",
    "status",
    "code",
    "id",
    "ids",
    "seq",
    "position",
    "version",
    "answer",
    "text",
    "action",
    "verdict",
    "rationale",
    "method",
    "format",
    "export",
    "year",
    "month",
    "date",
    "from",
    "to",
]

#: Deep enough for ``json.loads`` to raise ``RecursionError``, small enough (10 kB) to pass every body-size limit,
#: so that it reaches the parser and not only a size check.
DEEP = 5_000
HUGE_BYTES = 3 * 1024 * 1024


def pct(text: str) -> str:
    """Percent-encode text byte for byte (UTF-8, lone surrogates kept as their invalid three bytes)."""
    return quote(str(text).encode("utf-8", "surrogatepass"), safe="")


def urlencoded(pairs) -> str:
    """A query string or form body from (name, value) pairs, with :func:`pct` on both."""
    return "&".join(f"{pct(name)}={pct(value)}" for name, value in pairs)


def json_body(value) -> str:
    return json.dumps(value, ensure_ascii=True)


def deep_json(depth: int = DEEP, opener: str = "[") -> str:
    """Nested arrays or objects deep enough for ``json.loads`` to raise ``RecursionError``."""
    if opener == "[":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


def huge_form() -> str:
    """A form body over Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB)."""
    return "text=" + "a" * HUGE_BYTES


def huge_json() -> str:
    return json_body({"text": "a" * HUGE_BYTES})


def wrong_types(names) -> list[dict]:
    """JSON objects whose fields hold the wrong kind of value (lists, objects, null, booleans, floats, huge ints)."""
    values = [None, True, [], [1, "a"], {}, {"a": None}, 1.5, -1, 10**30, "x", NUL, SURROGATE]
    return [dict.fromkeys(names, value) for value in values]


# --- Hypothesis strategies --------------------------------------------------------------------------------------

atoms = st.sampled_from(ATOMS)
#: Any text, surrogates and control characters included.
texts = st.one_of(atoms, st.text(st.characters(codec=None, exclude_categories=()), max_size=40))
integers = st.one_of(st.integers(min_value=-(2**70), max_value=2**70), st.sampled_from([0, -1, 2**31, 2**63]))
scalars = st.one_of(st.none(), st.booleans(), integers, st.floats(allow_nan=False), texts)
#: JSON values of every shape (the wrong type for what a view expects, most of the time).
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)),
    max_leaves=12,
)
#: A value for a URL parameter: the world's own (so the view gets past its lookup), an unknown or overflowing
#: number, or hostile text.
param_values = st.one_of(st.sampled_from(ATOMS), integers.map(str), texts)


def fields(names) -> st.SearchStrategy:
    """(name, value) pairs for a query string or a form: known field names and hostile values."""
    name = st.one_of(st.sampled_from(sorted(set(names)) or FIELD_NAMES), texts)
    value = st.one_of(st.sampled_from(ATOMS), texts, integers.map(str))
    return st.lists(st.tuples(name, value), max_size=6)


def bodies(names) -> st.SearchStrategy:
    """A POST body as (content type, text): form-encoded or JSON, hostile, wrong-typed, deep or huge."""
    names = sorted(set(names)) or FIELD_NAMES
    form = fields(names).map(lambda pairs: ("application/x-www-form-urlencoded", urlencoded(pairs)))
    typed = st.dictionaries(st.sampled_from(names), json_values, max_size=6)
    as_json = st.one_of(typed, json_values).map(lambda value: ("application/json", json_body(value)))
    special = st.sampled_from(
        [
            ("application/json", deep_json()),
            ("application/json", deep_json(opener="{")),
            ("application/json", "{broken"),
            ("application/json", '"\\ud800"'),
            ("application/x-www-form-urlencoded", huge_form()),
            ("application/json", huge_json()),
        ]
    )
    return st.one_of(form, as_json, special)
