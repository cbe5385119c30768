"""Checking a package before anything is stored: valid 1.2 and 2004 packages pass; malformed and hostile ones are
refused with a translated reason."""

import pytest
from django.test import override_settings
from django.utils import translation

from courses.scorm.packages import PackageRefused, package_inspect
from tests.courses.scorm import factories as scorm_factories


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_valid_package_is_read(version):
    # given a small valid package of this version
    upload = scorm_factories.package_upload(version=version, title="Mengenal mesin jahit")
    # when it is checked
    contents = package_inspect(upload=upload)
    # then its version, title, launch file and files are known
    assert contents.version == version
    assert contents.title == "Mengenal mesin jahit"
    assert contents.launch == "index.html"
    assert set(contents.files) == {"imsmanifest.xml", "index.html", "css/gaya.css"}


def test_a_launch_file_in_a_folder_with_a_query_keeps_both():
    upload = scorm_factories.upload(scorm_factories.package_bytes(launch="sco/mulai.html"))
    assert package_inspect(upload=upload).launch == "sco/mulai.html"


def _refused(data: bytes) -> str:
    with pytest.raises(PackageRefused) as refusal:
        package_inspect(upload=scorm_factories.upload(data))
    return refusal.value.messages[0]


def test_not_a_zip_is_refused():
    assert "not a ZIP" in _refused(b"%PDF-1.4 not a zip at all")


def test_a_zip_without_a_manifest_is_refused():
    assert "imsmanifest.xml" in _refused(scorm_factories.zip_bytes({"index.html": "<p>hai</p>"}))


def test_a_zip_bomb_is_refused():
    assert "zip bomb" in _refused(scorm_factories.zip_bomb())


@override_settings(KOMPETEN_SCORM_MAX_UNPACKED_BYTES=10_000)
def test_a_package_unpacking_beyond_the_limit_is_refused():
    big = scorm_factories.package_bytes(extra={"video.bin": bytes(range(256)) * 100})
    assert "unpacks to more than" in _refused(big)


@override_settings(KOMPETEN_SCORM_MAX_FILES=3)
def test_too_many_files_are_refused():
    assert "more than 3 files" in _refused(scorm_factories.package_bytes(extra={"a.txt": "a", "b.txt": "b"}))


@override_settings(KOMPETEN_SCORM_MAX_UPLOAD_BYTES=100)
def test_a_package_larger_than_the_upload_limit_is_refused():
    assert "larger than" in _refused(scorm_factories.package_bytes())


@pytest.mark.parametrize("name", ["../luar.html", "css/../../luar.html", "a/./b.html"])
def test_a_path_leaving_the_package_is_refused(name):
    assert "leaves its folder" in _refused(scorm_factories.package_bytes(extra={name: "x"}))


@pytest.mark.parametrize("name", ["/etc/passwd", "C:/Windows/win.ini", "folder\\file.html"])
def test_an_absolute_path_is_refused(name):
    assert "absolute path" in _refused(scorm_factories.package_bytes(extra={name: "x"}))


def test_a_symbolic_link_is_refused():
    data = scorm_factories.zip_bytes(
        {
            "imsmanifest.xml": scorm_factories.MANIFEST_12.format(title="t", launch="index.html"),
            "index.html": "/etc/passwd",
        },
        symlinks=("index.html",),
    )
    assert "symbolic link" in _refused(data)


@override_settings(KOMPETEN_SCORM_MAX_MANIFEST_BYTES=2048)
def test_a_huge_manifest_is_refused():
    padding = "<!-- " + "x" * 5000 + " -->"
    manifest = scorm_factories.MANIFEST_12.format(title="t", launch="index.html").replace(
        "<metadata>", padding + "<metadata>"
    )
    data = scorm_factories.zip_bytes({"imsmanifest.xml": manifest, "index.html": scorm_factories.SCO})
    assert "larger than 2 KB" in _refused(data)


@pytest.mark.parametrize("manifest", [scorm_factories.BILLION_LAUGHS, scorm_factories.EXTERNAL_ENTITY])
def test_xml_entities_are_refused_and_never_expanded(manifest):
    data = scorm_factories.zip_bytes({"imsmanifest.xml": manifest, "index.html": scorm_factories.SCO})
    assert "DTD or entities" in _refused(data)


def test_a_manifest_that_is_not_xml_is_refused():
    data = scorm_factories.zip_bytes({"imsmanifest.xml": "<manifest><unclosed>", "index.html": scorm_factories.SCO})
    assert "not valid XML" in _refused(data)


def test_a_manifest_without_a_version_is_refused():
    manifest = (
        "<manifest><organizations/><resources><resource identifier='r' href='index.html'/></resources></manifest>"
    )
    assert "SCORM version" in _refused(scorm_factories.zip_bytes({"imsmanifest.xml": manifest, "index.html": "x"}))


def test_a_launch_file_missing_from_the_zip_is_refused():
    data = scorm_factories.zip_bytes(
        {"imsmanifest.xml": scorm_factories.MANIFEST_12.format(title="t", launch="hilang.html")}
    )
    assert "hilang.html" in _refused(data)


def test_a_launch_file_outside_the_package_is_refused():
    data = scorm_factories.zip_bytes(
        {"imsmanifest.xml": scorm_factories.MANIFEST_12.format(title="t", launch="../../etc/passwd"), "index.html": "x"}
    )
    assert "outside the package" in _refused(data)


def test_the_refusal_is_translated():
    with translation.override("id"):
        message = _refused(scorm_factories.zip_bomb())
    assert "zip bomb" in message and message != "The package is compressed suspiciously much (a zip bomb?)."
