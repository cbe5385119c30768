"""Personal data (issue 8, point 8; UU 27/2022): a trainee downloads everything kept about them as a ZIP, and can
have their account deleted — anonymised, while scores, verdicts and verifiable certificates stay."""

import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from assessments.models import (
    Attempt,
    AttemptItem,
    DecisionHistory,
    EvidenceRecord,
    Notice,
    Response,
    ResponseFile,
    SelfAssessment,
    UnitVerdict,
    Verdict,
)
from assessments.questions.services.versions import question_versions_current
from certificates.models import Certificate, IssueRun
from certificates.services.issuing import certificate_issue_for_candidacy, certificate_issue_for_enrolment
from courses.models import LessonCompletion
from kompeten_core.private_files import private_storage
from lms import roles
from lms.privacy.personal_data import personal_data_collect
from tests.assessments.exams.factories import exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.certificates.factories import competent_candidacy, completed_enrolment
from tests.courses import factories as course_factories
from tests.factories import PASSWORD
from tests.lms.factories import make_user

IP = "203.0.113.7"
NIK = "3325011234560001"
pytestmark = pytest.mark.django_db

# Queries to read everything about a person, however much there is: groups 1, enrolments 1 + completions 1,
# response files 1, attempts 1 + items 1, candidacies 1 + self-assessments 1 + verdicts 1 + history 1 + evidence 1,
# certificates 1, notices 1, complaints 1, batch applications 1, session attendance 1 + calendar feed 1, BPJS
# coverage 1, PPE acknowledgements 1 + K3 incidents 1, SCORM attempts 1 + xAPI statements 1, interactive
# activities 1, certification applications 1 (none here; their documents and units add 2), certification records
# (candidacies with consent and recommendation 1, decisions 1 + units to retrain 1, appeals 1, FR.AK.07
# adjustments 1), exam overrides 1.
COLLECT_QUERIES = 32


def _attempt(*, user, exam, version, number: int, state: str, correct_key: str, chosen: str):
    attempt = Attempt.objects.create(
        user=user,
        exam=exam,
        number=number,
        state=state,
        started_at=timezone.now(),
        submitted_at=None if state == Attempt.State.IN_PROGRESS else timezone.now(),
        max_score=1,
        score=None if state == Attempt.State.IN_PROGRESS else (1 if chosen == correct_key else 0),
        percent=None if state == Attempt.State.IN_PROGRESS else (100 if chosen == correct_key else 0),
        passed=None if state == Attempt.State.IN_PROGRESS else chosen == correct_key,
    )
    keys = [option["key"] for option in version.data["options"]]
    item = AttemptItem.objects.create(
        attempt=attempt, position=1, question_version=version, option_order=keys, max_score=1
    )
    graded = state != Attempt.State.IN_PROGRESS
    response = Response.objects.create(
        item=item,
        answer={"choice": chosen},
        seq=1,
        saved_at=timezone.now(),
        score=(1 if chosen == correct_key else 0) if graded else None,
        correct=(chosen == correct_key) if graded else None,
        feedback="Benar." if graded and chosen == correct_key else "",
    )
    return attempt, response


