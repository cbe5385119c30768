"""The documents of a batch application (identity card, last diploma), checked by
``kompeten_core.uploads.document_check`` (PDF, JPEG or PNG by their content, images rebuilt from their pixels, no
script in a PDF) against ``KOMPETEN_REGISTRATION_DOCUMENT_MAX_BYTES``. A refused document is never stored."""

from __future__ import annotations

from kompeten_core.conf import settings as kompeten
from kompeten_core.uploads import CheckedDocument, DocumentRefused
from kompeten_core.uploads import document_check as _document_check

__all__ = ["CheckedDocument", "DocumentRefused", "document_check"]


def document_check(upload, *, label: str) -> CheckedDocument:
    """The document as it may be stored, or ``DocumentRefused`` (nothing is stored)."""
    return _document_check(upload, label=label, max_bytes=kompeten.REGISTRATION_DOCUMENT_MAX_BYTES)
