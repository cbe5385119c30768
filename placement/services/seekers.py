"""Job seekers: a profile, and consent that can be withdrawn at any moment (hiding them from every employer view)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.audit import audit_log
from placement import conf
from placement.models import JobSeekerProfile
from placement.services import PlacementRefused

_FIELDS = ("province", "regency_code", "regency", "district", "phone", "available_from", "cv_text")


@transaction.atomic
def profile_save(*, user, tracks=(), **fields) -> JobSeekerProfile:
    profile = JobSeekerProfile.objects.filter(user=user).first() or JobSeekerProfile(user=user)
    for name in _FIELDS:
        if name in fields:
            setattr(profile, name, fields[name])
    if len(profile.cv_text or "") > conf.get("CV_TEXT_MAX_CHARS"):
        raise PlacementRefused(
            _("The CV is too long (at most %(count)s characters).") % {"count": conf.get("CV_TEXT_MAX_CHARS")},
            code="cv_too_long",
        )
    profile.is_local = profile.regency_code == conf.get("LOCAL_REGENCY_CODE")
    profile.full_clean()
    profile.save()
    profile.tracks.set(tracks)
    return profile


@transaction.atomic
def consent_give(*, user) -> JobSeekerProfile:
    """The job seeker agrees to be shown to verified employers (the version of the text they read is kept)."""
    profile = JobSeekerProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        raise PlacementRefused(_("Fill in your job-seeker profile first."), code="no_profile")
    profile.consent_at = timezone.now()
    profile.consent_version = conf.get("CONSENT_VERSION")
    profile.save(update_fields=["consent_at", "consent_version"])
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
    audit_log(profile, "placement.consent", user=user, data={"given": False})
    return profile
