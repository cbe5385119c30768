"""Uploaded files are judged by their content, never by their name or the browser's content type.

``sniff`` reads the first bytes and says what a file really is; ``reencode_image`` rebuilds a PNG, JPEG, GIF or
WebP with Pillow, which drops metadata (GPS positions in photos) and anything hidden after or inside the image
(a script or a second file). Decompression bombs are refused.
"""

import io
import os
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext as _

# (kind, magic bytes at offset 0)
_MAGIC = (
    ("pdf", b"%PDF-"),
    ("png", b"\x89PNG\r\n\x1a\n"),
    ("jpg", b"\xff\xd8\xff"),
    ("gif", b"GIF87a"),
    ("gif", b"GIF89a"),
    ("zip", b"PK\x03\x04"),  # docx, xlsx, pptx, odt and zip are all ZIP containers
    ("webm", b"\x1a\x45\xdf\xa3"),
)
#: The extensions each detected kind may carry.
EXTENSIONS = {
    "pdf": {"pdf"},
    "png": {"png"},
    "jpg": {"jpg", "jpeg"},
    "gif": {"gif"},
    "webp": {"webp"},
    "zip": {"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp"},
    "webm": {"webm"},
    "mp4": {"mp4", "m4v", "mov"},
    "text": {"txt", "csv", "md"},
}
IMAGES = {"png": "PNG", "jpg": "JPEG", "gif": "GIF", "webp": "WEBP"}
# A safety bound of the image decoder, not a setting: 40 megapixels is any phone photo, more is a decompression bomb.
MAX_IMAGE_PIXELS = 40_000_000


class UploadRefused(ValueError):
    pass


def sniff(upload) -> str | None:
    """What the file is by its content: a kind of ``EXTENSIONS`` or None."""
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    for kind, magic in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head and b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:  # not just a character cut at the end of the sample
                return None
        return "text"
    return None


def content_matches(upload, extension: str) -> str | None:
    """The detected kind when the content is what the extension claims, else None."""
    kind = sniff(upload)
    return kind if kind and extension.lower() in EXTENSIONS.get(kind, set()) else None


def reencode_image(upload, kind: str) -> ContentFile:
    """The image rebuilt from its pixels only (no metadata, nothing appended); refused if it is not a sound image."""
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 — a heavy library, loaded only for images

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise UploadRefused("too many pixels")
            image.load()
            if IMAGES[kind] == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            out = io.BytesIO()
            image.save(out, format=IMAGES[kind], **({"quality": 90} if IMAGES[kind] in ("JPEG", "WEBP") else {}))
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, KeyError, ValueError) as error:
        raise UploadRefused(str(error)) from error
    upload.seek(0)
    return ContentFile(out.getvalue())


# --- documents a person sends about themselves (identity card, diploma, certificates, references) --------------------

DOCUMENT_KINDS = {"pdf", "png", "jpg"}
_ACTIVE_CONTENT = re.compile(rb"<\s*(?:script|svg|html|iframe)\b|/JavaScript|/JS\s*[(<]|/Launch\b", re.IGNORECASE)


class DocumentRefused(ValidationError):
    """A document cannot be kept; the message says why, in the user's language."""


@dataclass(frozen=True)
class CheckedDocument:
    content: File
    extension: str


def document_check(upload, *, label: str, max_bytes: int) -> CheckedDocument:
    """A scan or photo of a document as it may be stored, or ``DocumentRefused`` (nothing is stored): a PDF, JPEG or
    PNG judged by its content, never by its name or the browser's word, of at most ``max_bytes``. Images are rebuilt
    from their pixels (``reencode_image``: no metadata, nothing appended or hidden); a PDF that carries markup or
    script (an SVG/HTML polyglot, JavaScript) is refused. ``label`` names the document in the messages."""
    if upload.size is None or upload.size > max_bytes:
        raise DocumentRefused(
            _("%(document)s is too large (at most %(size)s MB).")
            % {"document": label, "size": f"{max_bytes / (1024 * 1024):g}"},
            code="too_large",
        )
    extension = os.path.splitext(upload.name or "")[1].lstrip(".").lower()
    kind = content_matches(upload, extension)
    if kind not in DOCUMENT_KINDS:
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
    return CheckedDocument(content=image, extension=kind)
