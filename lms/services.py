"""Writes of the host site: users, roles and their language."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oauth2_provider.models import AccessToken, Grant, RefreshToken
from wagtail.users.models import UserProfile

from courses.outbox import outbox_enqueue
from kompeten_core.audit import audit_log
from lms import roles
from lms.selectors import language_is_supported, username_look_alike_exists
from lms.tasks import email_send as email_send_task

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
def user_sign_up(
    *,
    username: str,
    email: str,
    full_name: str,
    password: str,
    preferred_language: str,
    login_url: str,
    password_reset_url: str,
) -> None:
    """A visitor signs up as a Trainee. The answer never tells whether ``email`` is registered already: a new
    address gets the account and a welcome mail with ``login_url``; a registered one gets no account, and its owner
    a mail saying someone tried to register with it, with ``password_reset_url``. Both cost a password hash."""
    user_model = get_user_model()
    existing = user_model._default_manager.filter(email__iexact=email.strip()).order_by("pk").first()
    if existing is not None:
        user_model().set_password(password)  # the same work as making the account: no timing oracle
        _mail_send(
            to=existing,
            subject=gettext_lazy("Someone tried to register with your e-mail address"),
            template="registration/signup_existing_email.txt",
            context={"name": existing.full_name, "password_reset_url": password_reset_url, "login_url": login_url},
        )
        return
    user = user_create(
        username=username,
        email=email,
        full_name=full_name,
        password=password,
        preferred_language=preferred_language,
        role=roles.TRAINEE,
    )
    _mail_send(
        to=user,
        subject=gettext_lazy("Welcome to Kompeten"),
        template="registration/signup_welcome_email.txt",
        context={"name": user.full_name, "username": user.username, "login_url": login_url},
    )


def _mail_send(*, to, subject, template: str, context: dict) -> None:
    """A mail in the recipient's language, sent through the task outbox once the transaction commits."""
    with translation.override(to.preferred_language):
        subject, body = str(subject), loader.render_to_string(template, context)
    outbox_enqueue(task=email_send_task, kwargs={"subject": subject, "body": body, "to": [to.email]})


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
    local = email.split("@")[0]
    base = "".join(ch for ch in local if ch.isascii() and (ch.isalnum() or ch in "._-"))[:140] or "peserta"
    username, n = base, 1
    while user_model._default_manager.filter(username__iexact=username).exists() or username_look_alike_exists(
        username
    ):
        n += 1
        username = f"{base}{n}"
    return username


def trainee_get_or_create(*, email: str, full_name: str):
    """KOMPETEN_TRAINEE_CREATE here: the account with this e-mail, or a new Trainee who must set a password."""
    user = get_user_model()._default_manager.filter(email__iexact=email).first()
    if user is not None:
        return user
    return user_create(username=_username_from_email(email), email=email, full_name=full_name, password=None)


@transaction.atomic
def api_access_revoke(*, user, application_id: int) -> int:
    """Take back everything one OAuth client holds for this user: its access tokens (refused from the next
        request on), refresh tokens and unused authorization codes. Returns how many tokens were revoked; audited
    (``lms.api_access_revoke``) when there were any."""
    count = 0
    for refresh in RefreshToken.objects.filter(user=user, application_id=application_id, revoked__isnull=True):
        refresh.revoke()
        count += 1
    for token in AccessToken.objects.filter(user=user, application_id=application_id):
        token.revoke()
        count += 1
    Grant.objects.filter(user=user, application_id=application_id).delete()
    if count:
        audit_log(user, "lms.api_access_revoke", user=user, data={"application": application_id, "tokens": count})
    return count
