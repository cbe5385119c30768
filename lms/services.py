"""Writes of the host site: users, roles and their language."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from courses.audit import audit_log
from lms import roles
from lms.selectors import language_is_supported

# Wagtail ships its Indonesian admin catalogue as id_ID.
_WAGTAIL_ADMIN_LANGUAGE = {"id": "id-id", "en": "en"}


def _wagtail_profile_language_set(*, user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    admin_language = _WAGTAIL_ADMIN_LANGUAGE.get(language, "")
    if profile.preferred_language != admin_language:
        profile.preferred_language = admin_language
        profile.save(update_fields=["preferred_language"])


def user_roles(user) -> dict:
    """What a role change is judged by: the user's groups and whether they are a superuser (one query)."""
    return {"groups": sorted(user.groups.values_list("name", flat=True)), "superuser": bool(user.is_superuser)}


def user_roles_changed(*, user, before: dict, by=None) -> bool:
    """Record in the audit trail that ``user``'s roles changed from ``before`` (``user_roles``), if they did."""
    after = user_roles(user)
    if after == before:
        return False
    audit_log(user, "lms.roles_change", user=by, data={"before": before, "after": after})
    return True


@transaction.atomic
def user_create(
    *,
    username: str,
    email: str,
    full_name: str,
    password: str | None,
    role: str = roles.TRAINEE,
    preferred_language: str = "id",
    national_id: str = "",
    by=None,
):
    """Create a user holding one role. ``password=None`` makes an account that must reset its password.

    The role given is recorded in the audit trail (``by``: who created the account; None for the system).
    """
    if role not in roles.ROLES:
        raise ValidationError({"role": _("Unknown role “%(role)s”.") % {"role": role}})
    user_model = get_user_model()
    email = email.strip().lower()
    if user_model._default_manager.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("A user with this e-mail address already exists.")})
    user = user_model(
        username=username.strip(),
        email=email,
        full_name=full_name,
        preferred_language=preferred_language,
        national_id=national_id,
        is_staff=role == roles.ADMINISTRATOR,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    user.groups.add(Group.objects.get(name=role))
    user_roles_changed(user=user, before={"groups": [], "superuser": False}, by=by)
    _wagtail_profile_language_set(user=user, language=preferred_language)
    return user


@transaction.atomic
def user_language_set(*, user, language: str) -> None:
    """Remember a signed-in user's language, on the user and for the Wagtail admin."""
    if not language_is_supported(language):
        raise ValidationError({"language": _("This language is not available.")})
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    _wagtail_profile_language_set(user=user, language=language)


@transaction.atomic
def user_profile_update(
    *, user, full_name: str, preferred_language: str, national_id: str = "", national_id_remove: bool = False
):
    """Save the profile. The NIK is never shown back in full: an empty one keeps the number kept, unless removed."""
    user.full_name = full_name
    if national_id_remove:
        user.national_id = ""
    elif national_id:
        user.national_id = national_id
    user.full_clean()
    user.save(update_fields=["full_name", "national_id"])
    user_language_set(user=user, language=preferred_language)
    return user


@transaction.atomic
def user_superuser_grant(*, user, by=None) -> None:
    before = user_roles(user)
    user.is_staff = True
    user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    user_roles_changed(user=user, before=before, by=by)


def _username_from_email(email: str) -> str:
    user_model = get_user_model()
    base = "".join(ch for ch in email.split("@")[0] if ch.isalnum() or ch in "._-")[:140] or "peserta"
    username, n = base, 1
    while user_model._default_manager.filter(username__iexact=username).exists():
        n += 1
        username = f"{base}{n}"
    return username


def trainee_get_or_create(*, email: str, full_name: str):
    """KOMPETEN_TRAINEE_CREATE here: the account with this e-mail, or a new Trainee who must set a password."""
    user = get_user_model()._default_manager.filter(email__iexact=email).first()
    if user is not None:
        return user
    return user_create(username=_username_from_email(email), email=email, full_name=full_name, password=None)
