"""Evidence per unit beyond observation: demonstration (FR.IA.02), oral questions (FR.IA.07), the written test
(FR.IA.05/06) and the portfolio (FR.IA.08) with its VATM check. Files are checked by content and size and served
only to the assigned assessor, staff who may view candidacies and the candidate. Anyone else: 404."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from assessments.competency.services import evidence_files
from assessments.models import Attempt, Candidacy, EvidenceRecord, SchemeUnit
from kompeten_core.conf import settings as kompeten
from kompeten_core.private_files import private_storage
from tests.assessments.competency.factories import assessor_create, one_unit_candidacy, scheme_create
from tests.assessments.exams.factories import exam_create
from tests.factories import UserFactory, image_bytes

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = image_bytes("PNG")
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _fresh_storage(settings):
    """A new in-memory storage per test (primary keys are reused between tests)."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def setup():
    return one_unit_candidacy()


def _url(candidacy, unit, method):
    return reverse(
        "assessments:evidence_method", kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk, "method": method}
    )


def _download_url(candidacy, unit, index=0):
    return reverse(
        "assessments:evidence_file_download",
        kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk, "index": index},
    )


def _record(candidacy, unit, method):
    return EvidenceRecord.objects.filter(candidacy=candidacy, unit=unit, method=method).first()


def _stored(candidacy):
    try:
        return private_storage().listdir(f"{evidence_files.PORTFOLIO_PREFIX}/{candidacy.pk}")[1]
    except FileNotFoundError:
        return []


def _portfolio_post(client, candidacy, unit, *files, version=0, vatm=("valid", "authentic", "current", "sufficient")):
    data = {"version": version, "files": list(files), **dict.fromkeys(vatm, "on")}
    return client.post(_url(candidacy, unit, "portfolio"), data)


def _attempt(user, *, state=Attempt.State.GRADED, passed=True):
    exam = exam_create(slug=f"uji-{Attempt.objects.count()}")
    return Attempt.objects.create(
        user=user,
        exam=exam,
        number=1,
        state=state,
        started_at=timezone.now(),
        percent=Decimal("82.50") if passed else Decimal("40.00"),
        passed=passed,
    )


# --- each method saves -------------------------------------------------------------------------------------------


def test_every_method_page_renders_for_the_assigned_assessor(client, setup):
    candidacy, assessor, unit = setup
    client.force_login(assessor)
    for method in ("demonstration", "oral", "written", "portfolio"):
        assert client.get(_url(candidacy, unit, method)).status_code == 200
    assert client.get(_url(candidacy, unit, "observation")).status_code == 404


def test_demonstration_saves_its_fields(client, setup):
    candidacy, assessor, unit = setup
    client.force_login(assessor)
    response = client.post(
        _url(candidacy, unit, "demonstration"),
        {
            "version": 0,
            "scenario": "Menjahit kemeja",
            "tools": "Mesin jahit",
            "minutes": "45",
            "outcome": "Rapi",
            "satisfactory": "yes",
            "note": "Baik",
        },
    )
    assert response.status_code == 302
    record = _record(candidacy, unit, "demonstration")
    assert record.data == {"scenario": "Menjahit kemeja", "tools": "Mesin jahit", "minutes": 45, "outcome": "Rapi"}
    assert record.satisfactory is True and record.note == "Baik" and record.assessor == assessor
    candidacy.refresh_from_db()
    assert candidacy.status == Candidacy.Status.ASSESSING
    assert client.get(_url(candidacy, unit, "demonstration")).status_code == 200


def test_demonstration_with_bad_minutes_is_refused(client, setup):
    candidacy, assessor, unit = setup
    client.force_login(assessor)
    response = client.post(_url(candidacy, unit, "demonstration"), {"version": 0, "minutes": "-3"})
    assert response.status_code == 302
    assert _record(candidacy, unit, "demonstration") is None


def test_oral_questions_are_satisfactory_only_when_all_are(client, setup):
    candidacy, assessor, unit = setup
    client.force_login(assessor)
    post = {"version": 0, "question-0": "Apa itu K3?", "answer-0": "Keselamatan", "ok-0": "yes"}
    post |= {"question-1": "Jenis jahitan?", "answer-1": "Tidak tahu", "ok-1": "no", "answer-2": "ignored"}
    client.post(_url(candidacy, unit, "oral"), post)
    record = _record(candidacy, unit, "oral")
    assert record.data == {
        "questions": [
            {"question": "Apa itu K3?", "answer": "Keselamatan", "satisfactory": True},
            {"question": "Jenis jahitan?", "answer": "Tidak tahu", "satisfactory": False},
        ]
    }
    assert record.satisfactory is False

    post["ok-1"], post["version"] = "yes", record.version
    client.post(_url(candidacy, unit, "oral"), post)
    record.refresh_from_db()
    assert record.satisfactory is True and record.version == 2
    assert client.get(_url(candidacy, unit, "oral")).status_code == 200


