"""An outside worker (no batch, no enrolment: recognition of prior learning) applies for certification on a 360 px
phone with the identity card (FR.APL.01); staff accept; the assessor records the APL.02 recommendation and signs the
consent (FR.AK.01) on a tablet; the candidate signs it on a tablet (820 px); evidence can then be recorded — nothing
wider than the screen, no axe-core violation, nothing refused by the CSP."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from django.urls import reverse

from tests.browser.conftest import new_page, problems_at, problems_here

pytestmark = pytest.mark.django_db(transaction=True)

TABLET = {"width": 820, "height": 1180}


def _build():
    from django.contrib.auth.models import Group

    from lms import roles
    from tests.assessments.competency.factories import assessor_create, event_create, scheme_create
    from tests.factories import UserFactory

    try:
        worker = UserFactory(full_name="Dewi Lestari")
        event = event_create(scheme=scheme_create(units=1))
        assessor = assessor_create(event=event)
        assessor.groups.add(Group.objects.get(name=roles.ASSESSOR))
        event.assessors.add(assessor)
        staff = UserFactory()
        staff.groups.add(Group.objects.get(name=roles.CERTIFICATION_ADMIN))
        return worker, event, assessor, staff
    finally:
        connection.close()


@pytest.fixture
def world(live_server):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build).result()


def test_an_outside_worker_applies_on_a_phone_and_signs_the_consent_before_any_evidence(
    browser, live_server, world, tmp_path
):
    from assessments.competency.application import services
    from assessments.competency.application.selectors import assessment_gate_refusal
    from assessments.competency.services.candidacy import evidence_save
    from assessments.models import Application, Candidacy
    from tests.assessments.competency.factories import plan_create
    from tests.courses.registration.factories import PDF

    worker, event, assessor, staff = world
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []

    # The worker finds the open event and applies on a phone with the identity card (FR.APL.01)
    phone = new_page(browser, live_server, csp, user=worker)
    problems += problems_at(phone, reverse("assessments:application_list"), axe, shot="apl01-list")
    problems += problems_at(phone, reverse("assessments:application_create", args=[event.pk]), axe, shot="apl01-form")
    phone.get_by_label("NIK (16 angka, sesuai KTP)").fill("3325011203980001")
    phone.get_by_label("Tempat lahir").fill("Batang")
    phone.get_by_label("Tanggal lahir").fill("1998-03-12")
    phone.get_by_label("Jenis kelamin (sesuai KTP)").select_option("m")
    phone.get_by_label("Alamat rumah").fill("Jl. Gajah Mada 12, Kauman, Batang")
    phone.get_by_label("Telepon / WhatsApp").fill("0812 3456 7890")
    phone.get_by_label("Pendidikan terakhir").select_option("smk")
    phone.get_by_label("Perusahaan atau lembaga tempat Anda bekerja (jika ada)").fill("PT Contoh Tekstil KITB")
    phone.get_by_label("Jabatan Anda di sana").fill("Operator jahit")
    phone.get_by_label("Tujuan asesmen").select_option("rpl")
    (tmp_path / "ktp.pdf").write_bytes(PDF)
    phone.get_by_label("Kartu tanda penduduk (KTP)").set_input_files(str(tmp_path / "ktp.pdf"))
    phone.get_by_role("button", name="Kirim permohonan saya").click()
    phone.wait_for_load_state()
    application = Application.objects.get(applicant=worker)
    assert application.status == "submitted" and application.documents.count() == 1
    assert (application.birth_place, application.nik) == ("Batang", "3325011203980001")
    problems += problems_here(phone, axe, shot="apl01-submitted")

    # Staff accept it; the certification admin assigns the assessor; the event has its plan
    candidacy = services.application_accept(application=application, by=staff)
    Candidacy.objects.filter(pk=candidacy.pk).update(assessor=assessor)
    plan_create(event=event, user=assessor, methods=("observation", "oral"))

    # The assessor, on a tablet: the APL.02 recommendation, then the consent with the agreed time and place
    tablet = new_page(browser, live_server, csp, user=assessor, viewport=TABLET)
    problems += problems_at(tablet, reverse("assessments:apl02_recommendation", args=[candidacy.pk]), axe)
    tablet.get_by_label("Asesmen dapat dilanjutkan").check()
    tablet.get_by_role("button", name="Catat rekomendasi").click()
    tablet.wait_for_load_state()
    problems += problems_at(tablet, reverse("assessments:consent_assessor", args=[candidacy.pk]), axe)
    tablet.get_by_label("Waktu yang disepakati").fill("2026-12-20T09:00")
    tablet.get_by_role("button", name="Tandatangani sebagai asesor").click()
    tablet.wait_for_load_state()
    assert assessment_gate_refusal(candidacy=candidacy)[0] == "no_consent"

    # The candidate signs on a tablet (820 px)
    candidate_tablet = new_page(browser, live_server, csp, user=worker, viewport=TABLET)
    url = reverse("assessments:consent_candidate", args=[candidacy.pk])
    problems += problems_at(candidate_tablet, url, axe, shot="ak01-candidate")
    candidate_tablet.get_by_label("Saya setuju diases dengan metode ini pada waktu dan tempat ini.").check()
    candidate_tablet.get_by_role("button", name="Tandatangani persetujuan").click()
    candidate_tablet.wait_for_load_state()

    # Evidence can now be recorded
    assert assessment_gate_refusal(candidacy=candidacy) is None
    candidacy.refresh_from_db()
    unit = event.scheme.scheme_units.first().unit
    assert evidence_save(candidacy=candidacy, assessor=assessor, unit=unit, method="oral", data={}, version=0).pk
    for opened in (phone, tablet, candidate_tablet):
        opened.context.close()
    assert problems + csp == [], "\n".join(problems + csp)
