"""The audit trail (issue 8, point 7): every sensitive action leaves exactly one entry in Wagtail's audit log with
who, when, what (the action and the changed data) and from where (the client's address), and the entries show in
the admin's Site history report."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.models import ModelLogEntry

from assessments.models import Appeal, Candidacy, UnitVerdict
from certificates.services.issuing import (
    certificate_correct,
    certificate_issue_for_enrolment,
    certificate_revoke,
)
from kompeten_core.audit import audit_log, client_ip
from kompeten_core.middleware import AuditContextMiddleware
from lms import roles
from tests.assessments.competency.factories import assessor_create, candidacy_create, event_create, scheme_create
from tests.certificates.factories import completed_enrolment, trainee_create
from tests.courses import factories as course_factories
from tests.lms.factories import PASSWORD, make_user

IP = "203.0.113.7"
pytestmark = pytest.mark.django_db


def only_entry(action: str) -> ModelLogEntry:
    """The one entry of ``action``: exactly one, with a timestamp of just now."""
    entries = list(ModelLogEntry.objects.filter(action=action))
    assert len(entries) == 1, [(e.action, e.data) for e in entries]
    entry = entries[0]
    assert timezone.now() - entry.timestamp < datetime.timedelta(minutes=1)
    return entry


def through_middleware(action, *, ip: str = IP):
    """Run ``action`` inside a request that passed AuditContextMiddleware, as a view would."""
    request = RequestFactory().post("/", REMOTE_ADDR=ip)
    return AuditContextMiddleware(lambda request: action())(request)


# --- the helper -----------------------------------------------------------------------------------------------


def test_the_client_address_is_known_only_while_a_request_is_served():
    seen = through_middleware(client_ip)
    assert seen == IP
    assert client_ip() is None


def test_a_lazy_request_user_not_yet_evaluated_is_still_logged(trainee):
    lazy = SimpleLazyObject(lambda: type(trainee).objects.get(pk=trainee.pk))
    through_middleware(lambda: audit_log(lazy, "lms.personal_data_export", user=lazy, data={"files": 0}))
    entry = only_entry("lms.personal_data_export")
    assert (entry.object_id, entry.user_id, entry.data) == (str(trainee.pk), trainee.pk, {"files": 0, "ip": IP})


# --- role changes ---------------------------------------------------------------------------------------------


def test_a_role_change_in_the_wagtail_user_editor_is_logged_with_before_after_and_address(client, administrator):
    # given a trainee whom an administrator makes an assessor in the admin
    trainee = make_user(roles.TRAINEE)
    ModelLogEntry.objects.filter(action="lms.roles_change").delete()
    client.force_login(administrator)
    data = {
        "username": trainee.username,
        "email": trainee.email,
        "first_name": "Budi",
        "last_name": "Santoso",
        "is_active": "on",
        "groups": [Group.objects.get(name=roles.ASSESSOR).pk],
        "password1": "",
        "password2": "",
    }
    # when
    response = client.post(reverse("wagtailusers_users:edit", args=[trainee.pk]), data, REMOTE_ADDR=IP)
    # then
    assert response.status_code == 302, response.content[:2000]
    entry = only_entry("lms.roles_change")
    assert entry.user_id == administrator.pk
    assert entry.object_id == str(trainee.pk)
    assert entry.data["before"] == {"groups": [roles.TRAINEE], "superuser": False}
    assert entry.data["after"] == {"groups": [roles.ASSESSOR], "superuser": False}
    assert entry.data["ip"] == IP


def test_saving_a_user_in_the_admin_without_a_role_change_logs_no_role_change(client, administrator):
    trainee = make_user(roles.TRAINEE)
    ModelLogEntry.objects.filter(action="lms.roles_change").delete()
    client.force_login(administrator)
    data = {
        "username": trainee.username,
        "email": trainee.email,
        "first_name": "Budi",
        "last_name": "Santoso",
        "is_active": "on",
        "groups": [Group.objects.get(name=roles.TRAINEE).pk],
    }
    response = client.post(reverse("wagtailusers_users:edit", args=[trainee.pk]), data, REMOTE_ADDR=IP)
    assert response.status_code == 302
    assert not ModelLogEntry.objects.filter(action="lms.roles_change").exists()


def test_a_user_created_in_the_wagtail_admin_with_a_role_is_logged(client, administrator, user_model):
    client.force_login(administrator)
    ModelLogEntry.objects.filter(action="lms.roles_change").delete()
    data = {
        "username": "sertifikasi2",
        "email": "sertifikasi2@contoh.id",
        "first_name": "Sri",
        "last_name": "Wahyuni",
        "groups": [Group.objects.get(name=roles.CERTIFICATION_ADMIN).pk],
        "password1": "Sangat-Rahasia-2026!",
        "password2": "Sangat-Rahasia-2026!",
    }
    response = client.post(reverse("wagtailusers_users:add"), data, REMOTE_ADDR=IP)
    assert response.status_code == 302, response.content[:2000]
    created = user_model.objects.get(username="sertifikasi2")
    entry = only_entry("lms.roles_change")
    assert (entry.user_id, entry.object_id) == (administrator.pk, str(created.pk))
    assert entry.data["after"]["groups"] == [roles.CERTIFICATION_ADMIN]
    assert entry.data["ip"] == IP


def test_create_user_command_logs_the_role_given_without_an_address(user_model):
    call_command("create_user", "instruktur9", "instruktur9@contoh.id", "--full-name", "Ina", "--role", "Instructor")
    created = user_model.objects.get(username="instruktur9")
    entry = only_entry("lms.roles_change")
    assert entry.object_id == str(created.pk)
    assert entry.user_id is None  # the system (a command run on the server)
    assert entry.data == {
        "before": {"groups": [], "superuser": False},
        "after": {"groups": ["Instructor"], "superuser": False},
        "ip": None,
    }


# --- verdicts, sign-off, countersign, appeal, re-assessment -----------------------------------------------------


@pytest.fixture
def assessment():
    lead = make_user(roles.ASSESSOR)
    event = event_create(scheme=scheme_create(units=2), countersign_required=True, lead_assessor=lead)
    assessor = assessor_create(event=event)
    candidate = trainee_create()
    candidacy = candidacy_create(event=event, candidate=candidate, assessor=assessor)
    units = [row.unit for row in event.scheme.scheme_units.select_related("unit").order_by("sort_order")]
    return {"lead": lead, "assessor": assessor, "candidate": candidate, "candidacy": candidacy, "units": units}


def _verdict(client, candidacy, unit, verdict):
    data = {
        "verdict": verdict,
        "rationale": f"Alasan {verdict}",
        "gap_note": "Perawatan mesin" if verdict == "BK" else "",
        "justification": "Portofolio" if verdict == "K" else "",
    }
    url = reverse("assessments:unit_verdict", args=[candidacy.pk, unit.pk])
    return client.post(url, data, REMOTE_ADDR=IP)


def test_a_unit_verdict_is_logged_with_its_before_and_after(client, assessment):
    candidacy, unit, assessor = assessment["candidacy"], assessment["units"][0], assessment["assessor"]
    client.force_login(assessor)
    _verdict(client, candidacy, unit, "BK")
    ModelLogEntry.objects.filter(action="assessments.unit_verdict").delete()
    # when the assessor changes BK to K
    _verdict(client, candidacy, unit, "K")
    entry = only_entry("assessments.unit_verdict")
    row = UnitVerdict.objects.get(candidacy=candidacy, unit=unit)
    assert (entry.user_id, entry.object_id) == (assessor.pk, str(row.pk))
    assert entry.data["before"] == {"verdict": "BK", "rationale": "Alasan BK"}
    assert entry.data["after"] == {"verdict": "K", "rationale": "Alasan K", "justification": "Portofolio"}
    assert entry.data["unit"] == unit.code
    assert entry.data["ip"] == IP
    assert assessment["candidate"].full_name not in entry.label  # named by number, not by person


def test_sign_off_countersign_decision_appeal_hearing_and_reassessment_each_leave_one_entry(client, assessment):
    candidacy, assessor, lead = assessment["candidacy"], assessment["assessor"], assessment["lead"]
    first, second = assessment["units"]
    client.force_login(assessor)
    _verdict(client, candidacy, first, "K")
    _verdict(client, candidacy, second, "BK")

    client.post(reverse("assessments:candidacy_sign_off", args=[candidacy.pk]), {"secret": PASSWORD}, REMOTE_ADDR=IP)
    signed = only_entry("assessments.sign_off")
    assert (signed.user_id, signed.object_id) == (assessor.pk, str(candidacy.pk))
    assert signed.data["after"]["recommendation"] == "BK"
    assert signed.data["after"]["verdicts"] == {str(first.pk): "K", str(second.pk): "BK"}
    assert signed.data["ip"] == IP

    client.force_login(lead)
    client.post(reverse("assessments:candidacy_countersign", args=[candidacy.pk]), {"secret": PASSWORD}, REMOTE_ADDR=IP)
    countersigned = only_entry("assessments.countersign")
    assert (countersigned.user_id, countersigned.data["recommendation"], countersigned.data["ip"]) == (
        lead.pk,
        "BK",
        IP,
    )

    # the certification committee decides "not yet" on the BK unit
    member = make_user(roles.CERTIFICATION_COMMITTEE)
    client.force_login(member)
    client.post(
        reverse("assessments:certification_decision", args=[candidacy.pk]),
        {"outcome": "not_yet", "units": [second.pk], "reason": "Unit 2 belum", "secret": PASSWORD},
        REMOTE_ADDR=IP,
    )
    decided = only_entry("assessments.certification_decision")
    assert (decided.user_id, decided.data["decision"], decided.data["units_to_retrain"], decided.data["ip"]) == (
        member.pk,
        "not_yet",
        [second.pk],
        IP,
    )

    client.force_login(assessment["candidate"])
    reason = "Bukti portofolio belum diperiksa"
    client.post(reverse("assessments:candidacy_appeal", args=[candidacy.pk]), {"reason": reason}, REMOTE_ADDR=IP)
    appeal = only_entry("assessments.appeal")
    assert (appeal.user_id, appeal.data["reason"], appeal.data["ip"]) == (assessment["candidate"].pk, reason, IP)
    assert (appeal.data["before"]["status"], appeal.data["after"]["status"]) == ("signed", "appealed")

    # a panel without the assessor hears the appeal and upholds the decision
    staff = make_user(roles.CERTIFICATION_ADMIN)
    client.force_login(staff)
    hearing = Appeal.objects.get(candidacy=candidacy)
    client.post(
        reverse("assessments:appeal_hearing", args=[hearing.pk]),
        {
            "heard_on": timezone.localdate().isoformat(),
            "panel": [member.pk],
            "minutes": "Bukti sudah diperiksa.",
            "outcome": "upheld",
            "secret": PASSWORD,
        },
        REMOTE_ADDR=IP,
    )
    heard = only_entry("assessments.appeal_heard")
    assert (heard.user_id, heard.data["outcome"], heard.data["panel"], heard.data["ip"]) == (
        staff.pk,
        "upheld",
        [member.pk],
        IP,
    )
    # then a re-assessment of the BK unit
    client.force_login(assessor)
    client.post(reverse("assessments:candidacy_reassessment", args=[candidacy.pk]), REMOTE_ADDR=IP)
    reassessment = only_entry("assessments.reassessment")
    assert (reassessment.user_id, reassessment.data["ip"]) == (assessor.pk, IP)
    assert reassessment.data["after"]["status"] == Candidacy.Status.ASSESSING


def test_a_refused_step_leaves_no_entry(client, assessment):
    client.force_login(assessment["assessor"])
    client.post(
        reverse("assessments:candidacy_sign_off", args=[assessment["candidacy"].pk]),
        {"secret": PASSWORD},
        REMOTE_ADDR=IP,
    )
    assert not ModelLogEntry.objects.filter(action__startswith="assessments.").exists()


# --- certificates ---------------------------------------------------------------------------------------------


def test_issue_correction_and_revocation_are_logged_once_each(django_capture_on_commit_callbacks):
    staff = make_user(roles.CERTIFICATION_ADMIN)
    enrolment = completed_enrolment(automatic=False)

    issued = through_middleware(lambda: certificate_issue_for_enrolment(enrolment_id=enrolment.pk, issued_by=staff))
    entry = only_entry("certificates.issue")
    assert (entry.user_id, entry.object_id, entry.data["serial"], entry.data["ip"]) == (
        staff.pk,
        str(issued.pk),
        issued.serial,
        IP,
    )
    # asking again returns the same certificate and logs nothing more
    through_middleware(lambda: certificate_issue_for_enrolment(enrolment_id=enrolment.pk, issued_by=staff))
    only_entry("certificates.issue")

    corrected = through_middleware(lambda: certificate_correct(certificate=issued, by=staff, name="Budi Santoso Putra"))
    entry = only_entry("certificates.correct")
    assert (entry.object_id, entry.data["serial"], entry.data["supersedes"]) == (
        str(corrected.pk),
        corrected.serial,
        issued.serial,
    )
    assert (entry.user_id, entry.data["name_changed"], entry.data["ip"]) == (staff.pk, True, IP)
    only_entry("certificates.issue")  # the correction is one entry, not an issue as well

    reason = "Diterbitkan karena kesalahan data"
    through_middleware(lambda: certificate_revoke(certificate=corrected, reason=reason, by=staff))
    entry = only_entry("certificates.revoke")
    assert (entry.user_id, entry.object_id, entry.data["reason"], entry.data["ip"]) == (
        staff.pk,
        str(corrected.pk),
        reason,
        IP,
    )


def test_an_automatic_issue_is_logged_as_the_systems():
    enrolment = completed_enrolment(automatic=True)
    certificate_issue_for_enrolment(enrolment_id=enrolment.pk, automatic=True)
    entry = only_entry("certificates.issue")
    assert (entry.user_id, entry.data["ip"]) == (None, None)


# --- exports of personal data ---------------------------------------------------------------------------------


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_a_roster_export_is_logged_and_the_screen_is_not(client, export):
    instructor = make_user(roles.INSTRUCTOR)
    course_page = course_factories.course(modules=1, lessons=1)
    batch = course_factories.batch(course_page=course_page)
    batch.instructors.add(instructor)
    for _n in range(3):
        course_factories.enrolment(user=trainee_create(), course_page=course_page, batch=batch)
    client.force_login(instructor)
    url = reverse("courses:batch_roster", args=[batch.pk])
    assert client.get(url, REMOTE_ADDR=IP).status_code == 200
    assert not ModelLogEntry.objects.filter(action="courses.roster_export").exists()
    assert client.get(url, {"format": export}, REMOTE_ADDR=IP).status_code == 200
    entry = only_entry("courses.roster_export")
    assert (entry.user_id, entry.object_id) == (instructor.pk, str(batch.pk))
    assert entry.data == {"format": export, "rows": 3, "ip": IP}


def test_an_event_report_pdf_request_is_logged(client, assessment):
    staff = make_user(roles.CERTIFICATION_ADMIN)
    client.force_login(staff)
    event = assessment["candidacy"].event
    response = client.post(reverse("assessments_event_report", args=[event.pk]), {"action": "pdf"}, REMOTE_ADDR=IP)
    assert response.status_code == 302
    entry = only_entry("assessments.event_report_request")
    assert (entry.user_id, entry.object_id, entry.data["ip"]) == (staff.pk, str(event.pk), IP)
    assert entry.data["report_id"] == event.report_files.get().pk


def test_an_event_report_xlsx_export_is_logged_and_the_screen_is_not(client, assessment):
    staff = make_user(roles.CERTIFICATION_ADMIN)
    client.force_login(staff)
    event = assessment["candidacy"].event
    url = reverse("assessments_event_report", args=[event.pk])
    assert client.get(url, REMOTE_ADDR=IP).status_code == 200
    assert not ModelLogEntry.objects.filter(action="assessments.event_report_export").exists()
    assert client.get(url, {"format": "xlsx"}, REMOTE_ADDR=IP).status_code == 200
    entry = only_entry("assessments.event_report_export")
    assert (entry.user_id, entry.object_id) == (staff.pk, str(event.pk))
    assert entry.data == {"format": "xlsx", "rows": 1, "ip": IP}


# --- visible in the admin ---------------------------------------------------------------------------------------


def test_the_entries_show_in_the_site_history_report_for_an_administrator(client, administrator, assessment):
    client.force_login(assessment["assessor"])
    _verdict(client, assessment["candidacy"], assessment["units"][0], "K")
    staff = make_user(roles.CERTIFICATION_ADMIN)
    client.force_login(staff)
    client.post(
        reverse("assessments_event_report", args=[assessment["candidacy"].event_id]), {"action": "pdf"}, REMOTE_ADDR=IP
    )
    client.force_login(administrator)
    client.post("/bahasa/", {"language": "en", "next": "/"})  # labels in English for the assertions below

    response = client.get(reverse("wagtailadmin_reports:site_history"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Unit verdict recorded (from 203.0.113.7)" in body
    assert "Event report requested (personal data export) (from 203.0.113.7)" in body
    assert "Roles changed" in body  # every account made by lms.services.user_create
    # and the object's own history in the admin (the user's role changes)
    history = client.get(reverse("wagtailusers_users:history", args=[staff.pk]))
    assert history.status_code == 200
    assert "Roles changed" in history.content.decode()


def test_site_history_links_a_certificate_entry_to_its_inspect_page(client, tasks_run_in_process):
    # Given an issued certificate (its issue is logged) and an Administrator
    from certificates.services.issuing import certificate_issue_for_enrolment
    from lms import roles
    from tests.certificates import factories

    certificate = certificate_issue_for_enrolment(enrolment_id=factories.completed_enrolment().pk)
    admin = factories.trainee_create(username="admin-riwayat", is_superuser=True, is_staff=True)
    admin.groups.add(Group.objects.get(name=roles.ADMINISTRATOR))
    client.force_login(admin)
    # When Site history is opened, then it lists the entry and links it to the certificate's inspect page
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert reverse("certificates_certificate:inspect", args=[certificate.pk]) in response.content.decode()
