"""The whole training cycle in a real browser (issue #17): an applicant on a 360 px phone registers for a batch with
the identity card and diploma, sits the selection test, staff enter the interview score and publish the result (with
its confirmation step), the accepted applicant is enrolled, completes the workshop's K3 induction (the induction
course's lesson and the PPE checklist), checks in to a practice session by the QR code on the instructor's screen and
sees the attendance rate — every trainee page within the screen, without an axe-core violation, nothing refused by
the CSP."""

import datetime
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, new_page, problems_at, problems_here

pytestmark = pytest.mark.django_db(transaction=True)


def _build():
    from django.contrib.auth.models import Group

    from lms import roles
    from tests.assessments.exams.factories import exam_create
    from tests.assessments.questions.factories import example_fields, question_create
    from tests.certificates import factories as certificate_factories
    from tests.courses import factories as course_factories
    from tests.courses.registration import factories as registration_factories
    from tests.courses.training.safety import factories as safety_factories

    try:
        applicant = certificate_factories.trainee_create(full_name="Siti Rahayu")
        applicant.groups.add(Group.objects.get(name=roles.TRAINEE))
        # a superuser: after the flush the staff roles have no page permissions until roles_sync sees the tree again
        staff = certificate_factories.trainee_create(full_name="Bu Endang Admin")
        staff.is_superuser = staff.is_staff = True
        staff.save(update_fields=["is_superuser", "is_staff"])
        instructor = certificate_factories.trainee_create(full_name="Bu Sri Wahyuni")
        instructor.groups.add(Group.objects.get(name=roles.INSTRUCTOR))
        course = course_factories.course(title="Menjahit Pakaian", modules=1, lessons=1)
        batch = registration_factories.registration_batch(course_page=course, capacity=1)
        exam = exam_create(
            course=course_factories.course(modules=1, lessons=1),
            questions=[question_create(**example_fields("truefalse"))],
            title="Tes Seleksi",
            slug="tes-seleksi",
        )
        registration_factories.plan(batch=batch, exam=exam, test_weight=60, interview_weight=40)
        induction = safety_factories.induction()
        return applicant, staff, instructor, batch, exam, induction
    finally:
        connection.close()


@pytest.fixture
def world(live_server):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build).result()


def _register(page, tmp_path) -> None:
    from tests.courses.registration.factories import NIK_WOMAN, PDF, png_bytes

    page.get_by_label("Nama lengkap (sesuai KTP)").fill("Siti Rahayu")
    page.get_by_label("NIK").fill(NIK_WOMAN)
    page.get_by_label("Tanggal lahir").fill("1999-05-17")
    page.get_by_label("Perempuan").check()
    page.get_by_label("Kabupaten atau kota domisili Anda").select_option("3325")
    page.get_by_label("Kecamatan").fill("Warungasem")
    page.get_by_label("Pendidikan terakhir").select_option("smk")
    page.get_by_label("Telepon / WhatsApp").fill("0812 3456 7890")
    (tmp_path / "ktp.pdf").write_bytes(PDF)
    (tmp_path / "ijazah.png").write_bytes(png_bytes())
    page.get_by_label("Kartu tanda penduduk (KTP)").set_input_files(str(tmp_path / "ktp.pdf"))
    page.get_by_label("Ijazah terakhir").set_input_files(str(tmp_path / "ijazah.png"))
    page.get_by_role("button", name="Kirim pendaftaran saya").click()
    page.wait_for_load_state()


def _address_in_qr(page, tmp_path) -> str:
    """The address the QR code on the screen encodes, decoded from a screenshot of it (zbarimg)."""
    assert shutil.which("zbarimg"), "zbarimg is missing: apt-get install zbar-tools"
    image = tmp_path / "qr.png"
    page.locator("figure.qr").screenshot(path=str(image))
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True, text=True, check=True)
    return decoded.stdout.strip()


