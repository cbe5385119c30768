"""The project or assignment (FR.IA.04): a brief (scope, instructions, time allowed), a judgement per KUK and the
product's files, kept privately as the portfolio's are (type judged by content, size limit) and served only to the
assigned assessor, staff who may view candidacies and the candidate. Bad input is refused with the reason and
changes nothing; the consent and read-only rules of every method hold."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.competency.services import evidence_files
from assessments.models import Candidacy, EvidenceRecord, PerformanceCriterion, SchemeUnit
from kompeten_core.conf import settings as kompeten
from kompeten_core.private_files import private_storage
from tests.assessments.competency.factories import (
    assessor_create,
    candidacy_create,
    criteria_add,
    event_create,
    login_in_english,
    one_unit_candidacy,
    scheme_create,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _fresh_storage(settings):
    """A new in-memory storage per test (primary keys are reused between tests)."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def setup():
    return one_unit_candidacy()


_login = login_in_english


def _url(candidacy, unit):
    return reverse(
        "assessments:evidence_method", kwargs={"candidacy_id": candidacy.pk, "unit_id": unit.pk, "method": "project"}
    )


def _download_url(candidacy, unit, index=0):
    kwargs = {"candidacy_id": candidacy.pk, "unit_id": unit.pk, "index": index}
    return reverse("assessments:evidence_project_file_download", kwargs=kwargs)


def _record(candidacy, unit):
    return EvidenceRecord.objects.filter(candidacy=candidacy, unit=unit, method="project").first()


def _kuk(unit):
    return PerformanceCriterion.objects.filter(element__unit=unit).order_by("pk").first()


def _stored(candidacy):
    try:
        return private_storage().listdir(f"{evidence_files.PROJECT_PREFIX}/{candidacy.pk}")[1]
    except FileNotFoundError:
        return []


def _post(client, candidacy, unit, *files, kuk, version=0, achieved="yes", **extra):
    data = {
        "version": version,
        "scope": "Membuat kemeja lengan panjang",
        "instructions": "Gunakan pola standar",
        "time_allowed": "2 hari",
        f"achieved-{kuk.pk}": achieved,
        f"comment-{kuk.pk}": "Jahitan rapi",
        "files": list(files),
        **extra,
    }
    return client.post(_url(candidacy, unit), data, follow=True)


def _errors(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "error"]


def test_the_brief_judgements_and_files_are_kept_and_a_second_save_adds(client, setup):
    # Given the assigned assessor of a candidate with the signed consent
    candidacy, assessor, unit = setup
    kuk = _kuk(unit)
    _login(client, assessor)
    # When they record the project with the product's file
    response = _post(client, candidacy, unit, SimpleUploadedFile("kemeja.pdf", PDF), kuk=kuk, note="Selesai")
    # Then the brief, the judgement and the file are kept, the file privately under a random name
    assert not _errors(response)
    record = _record(candidacy, unit)
    assert record.data["brief"] == {
        "scope": "Membuat kemeja lengan panjang",
        "instructions": "Gunakan pola standar",
        "time_allowed": "2 hari",
    }
    assert record.data["rows"] == [{"criterion_id": kuk.pk, "achieved": True, "comment": "Jahitan rapi"}]
    [row] = record.data["files"]
    assert row["name"] == "kemeja.pdf" and row["content_type"] == "application/pdf"
    assert row["path"].startswith(f"assessments/project/{candidacy.pk}/") and "kemeja" not in row["path"]
    assert record.satisfactory is True and record.version == 1 and len(_stored(candidacy)) == 1
    # When a second save judges the KUK not achieved and adds a file
    _post(client, candidacy, unit, SimpleUploadedFile("foto.pdf", PDF), kuk=kuk, version=1, achieved="no")
    # Then the version is raised, both files are kept and the record is not satisfactory
    record.refresh_from_db()
    assert record.version == 2 and len(record.data["files"]) == 2 and record.satisfactory is False
    assert client.get(_url(candidacy, unit)).status_code == 200


def test_a_stale_form_is_refused_and_stores_no_file(client, setup):
    candidacy, assessor, unit = setup
    kuk = _kuk(unit)
    _login(client, assessor)
    _post(client, candidacy, unit, SimpleUploadedFile("a.pdf", PDF), kuk=kuk)
    response = _post(client, candidacy, unit, SimpleUploadedFile("b.pdf", PDF), kuk=kuk, achieved="no")
    assert _errors(response) == ["Someone else saved this form first; reload it."]
    record = _record(candidacy, unit)
    assert record.version == 1 and len(record.data["files"]) == 1 and len(_stored(candidacy)) == 1


def test_refused_without_the_consent(client):
    event = event_create(scheme=scheme_create(units=1))
    assessor = assessor_create(event=event)
    candidacy = candidacy_create(event=event, assessor=assessor, ready=False)
    unit = SchemeUnit.objects.get(scheme=event.scheme).unit
    _login(client, assessor)
    response = _post(client, candidacy, unit, SimpleUploadedFile("a.pdf", PDF), kuk=_kuk(unit))
    assert any("APL.02" in m or "FR.AK.01" in m for m in _errors(response))
    assert not EvidenceRecord.objects.exists() and _stored(candidacy) == []


def test_refused_while_an_appeal_is_open(client, setup):
    candidacy, assessor, unit = setup
    Candidacy.objects.filter(pk=candidacy.pk).update(status=Candidacy.Status.APPEALED)
    _login(client, assessor)
    response = _post(client, candidacy, unit, SimpleUploadedFile("a.pdf", PDF), kuk=_kuk(unit))
    assert any("appeal" in m or "banding" in m for m in _errors(response))
    assert not EvidenceRecord.objects.exists() and _stored(candidacy) == []


