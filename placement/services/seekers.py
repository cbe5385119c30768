"""Job seekers: a profile, and consent that can be withdrawn at any moment (hiding them from every employer view)."""

import os

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompeten_core.audit import audit_log
from kompeten_core.conf import settings as kompeten
from kompeten_core.uploads import content_matches
from kompeten_core.versions import bump
from placement.models import Application, JobSeekerProfile
from placement.selectors.seekers import SEEKERS_VERSION
from placement.services import PlacementRefused
from placement.services.applications import application_move

_FIELDS = ("province", "regency_code", "regency", "district", "phone", "available_from", "cv_text")


@transaction.atomic
def profile_save(*, user, tracks=(), **fields) -> JobSeekerProfile:
    profile = JobSeekerProfile.objects.filter(user=user).first() or JobSeekerProfile(user=user)
    for name in _FIELDS:
        if name in fields:
            setattr(profile, name, fields[name])
    if len(profile.cv_text or "") > kompeten.CV_TEXT_MAX_CHARS:
        raise PlacementRefused(
            _("The CV is too long (at most %(count)s characters).") % {"count": kompeten.CV_TEXT_MAX_CHARS},
            code="cv_too_long",
        )
    profile.is_local = profile.regency_code == kompeten.LOCAL_REGENCY_CODE
    profile.full_clean()
    profile.save()
    profile.tracks.set(tracks)
    bump(SEEKERS_VERSION)
    return profile


@transaction.atomic
def consent_give(*, user) -> JobSeekerProfile:
    """The job seeker agrees to be shown to verified employers (the version of the text they read is kept)."""
    profile = JobSeekerProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        raise PlacementRefused(_("Fill in your job-seeker profile first."), code="no_profile")
    profile.consent_at = timezone.now()
    profile.consent_version = kompeten.CONSENT_VERSION
    profile.save(update_fields=["consent_at", "consent_version"])
    bump(SEEKERS_VERSION)
    audit_log(profile, "placement.consent", user=user, data={"given": True, "version": profile.consent_version})
    return profile


@transaction.atomic
def consent_withdraw(*, user) -> JobSeekerProfile | None:
    """Withdrawn consent hides the job seeker from every employer view at once (matching and applicant lists)."""
    profile = JobSeekerProfile.objects.select_for_update().filter(user=user).first()
    if profile is None or profile.consent_at is None:
        return profile
    profile.consent_at = None
    profile.save(update_fields=["consent_at"])
    bump(SEEKERS_VERSION)
    audit_log(profile, "placement.consent", user=user, data={"given": False})
    return profile


def _delete_after_commit(field) -> None:
    name, storage = field.name, field.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def cv_file_check(upload) -> None:
    """A CV file must be a PDF by its content (``%PDF-`` at the start, and a .pdf name) and no larger than
    ``KOMPETEN_CV_FILE_MAX_BYTES``; otherwise ``PlacementRefused`` and nothing is stored."""
    limit = kompeten.CV_FILE_MAX_BYTES
    if upload.size is None or upload.size > limit:
        raise PlacementRefused(
            _("The CV file is too large (at most %(size)s MB).") % {"size": f"{limit / (1024 * 1024):g}"},
            code="cv_too_large",
        )
    extension = os.path.splitext(upload.name or "")[1].lstrip(".")
    if content_matches(upload, extension) != "pdf":
        raise PlacementRefused(_("The CV file must be a PDF."), code="cv_not_pdf")


@transaction.atomic
def cv_upload(*, user, upload) -> JobSeekerProfile:
    """Keep the job seeker's CV (a PDF) in private storage, replacing an earlier one."""
    profile = JobSeekerProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        raise PlacementRefused(_("Fill in your job-seeker profile first."), code="no_profile")
    cv_file_check(upload)
    if profile.cv_file:
        _delete_after_commit(profile.cv_file)
    upload.seek(0)
    profile.cv_file.save("cv.pdf", File(upload), save=False)
    profile.save(update_fields=["cv_file", "updated_at"])
    return profile


@transaction.atomic
def cv_remove(*, user) -> JobSeekerProfile | None:
    profile = JobSeekerProfile.objects.select_for_update().filter(user=user).first()
    if profile is None or not profile.cv_file:
        return profile
    _delete_after_commit(profile.cv_file)
    profile.cv_file = ""
    profile.save(update_fields=["cv_file", "updated_at"])
    return profile


#: Applications still under way: withdrawn when their job seeker deletes the profile or the account.
OPEN_STATES = (
    Application.Status.APPLIED,
    Application.Status.SHORTLISTED,
    Application.Status.INTERVIEW,
    Application.Status.OFFERED,
)


@transaction.atomic
def profile_delete(*, user, withdraw_applications: bool = False) -> bool:
    """Remove the job seeker's profile and CV file (consent goes with it: hidden from every employer at once);
    with ``withdraw_applications`` their applications still under way are withdrawn too (account deletion)."""
    if withdraw_applications:
        for application in Application.objects.filter(seeker=user, status__in=OPEN_STATES):
            application_move(application=application, to=Application.Status.WITHDRAWN, by=user)
    profile = JobSeekerProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        return False
    if profile.cv_file:
        _delete_after_commit(profile.cv_file)
    profile.tracks.clear()
    audit_log(profile, "placement.consent", user=user, data={"given": False, "profile_deleted": True})
    profile.delete()
    bump(SEEKERS_VERSION)
    return True


@transaction.atomic
def profile_submit(*, user, consent: bool, tracks=(), **fields) -> JobSeekerProfile:
    """The profile form: save the profile and, when the box was ticked, the consent to the text in force."""
    profile = profile_save(user=user, tracks=tracks, **fields)
    if consent:
        profile = consent_give(user=user)
    return profile