def person(*, n: int = 1):
    """A trainee with ``n`` enrolments (one lesson done each) and ``n`` exam attempts (the last in progress), a
    competency assessment (self-assessment, verdicts, an appeal, a portfolio file, a project file), an uploaded exam
    answer file, two certificates with PDFs and a notice."""
    trainee = make_user(roles.TRAINEE, full_name="Budi Santoso", national_id=NIK, preferred_language="en")
    courses = [course_factories.course(modules=1, lessons=2) for _ in range(n)]
    for course_page in courses:
        enrolment = course_factories.enrolment(user=trainee, course_page=course_page)
        LessonCompletion.objects.create(enrolment=enrolment, lesson=course_factories.lessons_of(course_page)[0])
    question = question_create(**example_fields("single"))
    exam = exam_create(course=courses[0], questions=[question])
    version = question_versions_current(questions=[question])[question.pk]
    correct_key = next(option["key"] for option in version.data["options"] if option["correct"])
    wrong_key = next(option["key"] for option in version.data["options"] if not option["correct"])
    attempts = []
    for number in range(1, n + 1):
        state = Attempt.State.IN_PROGRESS if number == n else Attempt.State.GRADED
        attempts.append(
            _attempt(
                user=trainee,
                exam=exam,
                version=version,
                number=number,
                state=state,
                correct_key=correct_key,
                chosen=wrong_key if state == Attempt.State.IN_PROGRESS else correct_key,
            )
        )
    upload = ResponseFile(response=attempts[0][1], original_name="foto-jahitan.jpg", size=5)
    upload.file.save("foto.jpg", ContentFile(b"\xff\xd8\xffJP"), save=True)

    candidacy = competent_candidacy(candidate=trainee)
    unit = candidacy.verdicts.select_related("unit").first().unit
    SelfAssessment.objects.create(
        candidacy=candidacy, element=unit.elements.first(), claim=Verdict.COMPETENT, evidence="Sertifikat pelatihan"
    )
    DecisionHistory.objects.create(
        candidacy=candidacy, actor=trainee, action="appeal_opened", reason="Bukti belum diperiksa"
    )
    portfolio_path = private_storage().save(
        f"assessments/portfolio/{candidacy.pk}/bukti.pdf", ContentFile(b"%PDF-1.4 x")
    )
    EvidenceRecord.objects.create(
        candidacy=candidacy,
        unit=unit,
        method=EvidenceRecord.Method.PORTFOLIO,
        assessor=candidacy.assessor,
        data={"files": [{"name": "ijazah.pdf", "path": portfolio_path, "size": 10, "content_type": "application/pdf"}]},
    )
    project_path = private_storage().save(f"assessments/project/{candidacy.pk}/produk.pdf", ContentFile(b"%PDF-1.4 p"))
    EvidenceRecord.objects.create(
        candidacy=candidacy,
        unit=unit,
        method=EvidenceRecord.Method.PROJECT,
        assessor=candidacy.assessor,
        data={"files": [{"name": "kemeja.pdf", "path": project_path, "size": 10, "content_type": "application/pdf"}]},
    )
    Notice.objects.create(user=trainee, candidacy=candidacy, kind="signed")

    certificates = [
        certificate_issue_for_candidacy(candidacy_id=candidacy.pk),
        certificate_issue_for_enrolment(enrolment_id=completed_enrolment(user=trainee).pk),
    ]
    for certificate in certificates:
        name = Certificate._meta.get_field("pdf").storage.save(
            f"certificates/pdf/{certificate.pk}.pdf", ContentFile(b"%PDF-1.7 sertifikat")
        )
        Certificate.objects.filter(pk=certificate.pk).update(pdf=name, pdf_sha256="ab" * 32, rendered_at=timezone.now())
    trainee.refresh_from_db()
    return {
        "user": trainee,
        "candidacy": candidacy,
        "attempts": attempts,
        "upload": upload,
        "portfolio_path": portfolio_path,
        "project_path": project_path,
        "certificates": [Certificate.objects.get(pk=c.pk) for c in certificates],
        "correct_key": correct_key,
    }


def _download(client, user) -> tuple:
    client.force_login(user)
    response = client.post(reverse("lms:personal_data_download"), REMOTE_ADDR=IP)
    assert response.status_code == 200
    assert response.streaming
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return response, archive


# --- the download ------------------------------------------------------------------------------------------


def test_a_trainee_downloads_all_their_data_and_files_as_a_zip(client):
    # given a trainee with data of every kind
    world = person(n=2)
    user = world["user"]
    # when they download it from their profile
    response, archive = _download(client, user)
    # then a ZIP with data.json and every file they uploaded and every certificate PDF
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="kompeten-data-')
    names = set(archive.namelist())
    data = json.loads(archive.read("data.json"))
    assert names == {"data.json", *data["files"]}
    assert data["profile"]["full_name"] == "Budi Santoso"
    assert data["profile"]["email"] == user.email
    assert data["profile"]["national_id"] == "33************01"  # masked, even here
    assert NIK not in archive.read("data.json").decode()
    assert data["profile"]["roles"] == ["Trainee"]
    assert [e["progress"] for e in data["enrolments"][:2]] == [{"lessons_done": 1, "lessons": 2, "percent": 50}] * 2
    assert data["enrolments"][0]["lesson_completions"][0]["lesson"] == "Pelajaran 1.1"

    graded, in_progress = data["exam_attempts"]
    assert graded["result"]["passed"] is True
    assert graded["answers"][0]["correct"] is True and graded["answers"][0]["feedback"] == "Benar."
    assert graded["answers"][0]["files"][0]["name"] == "foto-jahitan.jpg"
    assert archive.read(graded["answers"][0]["files"][0]["in_archive"]) == b"\xff\xd8\xffJP"
    # an attempt not yet submitted: the answers given, and nothing that tells which option is correct
    assert in_progress["state"] == "in_progress" and "result" not in in_progress
    answer = in_progress["answers"][0]
    assert not {"correct", "score", "feedback", "max_score"} & set(answer)
    assert [set(option) for option in answer["options"]] == [{"key", "text"}] * 3
    assert "fraction" not in archive.read("data.json").decode()

    (assessment,) = data["competency_assessments"]
    assert assessment["self_assessment"][0]["evidence"] == "Sertifikat pelatihan"
    assert {v["verdict"] for v in assessment["verdicts"]} == {"K"}
    assert assessment["history"][0] == {
        "action": "appeal_opened",
        "reason": "Bukti belum diperiksa",
        "at": assessment["history"][0]["at"],
    }
    portfolio = next(e for e in assessment["evidence"] if e["method"] == "portfolio")
    assert archive.read(portfolio["files"][0]["in_archive"]) == b"%PDF-1.4 x"
    project = next(e for e in assessment["evidence"] if e["method"] == "project")
    assert archive.read(project["files"][0]["in_archive"]) == b"%PDF-1.4 p"

    assert {c["serial"] for c in data["certificates"]} == {c.serial for c in world["certificates"]}
    for row in data["certificates"]:
        assert row["verify_url"].endswith(f"/verify/{Certificate.objects.get(serial=row['serial']).verification_code}/")
        assert archive.read(row["pdf_in_archive"]) == b"%PDF-1.7 sertifikat"
    assert data["notices"][0]["kind"] == "signed"


