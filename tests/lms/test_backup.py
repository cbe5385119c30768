"""Backup and restore (lms.backup, ``manage.py backup`` / ``restore``): the restore drill and the refusals.

The drill backs up a site with an answered exam attempt, an issued certificate and a revoked one, loses everything
(database, media and private files, signing keys), restores over the same database, and checks that all of it is
back as it was. On the embedded default (SQLite) the data is flushed and restored with SQLite's backup API; on the
PostgreSQL leg the test database itself is dropped (``dropdb --force``) and ``manage.py restore --replace-database``
creates it again and restores it with ``pg_restore``, as an operator would.
"""

import contextlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import time
import uuid
from pathlib import Path

import pytest
from asn1crypto import pem, x509
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, connections
from django.utils import translation
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from assessments.exams.services import attempts as attempt_services
from assessments.models import Response
from certificates.keys import _load
from certificates.models import Certificate
from certificates.services.issuing import certificate_revoke
from lms.backup import BackupError, backup_create, backup_restore
from lms.backup.files import storage_names
from tests.assessments.exams.factories import enrolled, exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.certificates.support.openbadges import competency_certificate, training_certificate, verify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSPHRASE = "kunci-cadangan-batang-2026"
POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
STORAGE_ALIASES = ("default", "private")


@pytest.fixture
def keys_dir(settings, tmp_path) -> Path:
    """The issuers' keys in a folder of this test's own (the shared test keys folder is never touched)."""
    folder = tmp_path / "keys"
    settings.KOMPETEN_CERTIFICATE_KEYS_DIR = str(folder)
    return folder


@pytest.fixture
def site(keys_dir, tasks_run_in_process):
    """An answered, submitted exam attempt; a rendered competency certificate; a training certificate revoked."""
    trainee = UserFactory()
    exam = exam_create(questions=[question_create(**example_fields(kind)) for kind in ("short", "numeric")])
    enrolled(trainee, exam)
    attempt, _created = attempt_services.attempt_start(user=trainee, exam=exam)
    attempt_services.response_save(attempt=attempt, position=1, seq=1, raw_answer={"text": "ohm"})
    attempt_services.response_save(attempt=attempt, position=2, seq=1, raw_answer={"value": "12.5"})
    attempt_services.attempt_submit(attempt=attempt)
    issued = competency_certificate(units=2)
    revoked = certificate_revoke(
        certificate=training_certificate(), reason="Nama peserta keliru dicetak", by=UserFactory(is_superuser=True)
    )
    issued.refresh_from_db()
    assert issued.rendered_at is not None and issued.status == Certificate.Status.ACTIVE
    return {"attempt": attempt, "issued": issued, "revoked": revoked}


def _answers(attempt) -> list:
    rows = Response.objects.filter(item__attempt_id=attempt.pk).order_by("item__position")
    return list(rows.values_list("item__position", "answer"))


def _files() -> dict[str, list[str]]:
    return {alias: list(storage_names(storages[alias])) for alias in STORAGE_ALIASES}


def _lose_files_and_keys(keys_dir: Path) -> None:
    for alias in STORAGE_ALIASES:
        for name in list(storage_names(storages[alias])):
            storages[alias].delete(name)
    shutil.rmtree(keys_dir)
    _load.cache_clear()  # the keys this process already read are gone too: only the restored files can sign


def _signature_status(certificate: Certificate, pdf: bytes):
    _, _, der = pem.unarmor(certificate.issuer.signing_certificate_pem.encode())
    context = ValidationContext(trust_roots=[x509.Certificate.load(der)])
    reader = PdfFileReader(io.BytesIO(pdf))
    return validate_pdf_signature(reader.embedded_signatures[0], context)


def _qr_url(pdf: bytes, folder: Path) -> str:
    (folder / "c.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", folder / "c.pdf", folder / "page"], check=True
    )
    page = next(folder.glob("page*.png"))
    return subprocess.run(["zbarimg", "--raw", "-q", page], capture_output=True, text=True, check=True).stdout.strip()


