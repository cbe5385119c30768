"""Uploaded files are judged by their content, never by their name or the browser's content type.

``sniff`` reads the first bytes and says what a file really is; ``reencode_image`` rebuilds a PNG, JPEG, GIF or
WebP with Pillow, which drops metadata (GPS positions in photos) and anything hidden after or inside the image
(a script or a second file). Decompression bombs are refused.
"""

import io

from django.core.files.base import ContentFile

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
MAX_IMAGE_PIXELS = 40_000_000  # 40 megapixels: any phone photo, not a decompression bomb


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