def test_written_links_the_candidates_graded_attempt(client, setup):
    candidacy, assessor, unit = setup
    attempt = _attempt(candidacy.candidate)
    client.force_login(assessor)
    page = client.get(_url(candidacy, unit, "written"))
    assert [a.pk for a in page.context["attempts"]] == [attempt.pk]
    client.post(_url(candidacy, unit, "written"), {"version": 0, "attempt": attempt.pk})
    record = _record(candidacy, unit, "written")
    assert record.data == {"attempt_id": attempt.pk, "percent": "82.50", "passed": True}
    assert record.satisfactory is True
    assert record.attempt_id == attempt.pk  # a real link: the attempt is protected while evidence uses it


@pytest.mark.parametrize("whose", ["someone_else", "in_progress"])
def test_written_refuses_an_attempt_that_is_not_the_candidates_submitted_one(client, setup, whose):
    candidacy, assessor, unit = setup
    if whose == "someone_else":
        attempt = _attempt(UserFactory())
    else:
        attempt = _attempt(candidacy.candidate, state=Attempt.State.IN_PROGRESS)
    client.force_login(assessor)
    response = client.post(_url(candidacy, unit, "written"), {"version": 0, "attempt": attempt.pk})
    assert response.status_code == 302
    assert _record(candidacy, unit, "written") is None