def test_the_download_is_logged_once_with_the_address(client):
    world = person()
    _download(client, world["user"])
    (entry,) = ModelLogEntry.objects.filter(action="lms.personal_data_export")
    assert (entry.user_id, entry.object_id, entry.data["ip"]) == (world["user"].pk, str(world["user"].pk), IP)
    assert entry.data["files"] == 5  # an exam answer, a portfolio file, a project file, two certificate PDFs


@pytest.mark.parametrize("n", [1, 20])
def test_reading_everything_takes_the_same_queries_for_1_and_20_enrolments_and_attempts(n, django_assert_num_queries):
    world = person(n=n)
    with django_assert_num_queries(COLLECT_QUERIES):
        personal = personal_data_collect(user=world["user"])
    assert len(personal.data["enrolments"]) == n + 1  # and the course of the training certificate
    assert len(personal.data["exam_attempts"]) == n


def test_the_download_needs_a_signed_in_post(client, trainee):
    url = reverse("lms:personal_data_download")
    assert client.post(url).status_code == 302  # to the login page
    client.force_login(trainee)
    assert client.get(url).status_code == 405
    assert not ModelLogEntry.objects.filter(action="lms.personal_data_export").exists()


def test_the_profile_offers_the_download_and_the_deletion(client, trainee):
    client.force_login(trainee)
    body = client.get(reverse("lms:profile")).content.decode()
    assert reverse("lms:personal_data_download") in body
    assert reverse("lms:account_delete") in body


# --- deletion ------------------------------------------------------------------------------------------------


def test_deleting_the_account_anonymises_it_and_keeps_what_the_law_needs(client, django_capture_on_commit_callbacks):
    world = person(n=2)
    user = world["user"]
    old_username, old_email = user.username, user.email
    log(world["candidacy"], "wagtail.edit", user=world["candidacy"].assessor)  # named "Budi Santoso · <event>"
    assert ModelLogEntry.objects.filter(label__contains="Budi Santoso").count() == 2  # and the role given
    other_session = Client()
    other_session.force_login(user)
    verify_url = reverse("certificates:verify", args=[world["certificates"][0].verification_code])
    client.force_login(user)
    # when the trainee confirms with their password
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("lms:account_delete"), {"password": PASSWORD}, REMOTE_ADDR=IP)
    # then the account is anonymised
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.full_name == f"Pengguna terhapus #{user.pk}"
    assert user.username.startswith(f"terhapus-{user.pk}-") and user.email.endswith("@terhapus.invalid")
    assert "budi" not in (user.username + user.email).lower()
    assert user.national_id == "" and not user.has_usable_password() and not user.is_active
    assert not user.groups.exists()
    # every session ended, and nobody logs in with the old credentials
    assert client.get(reverse("lms:dashboard")).status_code == 302
    assert other_session.get(reverse("lms:dashboard")).status_code == 302
    assert not Client().login(request=HttpRequest(), username=old_username, password=PASSWORD)
    assert not Client().login(request=HttpRequest(), username=old_email, password=PASSWORD)
    # the uploaded files are gone from storage
    assert not world["upload"].file.storage.exists(world["upload"].file.name)
    assert not private_storage().exists(world["portfolio_path"])
    assert not private_storage().exists(world["project_path"])
    # scores and verdicts stay
    assert Attempt.objects.filter(user=user, state=Attempt.State.GRADED, score=1).count() == 1
    assert UnitVerdict.objects.filter(candidacy=world["candidacy"], verdict="K").count() == 2
    # certificates stay verifiable, with the masked name only; their PDFs (full name printed) are removed
    for certificate in Certificate.objects.filter(holder=user):
        assert certificate.holder_name == "Budi S*****"
        assert not certificate.pdf and certificate.pdf_sha256 == "ab" * 32
        assert certificate.status == Certificate.Status.ACTIVE
    for old in world["certificates"]:
        assert not old.pdf.storage.exists(old.pdf.name)
    page = Client().get(verify_url)
    assert page.status_code == 200
    assert "Budi S*****" in page.content.decode() and "Santoso" not in page.content.decode()
    # logged once, from where; earlier entries about the account no longer carry the name
    (entry,) = ModelLogEntry.objects.filter(action="lms.account_delete")
    assert (entry.user_id, entry.object_id, entry.data["ip"]) == (user.pk, str(user.pk), IP)
    assert entry.data["files_deleted"] == 3  # the exam answer, the portfolio file and the project file
    assert sorted(entry.data["certificates_masked"]) == sorted(c.serial for c in world["certificates"])
    assert not ModelLogEntry.objects.filter(label__contains="Budi Santoso").exists()