def _assert_as_before(client, site, *, answers, files, tmp_path) -> None:
    # An attempt's answers are intact
    assert _answers(site["attempt"]) == answers
    # Every file is back, and the keys
    assert _files() == files
    # The certificate issued before still verifies: PDF signature (pyHanko), QR code to the verify page, credential
    issued = Certificate.objects.select_related("issuer").get(pk=site["issued"].pk)
    with issued.pdf.storage.open(issued.pdf.name, "rb") as stored:
        pdf = stored.read()
    assert pdf.startswith(b"%PDF-")
    status = _signature_status(issued, pdf)
    assert status.intact and status.valid and status.trusted
    qr_path = "/" + _qr_url(pdf, tmp_path).split("/", 3)[3]
    assert qr_path == f"/verify/{issued.verification_code}/"
    assert client.get(qr_path).status_code == 200
    assert client.get(f"/verify/{issued.verification_code}.json").json()["status"] == "valid"
    token = client.get(f"/verify/{issued.verification_code}/credential.jwt").content.decode()
    assert verify(client, token)["jti"]
    # The one revoked before is still revoked
    revoked = client.get(f"/verify/{site['revoked'].verification_code}.json").json()
    assert revoked["status"] == "revoked" and revoked["revoked_at"]


def _pg(*command: str) -> None:
    settings_dict = connection.settings_dict
    where = ["-h", settings_dict.get("HOST") or "127.0.0.1", "-p", str(settings_dict.get("PORT") or 5432)]
    where += ["-U", settings_dict.get("USER") or "postgres"]
    env = dict(os.environ, PGPASSWORD=settings_dict.get("PASSWORD") or "")
    subprocess.run([command[0], *where, *command[1:]], check=True, capture_output=True, timeout=120, env=env)


@contextlib.contextmanager
def _site_reads(database_name: str):
    """The site's default connection reads ``database_name`` for the duration."""
    connections.close_all()
    saved = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = database_name
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = saved


@pytest.mark.skipif(POSTGRES, reason="the embedded default's drill (SQLite); the PostgreSQL leg runs its own")
def test_restore_drill_on_sqlite(client, site, keys_dir, tmp_path):
    answers, files = _answers(site["attempt"]), _files()
    # Given a backup
    archive = tmp_path / "cadangan.tar.gz"
    manifest = backup_create(target=archive, passphrase=PASSPHRASE)
    assert manifest["database"]["vendor"] == "sqlite" and manifest["counts"]["certificates_certificate"] == 2
    # When everything is lost: the data, the files and the keys
    call_command("flush", interactive=False, verbosity=0)
    _lose_files_and_keys(keys_dir)
    assert not Certificate.objects.exists()
    # And the backup is restored
    result = backup_restore(source=archive, passphrase=PASSPHRASE)
    # Then every table has its rows back, and the site is as it was
    assert result["mismatched"] == [] and result["counts"] == manifest["counts"]
    _assert_as_before(client, site, answers=answers, files=files, tmp_path=tmp_path)


