"""Private files: judged by content, images rebuilt from their pixels, handed out only as checked attachments."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from kompeten_core.private_files import private_file_response, private_storage
from kompeten_core.uploads import UploadRefused, content_matches, reencode_image, sniff
from tests.factories import image_bytes


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (image_bytes("PNG"), "png"),
        (image_bytes("JPEG"), "jpg"),
        (b"PK\x03\x04rest-of-a-docx", "zip"),
        (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 32, None),  # a Windows program
        (b"Jawaban: baut M8, torsi 25 Nm", "text"),
    ],
)
def test_sniff_names_what_the_bytes_are(data, kind):
    assert sniff(SimpleUploadedFile("x", data)) == kind


def test_an_extension_must_match_the_content():
    exe = SimpleUploadedFile("laporan.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    assert content_matches(exe, "pdf") is None
    assert content_matches(SimpleUploadedFile("a.jpg", image_bytes("PNG")), "jpg") is None
    assert content_matches(SimpleUploadedFile("a.PNG", image_bytes("PNG")), "PNG") == "png"


def test_an_image_is_rebuilt_without_metadata_or_anything_appended():
    # Given a JPEG photo with a GPS position in its EXIF data and a script appended after the image
    photo = Image.new("RGB", (16, 16), (10, 120, 200))
    exif = Image.Exif()
    exif[0x8825] = {2: (7.0, 0.0, 0.0), 4: (109.0, 0.0, 0.0)}  # GPSInfo: latitude, longitude
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", exif=exif)
    data = buffer.getvalue() + b"<script>alert(1)</script>"
    # When it is re-encoded
    clean = reencode_image(SimpleUploadedFile("foto.jpg", data), "jpg").read()
    # Then it is still a JPEG of the same size, without EXIF and without the appended script
    with Image.open(io.BytesIO(clean)) as image:
        assert image.format == "JPEG" and image.size == (16, 16)
        assert not image.getexif()
    assert b"<script>" not in clean


def test_a_fake_or_bomb_image_is_refused():
    with pytest.raises(UploadRefused):
        reencode_image(SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40), "png")
    huge = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(huge, format="PNG")  # 400 megapixels, a few kB compressed
    with pytest.raises(UploadRefused):
        reencode_image(SimpleUploadedFile("bom.png", huge.getvalue()), "png")


@pytest.mark.django_db
def test_a_private_file_goes_out_as_a_sandboxed_attachment():
    name = private_storage().save("uji/berkas.html", ContentFile(b"<script>alert(1)</script>"))
    response = private_file_response(name=name, filename="laporan akhir.html", content_type="text/html")
    assert response["Content-Disposition"].startswith('attachment; filename="laporan akhir.html"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == b"<script>alert(1)</script>"


@pytest.mark.django_db
def test_in_production_nginx_sends_the_file(settings):
    # Given a private file in a local storage (X-Accel-Redirect reaches local folders only; an object store is
    # tests/storage/test_object_storage.py)
    storage = InMemoryStorage()
    name = storage.save("uji/a.pdf", ContentFile(b"%PDF-1.7"))
    with override_settings(KOMPETEN_PRIVATE_ACCEL_PREFIX="/_private/"):
        response = private_file_response(name=name, filename="a.pdf", content_type="application/pdf", storage=storage)
    assert response["X-Accel-Redirect"] == f"/_private/{name}"
    assert response.content == b""
