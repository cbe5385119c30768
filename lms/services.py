"""Writes of the host site: users, roles and their language."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

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
):
    """Create a user holding one role. ``password=None`` makes an account that must reset its password."""
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
def user_profile_update(*, user, full_name: str, preferred_language: str, national_id: str):
    user.full_name = full_name
    user.national_id = national_id
    user.full_clean()
    user.save(update_fields=["full_name", "national_id"])
    user_language_set(user=user, language=preferred_language)
    return user


@transaction.atomic
def user_superuser_grant(*, user) -> None:
    user.is_staff = True
    user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])


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
