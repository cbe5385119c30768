"""A person's personal data (UU 27/2022): everything Kompeten keeps about them as a ZIP, and the deletion of their
account by anonymisation.

The host site does not know the plugins' models. Each plugin offers its part through one Wagtail hook,
``register_personal_data``: a function registered under that name returns a *provider*, an object with

- ``export(*, user) -> (sections, files)``: ``sections`` a dict of top-level keys of ``data.json`` (``enrolments``,
  ``exam_attempts``, ``certificates``, ``job_seeker`` ...), ``files`` a list of ``(name in the archive, storage,
  path)`` for the files to put beside it; read in a fixed number of queries;
- ``anonymise(*, user, placeholder_name) -> dict``: remove the person from the plugin's records (what the law needs
  stays), inside the deletion's transaction, before the account itself is renamed; files leave storage once
  committed. The dict returned goes into the audit entry of the deletion.

The hook's ``order`` puts the providers in the plugins' order (courses 100, assessments 200, certificates 300,
placement 400): the export reads them in that order, the deletion runs them in reverse (the upper plugins' records
first). This module adds the profile (``profile``: the account, its roles, the masked national ID), assembles and
streams the ZIP, and anonymises the account (name, e-mail, username, national ID, password, sessions, avatar).
"""

from __future__ import annotations

import datetime
import decimal
import io
import json
import secrets
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from kompeten_core.audit import audit_log
from kompeten_core.encryption import mask_national_id
from lms import roles

FORMAT_VERSION = 1
DELETED_NAME = "Pengguna terhapus #{id}"
#: The Wagtail hook through which each plugin offers its part of a person's data (see the module's docstring).
PERSONAL_DATA_HOOK = "register_personal_data"


class PersonalDataProvider(Protocol):
    """What a ``register_personal_data`` hook returns."""

    def export(self, *, user) -> tuple[dict, list[tuple[str, object, str]]]: ...

    def anonymise(self, *, user, placeholder_name: str) -> dict: ...


def personal_data_providers() -> list[PersonalDataProvider]:
    """The plugins' providers, in the plugins' order (the hook's ``order``)."""
    return [register() for register in hooks.get_hooks(PERSONAL_DATA_HOOK)]


class PersonalDataRefused(ValidationError):
    """The request is not allowed; the message says why (translated)."""


@dataclass
class ArchiveFile:
    """A stored file to put into the ZIP under ``name``."""

    name: str
    storage: object
    path: str


@dataclass
class PersonalData:
    data: dict
    files: list[ArchiveFile] = field(default_factory=list)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _json_default(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)


# --- reading ------------------------------------------------------------------------------------------------


def personal_data_collect(*, user) -> PersonalData:
    """Everything kept about ``user``, in a constant number of queries however much there is (15 with the four
    plugins, and one more each when there is a job-seeker profile and applications)."""
    files: list[ArchiveFile] = []
    data = {
        "format": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "id": user.pk,
            "username": user.get_username(),
            "email": user.email,
            "full_name": getattr(user, "full_name", "") or user.get_full_name(),
            "preferred_language": getattr(user, "preferred_language", ""),
            # Never in full, not even here (it is kept encrypted): the masked form shows which number it is.
            "national_id": mask_national_id(getattr(user, "national_id", "")),
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "roles": sorted(Group.objects.filter(user=user).values_list("name", flat=True)),
        },
    }
    for provider in personal_data_providers():
        sections, provided = provider.export(user=user)
        data.update(sections)
        files += [ArchiveFile(name, storage, path) for name, storage, path in provided]
    data["files"] = [archive_file.name for archive_file in files]
    return PersonalData(data=data, files=files)


# --- the ZIP, streamed ---------------------------------------------------------------------------------------


