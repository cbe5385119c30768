"""Checking a SCORM package (a ZIP) before anything is stored, and unpacking it into private storage.

Refused with a translated message: not a ZIP, too large, too many files, a zip bomb (unpacked size or ratio), a
path that climbs out (``../``), is absolute or names a drive, a symbolic link, an encrypted member, no
``imsmanifest.xml`` at the top, a manifest too large or not well-formed XML, one with a DTD or entities (parsed by
defusedxml, which resolves nothing and reaches no network), no launchable resource, or a launch file the ZIP lacks.
"""

from __future__ import annotations

import posixpath
import re
import stat
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from kompeten_core.conf import settings as kompeten
from kompeten_core.private_files import private_storage

MANIFEST = "imsmanifest.xml"
_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 64 * 1024


class PackageRefused(ValidationError):
    """The package cannot be used; the message says why, in the user's language."""


@dataclass(frozen=True)
class PackageContents:
    version: str  # "1.2" or "2004"
    title: str
    launch: str  # the launch file's path in the package, with its query string if any
    files: tuple[str, ...]
    size: int


def _mb(value: int) -> str:
    if value < 1024 * 1024:
        return f"{value // 1024} KB"
    return f"{value / (1024 * 1024):.0f} MB"


def _member_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    if "\\" in name or name.startswith("/") or _DRIVE.match(name) or "\x00" in name:
        raise PackageRefused(_("The package holds a file with an absolute path: %(name)s.") % {"name": name[:200]})
    parts = name.split("/")
    if any(part in ("..", ".") for part in parts):
        raise PackageRefused(_("The package holds a path that leaves its folder: %(name)s.") % {"name": name[:200]})
    if stat.S_ISLNK(info.external_attr >> 16):
        raise PackageRefused(
            _("The package holds a symbolic link, which is not allowed: %(name)s.") % {"name": name[:200]}
        )
    if info.flag_bits & 0x1:
        raise PackageRefused(_("The package holds an encrypted file: %(name)s.") % {"name": name[:200]})
    if len(name) > 500:
        raise PackageRefused(_("The package holds a file name longer than 500 characters."))
    return name


def _open_zip(upload) -> zipfile.ZipFile:
    size = getattr(upload, "size", None)
    if size is not None and size > kompeten.SCORM_MAX_UPLOAD_BYTES:
        raise PackageRefused(
            _("The package is larger than %(limit)s.") % {"limit": _mb(kompeten.SCORM_MAX_UPLOAD_BYTES)}
        )
    upload.seek(0)
    try:
        return zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PackageRefused(_("The file is not a ZIP package.")) from None


def _members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > kompeten.SCORM_MAX_FILES:
        raise PackageRefused(_("The package holds more than %(limit)d files.") % {"limit": kompeten.SCORM_MAX_FILES})
    total = packed = 0
    seen = set()
    for info in infos:
        name = _member_name(info)
        if name.lower() in seen:
            raise PackageRefused(_("The package holds the same file twice: %(name)s.") % {"name": name[:200]})
        seen.add(name.lower())
        total += info.file_size
        packed += info.compress_size
        if info.file_size > kompeten.SCORM_MAX_RATIO * max(info.compress_size, 1024):
            raise PackageRefused(_("The package is compressed suspiciously much (a zip bomb?)."))
    if total > kompeten.SCORM_MAX_UNPACKED_BYTES:
        raise PackageRefused(
            _("The package unpacks to more than %(limit)s.") % {"limit": _mb(kompeten.SCORM_MAX_UNPACKED_BYTES)}
        )
    if total > kompeten.SCORM_MAX_RATIO * max(packed, 1024):
        raise PackageRefused(_("The package is compressed suspiciously much (a zip bomb?)."))
    return infos