def test_portfolio_stores_files_privately_and_records_the_vatm_check(client, setup):
    candidacy, assessor, unit = setup
    client.force_login(assessor)
    response = _portfolio_post(
        client,
        candidacy,
        unit,
        SimpleUploadedFile("sertifikat.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("foto.png", PNG, content_type="image/png"),
    )
    assert response.status_code == 302
    record = _record(candidacy, unit, "portfolio")
    files = record.data["files"]
    assert [(f["name"], f["content_type"], f["size"]) for f in files] == [
        ("sertifikat.pdf", "application/pdf", len(PDF)),
        ("foto.png", "image/png", len(PNG)),
    ]
    for row in files:
        assert row["path"].startswith(f"assessments/portfolio/{candidacy.pk}/")
        assert "sertifikat" not in row["path"] and "foto" not in row["path"]
    assert len(_stored(candidacy)) == 2
    assert record.data["vatm"] == {"valid": True, "authentic": True, "current": True, "sufficient": True}
    assert record.satisfactory is True

    # when a second save adds a file and one VATM box is left unticked
    _portfolio_post(
        client,
        candidacy,
        unit,
        SimpleUploadedFile("ijazah.jpg", image_bytes("JPEG")),
        version=record.version,
        vatm=("valid", "authentic", "current"),
    )
    record.refresh_from_db()
    assert len(record.data["files"]) == 3 and record.data["files"][2]["content_type"] == "image/jpeg"
    assert record.satisfactory is False
    assert client.get(_url(candidacy, unit, "portfolio")).status_code == 200


def test_a_pdf_that_is_really_an_exe_is_refused_and_nothing_is_stored(client, setup):
    candidacy, assessor, unit = setup
    client.force_login(assessor)
    response = _portfolio_post(
        client,
        candidacy,
        unit,
        SimpleUploadedFile("ok.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("laporan.pdf", EXE, content_type="application/pdf"),
    )
    assert response.status_code == 302
    assert _record(candidacy, unit, "portfolio") is None
    assert _stored(candidacy) == []


def test_an_oversize_file_is_refused_and_nothing_is_stored(client, setup):
    candidacy, assessor, unit = setup
    client.force_login(assessor)
    big = SimpleUploadedFile("besar.pdf", PDF + b"0" * kompeten.PORTFOLIO_MAX_BYTES)
    response = _portfolio_post(client, candidacy, unit, big)
    assert response.status_code == 302
    assert _record(candidacy, unit, "portfolio") is None
    assert _stored(candidacy) == []


def test_the_portfolio_limits_are_the_settings(settings):
    # Given a host that allows smaller files and keeps shorter names
    settings.KOMPETEN_PORTFOLIO_MAX_BYTES = 512 * 1024
    settings.KOMPETEN_PORTFOLIO_NAME_MAX_CHARS = 8
    # When files are checked, Then the settings decide
    with pytest.raises(evidence_files.AssessmentRefused) as refused, translation.override("en"):
        evidence_files.portfolio_file_check(upload=SimpleUploadedFile("x.pdf", PDF + b"0" * 512 * 1024))
    assert refused.value.code == "too_large"
    assert refused.value.messages == ["“x.pdf” is larger than 0.5 MB."]
    checked = evidence_files.portfolio_file_check(upload=SimpleUploadedFile("laporan-akhir.pdf", PDF))
    assert checked.name == "laporan-"


def test_file_check_messages_are_specific():
    with pytest.raises(evidence_files.AssessmentRefused) as refused:
        evidence_files.portfolio_file_check(upload=SimpleUploadedFile("x.pdf", EXE))
    assert refused.value.code == "bad_type"
    with pytest.raises(evidence_files.AssessmentRefused) as refused:
        evidence_files.portfolio_file_check(upload=SimpleUploadedFile("x.pdf", b"%PDF-" + b"0" * (10 << 20)))
    assert refused.value.code == "too_large"


# --- stale forms and read-only -----------------------------------------------------------------------------------


def test_a_stale_form_is_refused_and_changes_nothing(client, setup):
    candidacy, assessor, unit = setup
    client.force_login(assessor)
    client.post(_url(candidacy, unit, "demonstration"), {"version": 0, "scenario": "Pertama", "satisfactory": "yes"})
    response = client.post(
        _url(candidacy, unit, "demonstration"), {"version": 0, "scenario": "Kedua", "satisfactory": "no"}
    )
    assert response.status_code == 302
    record = _record(candidacy, unit, "demonstration")
    assert record.data["scenario"] == "Pertama" and record.satisfactory is True and record.version == 1


def test_a_stale_portfolio_form_stores_no_file(client, setup):
    candidacy, assessor, unit = setup
    client.force_login(assessor)
    _portfolio_post(client, candidacy, unit, SimpleUploadedFile("a.pdf", PDF))
    _portfolio_post(client, candidacy, unit, SimpleUploadedFile("b.pdf", PDF), version=0)
    assert len(_record(candidacy, unit, "portfolio").data["files"]) == 1
    assert len(_stored(candidacy)) == 1


def test_a_signed_off_candidacy_is_read_only(client, setup):
    candidacy, assessor, unit = setup
    client.force_login(assessor)
    client.post(_url(candidacy, unit, "demonstration"), {"version": 0, "scenario": "Awal"})
    Candidacy.objects.filter(pk=candidacy.pk).update(status=Candidacy.Status.SIGNED)
    page = client.get(_url(candidacy, unit, "demonstration"))
    assert page.status_code == 200 and page.context["read_only"] is True
    client.post(_url(candidacy, unit, "demonstration"), {"version": 1, "scenario": "Diubah"})
    _portfolio_post(client, candidacy, unit, SimpleUploadedFile("a.pdf", PDF))
    assert _record(candidacy, unit, "demonstration").data["scenario"] == "Awal"
    assert _record(candidacy, unit, "portfolio") is None and _stored(candidacy) == []


# --- who may see -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["other_assessor", "trainee", "candidate"])
def test_others_get_404_and_change_nothing(client, setup, who):
    candidacy, _assessor, unit = setup
    user = assessor_create(event=candidacy.event) if who == "other_assessor" else UserFactory()
    if who == "candidate":
        user = candidacy.candidate
    client.force_login(user)
    assert client.get(_url(candidacy, unit, "demonstration")).status_code == 404
    response = client.post(_url(candidacy, unit, "demonstration"), {"version": 0, "scenario": "X"})
    assert response.status_code == 404
    assert _portfolio_post(client, candidacy, unit, SimpleUploadedFile("a.pdf", PDF)).status_code == 404
    assert not EvidenceRecord.objects.exists() and _stored(candidacy) == []


def test_a_unit_outside_the_scheme_is_404(client, setup):
    candidacy, assessor, _unit = setup
    other_unit = SchemeUnit.objects.filter(scheme=scheme_create(units=1)).get().unit
    client.force_login(assessor)
    assert client.get(_url(candidacy, other_unit, "oral")).status_code == 404


def test_portfolio_download_permissions(client, setup):
    candidacy, assessor, unit = setup
    client.force_login(assessor)
    _portfolio_post(client, candidacy, unit, SimpleUploadedFile("sertifikat.pdf", PDF))
    url = _download_url(candidacy, unit)

    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert client.get(_download_url(candidacy, unit, index=1)).status_code == 404

    client.force_login(candidacy.candidate)
    assert client.get(url).status_code == 200

    for stranger in (UserFactory(), assessor_create(event=candidacy.event)):
        client.force_login(stranger)
        assert client.get(url).status_code == 404

    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="view_candidacy", content_type__app_label="assessments"))
    client.force_login(staff)
    assert client.get(url).status_code == 200

    client.logout()
    assert client.get(url).status_code == 302