def test_the_training_cycle_from_registration_to_attendance(browser, live_server, world, tmp_path):
    from assessments.models import Attempt
    from courses.models import Application, Batch, Enrolment
    from courses.training.safety.models import PpeAcknowledgement
    from courses.training.sessions import tokens
    from courses.training.sessions.models import Attendance
    from tests.courses.training.sessions import factories as session_factories

    # Given a batch taking applications, its selection plan naming an exam, and a workshop with its K3 induction
    applicant, staff, instructor, batch, exam, induction = world
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []
    phone = new_page(browser, live_server, csp, user=applicant)

    # When the applicant opens the batch's course page on the phone and registers with the KTP and the diploma
    problems += problems_at(phone, batch.course.url, axe)
    problems += problems_at(phone, reverse("courses:registration_apply", args=[batch.pk]), axe)
    _register(phone, tmp_path)
    # Then the application is received, with both documents
    application = Application.objects.get(user=applicant, batch=batch)
    assert application.id_card and application.diploma
    problems += problems_here(phone, axe)

    # When the applicant sits the selection test from My applications and submits it
    problems += problems_at(phone, reverse("courses:registration_mine"), axe)
    phone.get_by_role("link", name="Ikuti tes seleksi").click()
    phone.wait_for_load_state()
    problems += problems_here(phone, axe)
    phone.get_by_role("button", name="Mulai ujian").click()
    phone.locator("#q1").get_by_label("Benar").check()
    expect(phone.locator("#save-status")).to_have_text("Semua jawaban tersimpan", timeout=10_000)
    problems += problems_here(phone, axe)
    phone.locator("#submit-button").click()
    expect(phone.locator("#confirm-submit")).to_be_visible()
    phone.locator("#confirm-button").click()
    expect(phone.get_by_role("status").filter(has_text="Lulus")).to_be_visible()
    problems += problems_here(phone, axe)
    # Then the attempt is scored
    assert Attempt.objects.get(user=applicant, exam=exam).percent == 100

    # Given the registration has closed (moved in the database: waiting five days is no test)
    Batch.objects.filter(pk=batch.pk).update(registration_closes=timezone.now() - datetime.timedelta(minutes=1))
    # When staff, in the admin on a desktop, enter the interview score from the ranking
    desk = new_page(browser, live_server, csp, user=staff, viewport=DESKTOP, locale="en-US")
    ranking = reverse("courses_selection_ranking", args=[batch.pk])
    desk.goto(ranking)
    desk.locator(f'a[href="{reverse("courses_selection_interview", args=[application.pk])}"]').click()
    desk.locator('input[name="score"]').fill("85")
    desk.locator('form:has(input[name="score"]) button[type="submit"]').click()
    desk.wait_for_url(f"**{ranking}")
    # and publish the result, confirming on the confirmation page
    desk.locator(f'a[href="{reverse("courses_selection_publish", args=[batch.pk])}"]').click()
    desk.wait_for_load_state()
    assert not Enrolment.objects.filter(user=applicant, batch=batch).exists()  # nothing before the confirmation
    desk.locator(f'form:has(a[href="{ranking}"]) button[type="submit"]').click()
    desk.wait_for_url(f"**{ranking}")
    desk.context.close()

    # Then the applicant sees "accepted" on the phone and is enrolled in the batch
    problems += problems_at(phone, reverse("courses:registration_mine"), axe)
    assert phone.locator('[data-status="accepted"]').count() == 1
    enrolment = Enrolment.objects.get(user=applicant, batch=batch, status=Enrolment.Status.ACTIVE)
    application.refresh_from_db()
    assert application.interview_score == 85 and application.test_score == 100

    # When the trainee completes the K3 induction course of the workshop through its pages
    problems += problems_at(phone, induction.course.url, axe)
    phone.get_by_role("button", name="Daftar di kursus ini").click()
    phone.wait_for_load_state()
    problems += problems_here(phone, axe)
    phone.get_by_role("link", name="Mulai pelajaran pertama").click()
    phone.wait_for_load_state()
    problems += problems_here(phone, axe)
    phone.get_by_role("button", name="Tandai selesai").click()
    phone.wait_for_load_state()
    problems += problems_here(phone, axe)
    # and acknowledges the workshop's PPE checklist
    problems += problems_at(phone, reverse("courses:k3_ppe", args=[induction.workshop_id]), axe)
    for item in induction.items:
        phone.get_by_label(item).check()
    phone.get_by_role("button", name="Saya menyetujui daftar periksa APD").click()
    phone.wait_for_load_state()
    assert "telah disetujui" in phone.content()
    problems += problems_here(phone, axe)
    # Then the induction is complete and acknowledged
    assert Enrolment.objects.get(user=applicant, course=induction.course).status == Enrolment.Status.COMPLETED
    assert PpeAcknowledgement.objects.filter(user=applicant, workshop=induction.workshop).exists()

    # Given the batch has started, its BPJS Ketenagakerjaan coverage recorded through the factory (the staff import
    # has its own tests; here it is a precondition), and a practice session in the workshop going on now
    today = timezone.localdate()
    Batch.objects.filter(pk=batch.pk).update(
        starts_on=today - datetime.timedelta(days=1), ends_on=today + datetime.timedelta(days=60)
    )
    enrolment.batch.refresh_from_db()
    session_factories.coverage(enrolment=enrolment)
    session = session_factories.running_session(
        batch=enrolment.batch, instructor=instructor, workshop=induction.workshop, topic="Menjahit kerah"
    )

    # When the instructor shows the QR code and the trainee opens the address it encodes on the phone
    screen = new_page(browser, live_server, csp, user=instructor, viewport=DESKTOP)
    screen.goto(reverse("courses:session_qr", args=[session.pk]))
    address = _address_in_qr(screen, tmp_path)
    screen.context.close()
    token = address.rstrip("/").rsplit("/", 1)[-1]
    assert tokens.qr_token_read(token).session_id == session.pk
    assert address == live_server.url + reverse("courses:session_checkin", args=[session.pk, token])
    problems += problems_at(phone, address, axe)
    phone.get_by_role("button", name="Presensi untuk sesi ini").click()
    phone.wait_for_load_state()
    # Then the trainee is checked in and sees the attendance rate, there and on the timetable
    assert "Presensi Anda tercatat" in phone.content()
    assert "Kehadiran: 100%" in phone.content()
    problems += problems_here(phone, axe)
    assert Attendance.objects.get(session=session, enrolment=enrolment).status == Attendance.Status.PRESENT
    problems += problems_at(phone, reverse("courses:calendar"), axe, shot="journey-training-cycle")
    assert "Kehadiran: 100%" in phone.content()
    phone.context.close()

    assert problems + csp == [], "\n".join(problems + csp)
