"""The documents of an application (identity card, last diploma): PDF, JPEG or PNG judged by their content, never by
their name or the browser's word, and no larger than ``KOMPETEN_REGISTRATION_DOCUMENT_MAX_BYTES``. Images are
rebuilt from their pixels (``kompeten_core.uploads.reencode_image``: no metadata, nothing appended or hidden); a PDF
that carries markup or script (an SVG/HTML polyglot, JavaScript) is refused. A refused document is never stored."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext as _

from kompeten_core.conf import settings as kompeten
from kompeten_core.uploads import UploadRefused, content_matches, reencode_image

ALLOWED = {"pdf", "png", "jpg"}
_ACTIVE_CONTENT = re.compile(rb"<\s*(?:script|svg|html|iframe)\b|/JavaScript|/JS\s*[(<]|/Launch\b", re.IGNORECASE)


class DocumentRefused(ValidationError):
    """A document cannot be kept; the message says why, in the user's language."""


@dataclass(frozen=True)
class CheckedDocument:
    content: File
    extension: str


def document_check(upload, *, label: str) -> CheckedDocument:
    """The document as it may be stored, or ``DocumentRefused`` (nothing is stored)."""
    limit = kompeten.REGISTRATION_DOCUMENT_MAX_BYTES
    if upload.size is None or upload.size > limit:
        raise DocumentRefused(
            _("%(document)s is too large (at most %(size)s MB).")
            % {"document": label, "size": f"{limit / (1024 * 1024):g}"},
            code="too_large",
        )
    extension = os.path.splitext(upload.name or "")[1].lstrip(".").lower()
    kind = content_matches(upload, extension)
    if kind not in ALLOWED:
        raise DocumentRefused(
            _("%(document)s must be a PDF, JPEG or PNG file.") % {"document": label}, code="wrong_type"
        )
    if kind == "pdf":
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        if _ACTIVE_CONTENT.search(data):
            raise DocumentRefused(
                _("%(document)s contains script or web content; send a plain scan or photo.") % {"document": label},
                code="active_content",
            )
        return CheckedDocument(content=ContentFile(data), extension="pdf")
    try:
        image = reencode_image(upload, kind)
    except UploadRefused as error:
        raise DocumentRefused(
            _("%(document)s is not a sound image file.") % {"document": label}, code="bad_image"
        ) from error
    return CheckedDocument(content=image, extension="jpg" if kind == "jpg" else "png")