@pytest.mark.skipif(not POSTGRES, reason="needs PostgreSQL (pg_dump, pg_restore): runs on the PostgreSQL leg")
def test_restore_drill_on_postgresql(client, site, keys_dir, tmp_path, monkeypatch):
    answers, files = _answers(site["attempt"]), _files()
    # Given a backup (pg_dump --format=custom)
    archive = tmp_path / "cadangan.tar.gz"
    manifest = backup_create(target=archive, passphrase=PASSPHRASE)
    assert manifest["database"]["vendor"] == "postgresql" and manifest["counts"]["certificates_certificate"] == 2
    # When everything is lost: the site's database dropped, the files and the keys gone
    name = connection.settings_dict["NAME"]
    connections.close_all()
    _pg("dropdb", "--force", name)
    assert not _database_exists(name)
    _lose_files_and_keys(keys_dir)
    # And the operator restores the backup over the same database, as make restore does (ending other sessions: in
    # CI a Celery worker shares the test database; the refusal they get otherwise is tested below)
    monkeypatch.setenv("KOMPETEN_BACKUP_PASSPHRASE", PASSPHRASE)
    out = io.StringIO()
    started = time.monotonic()
    call_command(
        "restore", str(archive), interactive=False, replace_database=True, terminate_connections=True, stdout=out
    )
    print(f"restore drill: restored in {time.monotonic() - started:.1f} s")
    # Then every table has its rows back (the command compares them with the manifest), and the site is as it was
    assert f"{sum(manifest['counts'].values())} rows, as in the manifest" in out.getvalue()
    assert Certificate.objects.filter(pk=site["issued"].pk).exists()
    _assert_as_before(client, site, answers=answers, files=files, tmp_path=tmp_path)


def _database_exists(name: str) -> bool:
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


@pytest.mark.skipif(not POSTGRES, reason="other sessions on the database: PostgreSQL only")
def test_a_restore_over_a_database_in_use_is_refused_unless_told_to_end_the_sessions(keys_dir, tmp_path):
    # Given a backup, then a user added, and another process still connected to the site's database (a worker)
    archive = tmp_path / "cadangan.tar.gz"
    backup_create(target=archive, passphrase=PASSPHRASE)
    user = UserFactory()
    worker = connection.copy(alias="worker")
    worker.ensure_connection()
    try:
        # When the backup is restored over the site
        with translation.override("en"), pytest.raises(BackupError, match="other connections use the database"):
            backup_restore(source=archive, passphrase=PASSPHRASE)
        # Then it is refused, and nothing was restored
        assert type(user).objects.filter(pk=user.pk).exists()
        # And when it is told to end the other sessions, it restores: the worker's session is gone
        result = backup_restore(source=archive, passphrase=PASSPHRASE, terminate_connections=True)
        assert result["mismatched"] == []
        assert not type(user).objects.filter(pk=user.pk).exists()
        with pytest.raises(DatabaseError), worker.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        worker.close()


def test_the_restore_command_refuses_to_replace_the_site_without_its_flag(keys_dir, tmp_path, monkeypatch):
    # Given a backup, then a user added
    monkeypatch.setenv("KOMPETEN_BACKUP_PASSPHRASE", PASSPHRASE)
    archive = tmp_path / "cadangan.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    user = UserFactory()
    # When it is restored over the site without --replace-database
    with pytest.raises(CommandError, match="--replace-database"):
        call_command("restore", str(archive), interactive=False)
    # Then nothing was restored
    assert type(user).objects.filter(pk=user.pk).exists()


def test_a_wrong_passphrase_is_refused_and_changes_nothing(keys_dir, tmp_path):
    # Given a backup of a site with one file and one key
    storages["default"].save("foto/budi.jpg", io.BytesIO(b"foto"))
    keys_dir.mkdir()
    (keys_dir / "kunci.pem").write_bytes(b"rahasia")
    archive = tmp_path / "cadangan.tar.gz"
    backup_create(target=archive, passphrase=PASSPHRASE)
    # And then the file and the key are gone, and a user was added
    storages["default"].delete("foto/budi.jpg")
    shutil.rmtree(keys_dir)
    user = UserFactory()
    # When it is restored with a wrong passphrase
    with pytest.raises(BackupError, match="Frasa sandi salah"):
        backup_restore(source=archive, passphrase="bukan-kunci-yang-benar")
    # Then nothing was restored
    assert not storages["default"].exists("foto/budi.jpg")
    assert not keys_dir.exists()
    assert type(user).objects.filter(pk=user.pk).exists()


