"""Ids posted in a form, read without trusting them: a word, a non-ASCII digit or a number too long for a database
id is left out (the service then finds too few, or nothing), never a ``ValueError`` or a database overflow."""

from __future__ import annotations

from collections.abc import Sequence


def posted_id(value: str) -> int | None:
    """A posted id, or None for anything else (a word, an overflowing number)."""
    return int(value) if value.isascii() and value.isdecimal() and len(value) <= 15 else None


def posted_ids(values: Sequence[str], *, limit: int) -> list[int]:
    """The ids among the first ``limit`` posted values."""
    return [number for number in map(posted_id, values[:limit]) if number is not None]