@pytest.mark.parametrize("who", ["other_assessor", "candidate", "stranger"])
def test_someone_elses_candidacy_is_404_and_changes_nothing(client, setup, who):
    candidacy, _assessor, unit = setup
    users = {
        "other_assessor": lambda: assessor_create(event=candidacy.event),
        "candidate": lambda: candidacy.candidate,
        "stranger": UserFactory,
    }
    _login(client, users[who]())
    assert client.get(_url(candidacy, unit)).status_code == 404
    assert _post(client, candidacy, unit, SimpleUploadedFile("a.pdf", PDF), kuk=_kuk(unit)).status_code == 404
    assert not EvidenceRecord.objects.exists() and _stored(candidacy) == []


def test_another_units_kuk_is_refused_before_any_file_is_stored(client, setup):
    candidacy, assessor, unit = setup
    other_unit = SchemeUnit.objects.filter(scheme=scheme_create(units=1)).get().unit
    _login(client, assessor)
    response = _post(client, candidacy, unit, SimpleUploadedFile("a.pdf", PDF), kuk=_kuk(other_unit))
    assert _errors(response) == ["A performance criterion (KUK) is not part of this unit."]
    assert not EvidenceRecord.objects.exists() and _stored(candidacy) == []


@pytest.mark.parametrize("field", ["scope", "instructions", "time_allowed", "comment"])
def test_a_too_long_text_is_refused_not_cut(client, setup, field):
    candidacy, assessor, unit = setup
    kuk = _kuk(unit)
    _login(client, assessor)
    key = f"comment-{kuk.pk}" if field == "comment" else field
    long_text = {key: "x" * (kompeten.EVIDENCE_TEXT_MAX_CHARS + 1)}
    response = _post(client, candidacy, unit, SimpleUploadedFile("a.pdf", PDF), kuk=kuk, **long_text)
    assert len(_errors(response)) == 1 and str(kompeten.EVIDENCE_TEXT_MAX_CHARS) in _errors(response)[0]
    assert not EvidenceRecord.objects.exists() and _stored(candidacy) == []


def test_a_file_of_the_wrong_type_is_refused_and_nothing_is_stored(client, setup):
    candidacy, assessor, unit = setup
    _login(client, assessor)
    files = (SimpleUploadedFile("ok.pdf", PDF), SimpleUploadedFile("produk.pdf", EXE, content_type="application/pdf"))
    response = _post(client, candidacy, unit, *files, kuk=_kuk(unit))
    assert _errors(response) == ["“produk.pdf” is not a PDF, PNG or JPEG file."]
    assert not EvidenceRecord.objects.exists() and _stored(candidacy) == []


def test_an_oversize_file_is_refused(client, setup):
    candidacy, assessor, unit = setup
    _login(client, assessor)
    big = SimpleUploadedFile("besar.pdf", PDF + b"0" * kompeten.PORTFOLIO_MAX_BYTES)
    response = _post(client, candidacy, unit, big, kuk=_kuk(unit))
    assert len(_errors(response)) == 1
    assert not EvidenceRecord.objects.exists() and _stored(candidacy) == []


def test_a_malformed_judgement_is_refused(client, setup):
    candidacy, assessor, unit = setup
    _login(client, assessor)
    response = _post(client, candidacy, unit, kuk=_kuk(unit), achieved="maybe")
    assert _errors(response) == ["The save is malformed."]
    assert not EvidenceRecord.objects.exists()


def test_project_files_are_served_to_their_owners_only(client, setup):
    candidacy, assessor, unit = setup
    _login(client, assessor)
    _post(client, candidacy, unit, SimpleUploadedFile("kemeja.pdf", PDF), kuk=_kuk(unit))
    url = _download_url(candidacy, unit)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    assert client.get(_download_url(candidacy, unit, index=1)).status_code == 404
    # the portfolio's address does not serve the project's files
    portfolio = {"candidacy_id": candidacy.pk, "unit_id": unit.pk, "index": 0}
    assert client.get(reverse("assessments:evidence_file_download", kwargs=portfolio)).status_code == 404

    _login(client, candidacy.candidate)
    assert client.get(url).status_code == 200
    for stranger in (UserFactory(), assessor_create(event=candidacy.event)):
        _login(client, stranger)
        assert client.get(url).status_code == 404
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="view_candidacy", content_type__app_label="assessments"))
    _login(client, staff)
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("rows", [1, 20])
def test_the_page_reads_in_a_fixed_number_of_queries(client, setup, django_assert_num_queries, rows):
    candidacy, assessor, unit = setup
    criteria_add(unit=unit, count=rows - 1)
    _login(client, assessor)
    judged = {f"achieved-{k.pk}": "yes" for k in PerformanceCriterion.objects.filter(element__unit=unit)}
    files = [SimpleUploadedFile(f"f{n}.pdf", PDF) for n in range(min(rows, kompeten.PORTFOLIO_MAX_FILES_PER_SAVE))]
    client.post(_url(candidacy, unit), {"version": 0, **judged, "files": files})
    assert len(_record(candidacy, unit).data["rows"]) == rows
    client.get(_url(candidacy, unit))
    with django_assert_num_queries(7):
        assert client.get(_url(candidacy, unit)).status_code == 200