def test_a_damaged_archive_is_refused_and_changes_nothing(keys_dir, tmp_path):
    # Given a backup whose database copy was changed afterwards (its checksum no longer matches)
    archive = tmp_path / "cadangan.tar.gz"
    manifest = backup_create(target=archive, passphrase=PASSPHRASE)
    database_file = manifest["database"]["file"]
    damaged = tmp_path / "rusak.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == database_file:
                data = data[:-1] + bytes([data[-1] ^ 1])
            target.addfile(member, io.BytesIO(data))
    user = UserFactory()
    # When it is restored
    with translation.override("en"), pytest.raises(BackupError, match="checksum mismatch") as refused:
        backup_restore(source=damaged, passphrase=PASSPHRASE)
    # Then it names the damaged member, and nothing was restored
    assert database_file in str(refused.value)
    assert type(user).objects.filter(pk=user.pk).exists()


def test_the_manifest_records_versions_counts_and_checksums(keys_dir, tmp_path):
    storages["private"].save("laporan/acara.pdf", io.BytesIO(b"%PDF-1.7"))
    archive = tmp_path / "cadangan.tar.gz"
    backup_create(target=archive, passphrase=PASSPHRASE)
    with tarfile.open(archive) as source:
        manifest = json.load(source.extractfile("manifest.json"))
        names = {member.name for member in source.getmembers()}
    assert set(manifest["versions"]) == {"kompeten", "python", "django", "wagtail"}
    assert manifest["migrations"]["certificates"] and manifest["counts"]["lms_user"] == 0
    assert set(manifest["checksums"]) == names - {"manifest.json"}
    assert "files/private/laporan/acara.pdf" in names and "keys.enc" in names
    assert oct(archive.stat().st_mode & 0o777) == "0o600"


def test_the_commands_back_up_and_restore_with_the_passphrase_from_the_environment(keys_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPETEN_BACKUP_PASSPHRASE", PASSPHRASE)
    user = UserFactory()
    archive = tmp_path / "cadangan.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    type(user).objects.filter(pk=user.pk).delete()
    out = io.StringIO()
    if not POSTGRES:
        call_command("restore", str(archive), interactive=False, replace_database=True, stdout=out)
        assert "Restored" in out.getvalue()
        assert type(user).objects.filter(pk=user.pk).exists()
        return
    # On PostgreSQL the command restores into a scratch database (--database-name), never over the test database
    # pytest-django is still using.
    scratch = f"kompeten_cmd_{uuid.uuid4().hex[:12]}"
    _pg("createdb", scratch)
    try:
        call_command("restore", str(archive), interactive=False, database_name=scratch, stdout=out)
        assert "Restored" in out.getvalue()
        assert not type(user).objects.filter(pk=user.pk).exists()
        with _site_reads(scratch):
            assert type(user).objects.filter(pk=user.pk).exists()
    finally:
        connections.close_all()
        _pg("dropdb", "--if-exists", "--force", scratch)


def test_the_backup_command_refuses_a_short_passphrase(keys_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPETEN_BACKUP_PASSPHRASE", "pendek")
    with pytest.raises(CommandError, match="paling sedikit 12"):
        call_command("backup", output=str(tmp_path / "cadangan.tar.gz"))
    assert not (tmp_path / "cadangan.tar.gz").exists()


def test_a_backup_from_a_newer_version_is_refused_and_changes_nothing(keys_dir, tmp_path):
    # Given a backup whose database has a migration this code does not know
    archive = tmp_path / "cadangan.tar.gz"
    backup_create(target=archive, passphrase=PASSPHRASE)
    newer = tmp_path / "baru.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(newer, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["migrations"]["courses"] = "9999_from_the_future"
                data = json.dumps(manifest).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    user = UserFactory()
    # When it is restored
    with translation.override("en"), pytest.raises(BackupError, match="newer version"):
        backup_restore(source=newer, passphrase=PASSPHRASE)
    # Then nothing was restored
    assert type(user).objects.filter(pk=user.pk).exists()