def _read_limited(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The member's bytes, never more than ``limit`` (a member may lie about its size)."""
    out = bytearray()
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            out += chunk
            if len(out) > limit:
                raise PackageRefused(_("The package is compressed suspiciously much (a zip bomb?)."))
    return bytes(out)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


def _attribute(element: Element, name: str) -> str:
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return value
    return ""


def _version(root: Element) -> str:
    for metadata in _children(root, "metadata"):
        for schema_version in _children(metadata, "schemaversion"):
            text = (schema_version.text or "").strip()
            if text == "1.2":
                return "1.2"
            if "2004" in text or "CAM 1.3" in text:
                return "2004"
    namespaces = " ".join(str(element.tag) + " " + " ".join(element.attrib) for element in root.iter())
    if "adlcp_v1p3" in namespaces or ("imscp_v1p1" in namespaces and "adlseq" in namespaces):
        return "2004"
    if "adlcp_rootv1p2" in namespaces:
        return "1.2"
    raise PackageRefused(_("The manifest does not say which SCORM version the package is (1.2 or 2004)."))


def _launch(root: Element) -> tuple[str, str]:
    """(title, launch path) of the first item of the default organisation that points at a resource with a file."""
    resources = {}
    for group in _children(root, "resources"):
        base = _attribute(group, "base")
        for resource in _children(group, "resource"):
            href = _attribute(resource, "href")
            if href:
                resources[_attribute(resource, "identifier")] = base + _attribute(resource, "base") + href
    organizations = next(iter(_children(root, "organizations")), None)
    candidates: list[Element] = []
    if organizations is not None:
        default = _attribute(organizations, "default")
        orgs = _children(organizations, "organization")
        orgs.sort(key=lambda org: _attribute(org, "identifier") != default)
        candidates = orgs
    for organization in candidates:
        titles = _children(organization, "title")
        title = (titles[0].text or "").strip() if titles else ""
        for item in organization.iter():
            if _local(item.tag) == "item" and _attribute(item, "identifierref") in resources:
                return title, resources[_attribute(item, "identifierref")] + _attribute(item, "parameters")
    if resources:
        return "", next(iter(resources.values()))
    raise PackageRefused(_("The manifest names no resource to launch."))


def package_inspect(*, upload) -> PackageContents:
    """Check a package without storing anything; raise ``PackageRefused`` with the reason."""
    with _open_zip(upload) as archive:
        infos = _members(archive)
        by_name = {info.filename: info for info in infos}
        manifest = by_name.get(MANIFEST)
        if manifest is None:
            raise PackageRefused(_("The package has no imsmanifest.xml at its top level."))
        if manifest.file_size > kompeten.SCORM_MAX_MANIFEST_BYTES:
            raise PackageRefused(
                _("The package's imsmanifest.xml is larger than %(limit)d KB.")
                % {"limit": kompeten.SCORM_MAX_MANIFEST_BYTES // 1024}
            )
        data = _read_limited(archive, manifest, kompeten.SCORM_MAX_MANIFEST_BYTES)
        try:
            root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        except (ParseError, DefusedXmlException, ValueError):
            raise PackageRefused(
                _("The package's imsmanifest.xml is not valid XML (or declares a DTD or entities).")
            ) from None
        if _local(root.tag) != "manifest":
            raise PackageRefused(_("The package's imsmanifest.xml is not a SCORM manifest."))
        version = _version(root)
        title, launch = _launch(root)
        path = launch.split("?", 1)[0].split("#", 1)[0]
        if path.startswith("./"):
            path, launch = path[2:], launch[2:]
        if posixpath.isabs(path) or ":" in path or ".." in path.split("/"):
            raise PackageRefused(
                _("The package's launch file is outside the package: %(name)s.") % {"name": path[:200]}
            )
        files = tuple(info.filename for info in infos if not info.is_dir())
        if path not in files:
            raise PackageRefused(_("The package's launch file %(name)s is not in the ZIP.") % {"name": path[:200]})
        size = sum(info.file_size for info in infos)
    return PackageContents(version=version, title=title[:200], launch=launch, files=files, size=size)


def package_unpack(*, upload, contents: PackageContents, prefix: str) -> list[str]:
    """Write the package's files under ``prefix`` in private storage (each read with a cap); their storage names."""
    storage = private_storage()
    written: list[str] = []
    budget = kompeten.SCORM_MAX_UNPACKED_BYTES
    try:
        with _open_zip(upload) as archive:
            for name in contents.files:
                info = archive.getinfo(name)
                data = _read_limited(archive, info, min(budget, max(info.file_size, 0)))
                budget -= len(data)
                target = f"{prefix}/{name}"
                saved = storage.save(target, ContentFile(data))
                written.append(saved)
                if saved != target:
                    raise PackageRefused(
                        _("The package holds a file name that cannot be stored: %(name)s.") % {"name": name[:200]}
                    )
    except BaseException:
        for saved in written:
            storage.delete(saved)
        raise
    return written


def package_files_delete(*, prefix: str, files: list[str]) -> None:
    storage = private_storage()
    for name in files:
        storage.delete(f"{prefix}/{name}")
