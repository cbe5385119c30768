"""Batches that take applications, applications with their documents, and the files an applicant sends."""

from __future__ import annotations

import datetime
import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from courses.models import Application, SelectionPlan
from tests.courses import factories as course_factories
from tests.factories import UserFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
#: A man born 17 May 1999 in Kabupaten Batang (district 01), and a woman born the same day (day + 40).
NIK_MAN = "3325011705990001"
NIK_WOMAN = "3325015705990002"
BIRTH = datetime.date(1999, 5, 17)


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def pdf_upload(name: str = "ktp.pdf", data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def png_upload(name: str = "ijazah.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def registration_batch(*, course_page=None, capacity: int = 2, open_now: bool = True, **fields):
    """A batch whose registration is open now (or closed since yesterday), starting in a month."""
    now = timezone.now()
    course_page = course_page or course_factories.course(modules=1, lessons=1)
    opens, closes = (now - datetime.timedelta(days=5), now + datetime.timedelta(days=5))
    if not open_now:
        opens, closes = now - datetime.timedelta(days=10), now - datetime.timedelta(days=1)
    defaults = {
        "starts_on": timezone.localdate() + datetime.timedelta(days=30),
        "ends_on": timezone.localdate() + datetime.timedelta(days=90),
        "capacity": capacity,
        "enrolment_open": False,
        "registration_opens": opens,
        "registration_closes": closes,
    }
    defaults.update(fields)
    return course_factories.batch(course_page=course_page, **defaults)


def form_data(**overrides) -> dict:
    data = {
        "full_name": "Siti Rahayu",
        "nik": NIK_MAN,
        "birth_date": "1999-05-17",
        "gender": "m",
        "regency_code": "3325",
        "regency": "",
        "district": "Warungasem",
        "education": "smk",
        "disability": "",
        "phone": "0812 3456 7890",
    }
    data.update(overrides)
    return data


def application(*, batch, user=None, interview_score=None, is_local: bool = False, **fields) -> Application:
    """An application stored directly (documents included), as the service would leave it."""
    user = user or UserFactory()
    defaults = {
        "full_name": user.get_full_name() or user.get_username(),
        "nik": NIK_MAN,
        "birth_date": BIRTH,
        "gender": "m",
        "province": "Jawa Tengah",
        "regency_code": "3325" if is_local else "3326",
        "regency": "Kabupaten Batang" if is_local else "Kabupaten Pekalongan",
        "district": "Warungasem",
        "education": "smk",
        "phone": "081234567890",
        "interview_score": interview_score,
    }
    defaults.update(fields)
    app = Application(batch=batch, user=user, is_local=is_local, **defaults)
    app.id_card.save("ktp.pdf", ContentFile(PDF), save=False)
    app.diploma.save("ijazah.pdf", ContentFile(PDF), save=False)
    app.save()
    return app


def plan(*, batch, **fields) -> SelectionPlan:
    defaults = {"test_weight": 0, "interview_weight": 100, "local_priority": "none", "waitlist_size": 10}
    defaults.update(fields)
    return SelectionPlan.objects.create(batch=batch, **defaults)