def _zip_run(*, batch, by) -> IssueRun:
    """A finished "all PDFs as a ZIP" run of ``batch`` with its archive stored."""
    run = IssueRun.objects.create(action=IssueRun.Action.ZIP, batch=batch, requested_by=by, status="done")
    run.file.save(f"batch-{batch.pk}.zip", ContentFile(b"PK zip with the holders' PDFs"), save=True)
    return run


def test_deleting_the_account_deletes_the_batch_zips_that_hold_their_certificate(
    client, django_capture_on_commit_callbacks
):
    # given a trainee and a classmate with certificates of one batch, that batch's ZIP (twice) and another batch's
    user = make_user(roles.TRAINEE, username="budi", email="budi@contoh.id", full_name="Budi Santoso")
    staff = make_user(roles.CERTIFICATION_ADMIN)
    course_page = course_factories.course(modules=1, lessons=1, kkni_level=2)
    batch = course_factories.batch(course_page=course_page)
    other_batch = course_factories.batch(course_page=course_page)
    for holder, in_batch in ((user, batch), (None, batch), (None, other_batch)):
        enrolment = completed_enrolment(user=holder, course_page=course_page, batch=in_batch)
        certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    holding = [_zip_run(batch=batch, by=staff), _zip_run(batch=batch, by=staff)]
    other = _zip_run(batch=other_batch, by=staff)
    names = [run.file.name for run in holding]
    client.force_login(user)
    # when the trainee deletes their account
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("lms:account_delete"), {"password": PASSWORD}).status_code == 302
    # then the archives of their batch are gone from storage and from the runs, which say why
    for run, name in zip(holding, names, strict=True):
        run.refresh_from_db()
        assert not run.file
        assert not private_storage().exists(name)
        assert "dihapus" in run.message  # in the site's language, for staff
    # and the other batch's archive stays
    other.refresh_from_db()
    assert other.file and other.file.storage.exists(other.file.name)
    # and the audit entry counts them
    (entry,) = ModelLogEntry.objects.filter(action="lms.account_delete")
    assert entry.data["archives_deleted"] == 2


def test_a_wrong_password_deletes_nothing(client):
    world = person()
    client.force_login(world["user"])
    response = client.post(reverse("lms:account_delete"), {"password": "bukan-ini"}, REMOTE_ADDR=IP)
    assert response.status_code == 200
    assert "The password is wrong." in response.content.decode()
    user = type(world["user"]).objects.get(pk=world["user"].pk)
    assert (user.full_name, user.is_active, user.national_id) == ("Budi Santoso", True, NIK)
    assert Certificate.objects.filter(holder=user, holder_name="Budi Santoso").count() == 2
    assert private_storage().exists(world["portfolio_path"])
    assert not ModelLogEntry.objects.filter(action="lms.account_delete").exists()


@pytest.mark.parametrize("role", [roles.INSTRUCTOR, roles.ASSESSOR, roles.CERTIFICATION_ADMIN, roles.ADMINISTRATOR])
def test_staff_cannot_delete_their_own_account(client, role):
    staff = make_user(role, preferred_language="en")
    client.force_login(staff)
    assert reverse("lms:account_delete") not in client.get(reverse("lms:profile")).content.decode()
    response = client.post(reverse("lms:account_delete"), {"password": PASSWORD}, follow=True)
    assert "Staff accounts cannot be deleted by their owner" in response.content.decode()
    staff.refresh_from_db()
    assert staff.is_active and staff.full_name.startswith(role)
    assert not ModelLogEntry.objects.filter(action="lms.account_delete").exists()
