"""The demo's SCORM package: a small SCORM 1.2 package in Indonesian, built here in memory (three screens on
protective equipment at the sewing machine and one question), played in an optional lesson of the first garment
course. Idempotent: loading the demo again keeps the package it has."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from courses.models import CoursePage, LessonPage, ModulePage, TrackPage
from courses.scorm import selectors as scorm_selectors
from courses.scorm import services as scorm_services
from courses.scorm.models import ScormPackage
from lms.models import User

TRACK = "teknologi-garmen-dan-fesyen"
LESSON_SLUG = "kuis-apd-mesin-jahit-scorm"
TITLE = "Kuis APD dan mesin jahit"

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="kompeten-demo-apd" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="apd">
    <organization identifier="apd"><title>Kuis APD dan mesin jahit</title>
      <item identifier="kuis" identifierref="sco"><title>Kuis APD dan mesin jahit</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/><file href="gaya.css"/><file href="kuis.js"/>
    </resource>
  </resources>
</manifest>
"""

PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kuis APD dan mesin jahit</title><link rel="stylesheet" href="gaya.css"></head>
<body><main>
<p class="langkah" id="langkah"></p>
<section data-layar="1"><h1>1. Sebelum menjahit</h1>
<p>Ikat rambut panjang, pakai sepatu tertutup, dan pastikan pelindung jari terpasang.</p></section>
<section data-layar="2" hidden><h1>2. Memasang benang</h1>
<p>Matikan mesin (daya OFF) sebelum memasang benang atau mengganti jarum. Jangan pernah melepas pelindung sabuk.</p>
</section>
<section data-layar="3" hidden><h1>3. Pertanyaan</h1>
<p>Apa yang Anda lakukan sebelum mengganti jarum?</p>
<p><label><input type="radio" name="jawab" value="benar"> Mematikan mesin (daya OFF)</label></p>
<p><label><input type="radio" name="jawab" value="salah"> Memperlambat putaran mesin</label></p>
<p id="umpan" role="status"></p></section>
<p><button type="button" id="kembali">Kembali</button> <button type="button" id="lanjut">Lanjut</button>
<button type="button" id="periksa" hidden>Periksa jawaban</button></p>
</main><script src="kuis.js"></script></body></html>
"""

STYLE = """body{font-family:system-ui,sans-serif;margin:1rem;line-height:1.5;color:#1a1a1a}
button{font-size:1rem;padding:.6rem 1rem;margin:.2rem 0}label{display:block;padding:.3rem 0}
.langkah{color:#555}
"""

SCRIPT = """(function () {
  var api = window.API;
  api.LMSInitialize("");
  var mulai = Date.now();
  var tersimpan = /layar=(\\d)/.exec(api.LMSGetValue("cmi.suspend_data"));
  var layar = tersimpan ? Number(tersimpan[1]) : 1;
  function tampil() {
    var bagian = document.querySelectorAll("section");
    for (var i = 0; i < bagian.length; i++) bagian[i].hidden = Number(bagian[i].getAttribute("data-layar")) !== layar;
    document.getElementById("langkah").textContent = "Layar " + layar + " dari 3";
    document.getElementById("kembali").hidden = layar === 1;
    document.getElementById("lanjut").hidden = layar === 3;
    document.getElementById("periksa").hidden = layar !== 3;
  }
  function simpan() {
    api.LMSSetValue("cmi.suspend_data", "layar=" + layar);
    api.LMSSetValue("cmi.core.lesson_location", "layar-" + layar);
    if (api.LMSGetValue("cmi.core.lesson_status") === "not attempted") {
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    }
    api.LMSSetValue("cmi.core.exit", "suspend");
    api.LMSCommit("");
  }
  function waktu() {
    var detik = Math.round((Date.now() - mulai) / 1000);
    var jam = Math.floor(detik / 3600), menit = Math.floor(detik / 60) % 60;
    function dua(n) { return (n < 10 ? "0" : "") + n; }
    return "00" + dua(jam) + ":" + dua(menit) + ":" + dua(detik % 60);
  }
  document.getElementById("lanjut").onclick = function () { layar += 1; simpan(); tampil(); };
  document.getElementById("kembali").onclick = function () { layar -= 1; simpan(); tampil(); };
  document.getElementById("periksa").onclick = function () {
    var pilihan = document.querySelector("input[name=jawab]:checked");
    var umpan = document.getElementById("umpan");
    if (!pilihan) { umpan.textContent = "Pilih satu jawaban dulu."; return; }
    var benar = pilihan.value === "benar";
    umpan.textContent = benar
      ? "Benar: mesin harus mati sebelum jarum diganti."
      : "Belum tepat: matikan mesin dulu, lalu coba lagi.";
    api.LMSSetValue("cmi.core.score.raw", benar ? "100" : "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.min", "0");
    if (benar) {
      api.LMSSetValue("cmi.core.lesson_status", "passed");
      api.LMSSetValue("cmi.core.exit", "");
    }
    api.LMSSetValue("cmi.core.session_time", waktu());
    api.LMSCommit("");
  };
  tampil();
})();
"""


def demo_scorm_package_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (
            ("imsmanifest.xml", MANIFEST),
            ("index.html", PAGE),
            ("gaya.css", STYLE),
            ("kuis.js", SCRIPT),
        ):
            archive.writestr(name, text)
    return buffer.getvalue()


def demo_scorm_load() -> ScormPackage | None:
    """The package in an optional lesson at the end of the first module of the first garment course."""
    track = TrackPage.objects.filter(slug=TRACK).first()
    course = CoursePage.objects.live().descendant_of(track).order_by("path").first() if track else None
    module = ModulePage.objects.live().child_of(course).order_by("path").first() if course else None
    if module is None:
        return None
    lesson = LessonPage.objects.child_of(module).filter(slug=LESSON_SLUG).first()
    if lesson is None:
        lesson = module.add_child(
            instance=LessonPage(
                title=TITLE,
                slug=LESSON_SLUG,
                estimated_minutes=5,
                required=False,
                body=[
                    ("text", "<p>Paket SCORM singkat: tiga layar tentang APD di mesin jahit dan satu pertanyaan.</p>")
                ],
            )
        )
    existing = scorm_selectors.package_for_lesson(lesson=lesson)
    if existing is not None:
        return existing
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    upload = SimpleUploadedFile("kuis-apd.zip", demo_scorm_package_bytes(), content_type="application/zip")
    return scorm_services.scorm_package_save(lesson=lesson, upload=upload, user=admin, title=TITLE)