class _Pipe(io.RawIOBase):
    """A write-only, unseekable stream whose bytes are taken out as they come (zipfile then streams its output)."""

    def __init__(self):
        self._chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def personal_data_zip(personal: PersonalData, *, chunk_size: int = 64 * 1024) -> Iterator[bytes]:
    """The ZIP as chunks of bytes: ``data.json`` first, then each file (a file missing from storage is skipped)."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        text = json.dumps(personal.data, ensure_ascii=False, indent=2, default=_json_default)
        archive.writestr("data.json", text.encode("utf-8"))
        yield pipe.take()
        for archive_file in personal.files:
            try:
                source = archive_file.storage.open(archive_file.path, "rb")
            except (FileNotFoundError, OSError):
                continue
            with source, archive.open(archive_file.name, "w", force_zip64=True) as target:
                while chunk := source.read(chunk_size):
                    target.write(chunk)
                    yield pipe.take()
            yield pipe.take()
    yield pipe.take()


def personal_data_export(*, user) -> tuple[str, Iterator[bytes]]:
    """The file name and the streamed ZIP of everything kept about ``user``; recorded in the audit trail."""
    personal = personal_data_collect(user=user)
    audit_log(
        user,
        "lms.personal_data_export",
        user=user,
        data={"files": len(personal.files), "certificates": len(personal.data.get("certificates", []))},
    )
    filename = f"kompeten-data-{user.pk}-{timezone.localdate().isoformat()}.zip"
    return filename, personal_data_zip(personal)


# --- deletion ------------------------------------------------------------------------------------------------


def account_is_staff(user) -> bool:
    """Staff (any role beyond Trainee, staff or superuser) may not delete their own account."""
    if user.is_staff or user.is_superuser:
        return True
    return Group.objects.filter(user=user, name__in=[r for r in roles.ROLES if r != roles.TRAINEE]).exists()


@transaction.atomic
def account_anonymise(*, user, password: str) -> None:
    """Delete a trainee's account by anonymising it; records the law keeps stay, under the placeholder name.

    Each plugin first removes the person from its records (the ``register_personal_data`` providers, upper plugins
    first: the job-seeker profile and CV go and applications under way are withdrawn; certificates are masked
    ("Budi S*****"), their PDFs and the batch ZIPs that copied them deleted; uploaded files deleted once committed).
    Then the account: name → "Pengguna terhapus #<id>", e-mail and username → unusable unique placeholders,
    national ID cleared, password unusable, inactive, groups removed (every session then ends: its password hash no
    longer matches), Wagtail avatar deleted.
    """
    if account_is_staff(user):
        raise PersonalDataRefused(
            _("Staff accounts cannot be deleted by their owner. Ask an administrator."), code="staff"
        )
    if not password or not user.check_password(password):
        raise PersonalDataRefused(_("The password is wrong."), code="password")
    user = get_user_model()._default_manager.select_for_update().get(pk=user.pk)
    placeholder_name = DELETED_NAME.format(id=user.pk)
    removed: dict = {}
    for provider in reversed(personal_data_providers()):
        removed.update(provider.anonymise(user=user, placeholder_name=placeholder_name))
    groups_before = sorted(user.groups.values_list("name", flat=True))
    token = secrets.token_hex(8)
    user.full_name = placeholder_name
    user.first_name = user.last_name = ""
    user.username = f"terhapus-{user.pk}-{token}"
    user.email = f"terhapus-{user.pk}-{token}@terhapus.invalid"
    user.national_id = ""
    user.set_unusable_password()
    user.is_active = False
    user.full_clean(validate_unique=False, validate_constraints=False)
    user.save()
    user.groups.clear()
    _wagtail_avatar_delete(user)
    # Earlier entries about this account were named after the person: they now carry the placeholder name.
    ModelLogEntry.objects.for_instance(user).update(label=user.full_name)
    audit_log(user, "lms.account_delete", user=user, data={"roles_before": groups_before, **removed})


def _wagtail_avatar_delete(user) -> None:
    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None and profile.avatar:
        name, storage = profile.avatar.name, profile.avatar.storage
        profile.avatar = None
        profile.save(update_fields=["avatar"])
        transaction.on_commit(lambda: storage.delete(name))
