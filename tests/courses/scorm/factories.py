"""Real SCORM packages built in memory: small valid 1.2 and 2004 packages, and malformed and hostile ones."""

from __future__ import annotations

import io
import stat
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="kompeten-test-12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org1">
    <organization identifier="org1"><title>{title}</title>
      <item identifier="item1" identifierref="res1"><title>{title}</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="{launch}">
      <file href="{launch}"/>
    </resource>
  </resources>
</manifest>
"""

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="kompeten-test-2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org1">
    <organization identifier="org1"><title>{title}</title>
      <item identifier="item1" identifierref="res1"><title>{title}</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormType="sco" href="{launch}">
      <file href="{launch}"/>
    </resource>
  </resources>
</manifest>
"""

#: A SCO that works in both versions: "Lanjut" moves on a page (suspend data, location, commit), "Selesai" passes
#: with 90 of 100 and finishes. It shows whether it resumed and on which page.
SCO = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Paket uji</title>
<style>body{font-family:sans-serif;margin:1rem}button{font-size:1rem;padding:.6rem 1rem;margin:.25rem 0}</style>
</head><body><main>
<h1 id="page">Halaman</h1><p id="entry"></p><p id="done"></p>
<button id="next" type="button">Lanjut</button>
<button id="finish" type="button">Selesai</button>
</main>
<script>
var v2004 = !!window.API_1484_11, api = window.API_1484_11 || window.API;
function get(a, b) { return v2004 ? api.GetValue(b) : api.LMSGetValue(a); }
function put(a, b, value) { return v2004 ? api.SetValue(b, value) : api.LMSSetValue(a, value); }
function commit() { return v2004 ? api.Commit("") : api.LMSCommit(""); }
if (v2004) { api.Initialize(""); } else { api.LMSInitialize(""); }
var found = /page=(\\d+)/.exec(get("cmi.suspend_data", "cmi.suspend_data"));
var page = found ? Number(found[1]) : 1;
function show() { document.getElementById("page").textContent = "Halaman " + page; }
document.getElementById("entry").textContent =
  get("cmi.core.entry", "cmi.entry") === "resume" ? "Dilanjutkan" : "Mulai baru";
show();
document.getElementById("next").onclick = function () {
  page += 1;
  put("cmi.suspend_data", "cmi.suspend_data", "page=" + page);
  put("cmi.core.lesson_location", "cmi.location", "halaman-" + page);
  put("cmi.core.lesson_status", "cmi.completion_status", "incomplete");
  put("cmi.core.exit", "cmi.exit", "suspend");
  commit();
  show();
};
document.getElementById("finish").onclick = function () {
  if (v2004) {
    api.SetValue("cmi.completion_status", "completed");
    api.SetValue("cmi.success_status", "passed");
    api.SetValue("cmi.score.scaled", "0.9");
    api.SetValue("cmi.score.raw", "90");
    api.SetValue("cmi.score.max", "100");
    api.SetValue("cmi.session_time", "PT2M5S");
    api.Commit("");
    api.Terminate("");
  } else {
    api.LMSSetValue("cmi.core.lesson_status", "passed");
    api.LMSSetValue("cmi.core.score.raw", "90");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.session_time", "0000:02:05");
    api.LMSCommit("");
    api.LMSFinish("");
  }
  document.getElementById("done").textContent = "Selesai";
};
</script></body></html>
"""


def zip_bytes(members: dict[str, bytes | str], *, symlinks: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in symlinks:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, data.encode() if isinstance(data, str) else data)
    return buffer.getvalue()


def package_bytes(*, version: str = "1.2", title: str = "Paket uji", launch: str = "index.html", extra=None) -> bytes:
    manifest = (MANIFEST_12 if version == "1.2" else MANIFEST_2004).format(title=title, launch=launch)
    members = {"imsmanifest.xml": manifest, launch: SCO, "css/gaya.css": "body{color:#111}"}
    members.update(extra or {})
    return zip_bytes(members)


def upload(data: bytes, name: str = "paket.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/zip")


def package_upload(**kwargs) -> SimpleUploadedFile:
    return upload(package_bytes(**kwargs))


def zip_bomb() -> bytes:
    """A manifest and 20 MB of zeros that pack into a few KB."""
    return zip_bytes(
        {
            "imsmanifest.xml": MANIFEST_12.format(title="Bom", launch="index.html"),
            "index.html": SCO,
            "nol.bin": b"\0" * (20 * 1024 * 1024),
        }
    )


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE manifest [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<manifest identifier="x"><metadata><schemaversion>1.2</schemaversion></metadata>
<organizations><organization identifier="o"><title>&lol3;</title></organization></organizations></manifest>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<manifest identifier="x"><metadata><schemaversion>1.2</schemaversion></metadata>
<organizations><organization identifier="o"><title>&secret;</title></organization></organizations></manifest>
"""
