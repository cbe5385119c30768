"""Two-step verification (TOTP, django-otp) for staff: anyone who may enter the Wagtail admin.

A staff member turns it on from their profile (a QR code for an authenticator app, confirmed with a code) and is
shown ten single-use recovery codes (django-otp's static device), once; they can be made anew with a current code.
From then on, a session signed in with their password is not verified until they enter a code (or a recovery
code): until then every page but the code page, the language switch and logging out sends them to the code page —
the admin above all. For the roles in ``KOMPETEN_TWO_FACTOR_REQUIRED_ROLES`` (superusers count as Administrator) it
is required: such a person without a device is sent to set it up before any other page, and cannot turn it off.
Trainees never see it. An administrator who lost their phone is helped by another one deleting their devices in
Django's admin (/django-admin/otp_totp/totpdevice/ and /django-admin/otp_static/staticdevice/).

Turning it on or off, making recovery codes and using one are recorded in the audit trail. Whether a session must
be verified or set up is decided once, at login, and kept in the session, so that an ordinary request costs no
query.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kompeten_core.audit import audit_log
from lms.selectors import user_role_names

SESSION_REQUIRED_KEY = "kompeten_otp_required"
SESSION_SETUP_KEY = "kompeten_otp_setup_required"
DEVICE_NAME = "Kompeten"
RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10
ADMIN_ACCESS = "wagtailadmin.access_admin"


# --- selectors ------------------------------------------------------------------------------------------------


def user_may_use_two_factor(user) -> bool:
    """Staff: whoever may enter the Wagtail admin."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(ADMIN_ACCESS))


def two_factor_required(user) -> bool:
    """Whether one of the person's roles requires two-step verification (one query)."""
    required = set(settings.KOMPETEN_TWO_FACTOR_REQUIRED_ROLES)
    return bool(required and user.is_authenticated and user.is_active and required & user_role_names(user))


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def totp_device_confirmed(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def totp_device_pending(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("-pk").first()


# --- services -------------------------------------------------------------------------------------------------


@transaction.atomic
def totp_device_start(*, user) -> TOTPDevice:
    """A new, unconfirmed device with a fresh key (replacing any unconfirmed one): shown as a QR code."""
    if not user_may_use_two_factor(user):
        raise ValidationError(_("Two-step verification is for staff accounts."))
    if totp_device_confirmed(user) is not None:
        raise ValidationError(_("Two-step verification is already on."))
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice(user=user, name=DEVICE_NAME, confirmed=False)
    device.full_clean()
    device.save()
    return device


def totp_device_confirm(*, user, token: str) -> tuple[TOTPDevice, list[str]]:
    """Turn the pending device on once the person proves their app shows its codes; returns it with the ten new
    recovery codes, to be shown once."""
    device = totp_device_pending(user)
    if device is None:
        raise ValidationError(_("Start again: there is no code to confirm."))
    if not _verify(device, token):
        raise ValidationError(_("That code is not right. Check the time on your phone and try the newest code."))
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _recovery_codes_replace(user=user)
        audit_log(user, "lms.two_factor_enable", user=user, title=user.get_username())
    return device, codes


def totp_device_disable(*, user, token: str) -> None:
    """Turn two-step verification off; a current code is asked for, so that a forgotten session cannot. Refused
    for the roles that require it."""
    device = totp_device_confirmed(user)
    if device is None:
        raise ValidationError(_("Two-step verification is not on."))
    if two_factor_required(user):
        raise ValidationError(_("Two-step verification is required for your role; it cannot be turned off."))
    if not _verify(device, token):
        raise ValidationError(_("That code is not right. Check the time on your phone and try the newest code."))
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        audit_log(user, "lms.two_factor_disable", user=user, title=user.get_username())


def recovery_codes_regenerate(*, user, token: str) -> list[str]:
    """Ten new recovery codes in place of the old ones, for a current code from the app; shown once."""
    device = totp_device_confirmed(user)
    if device is None:
        raise ValidationError(_("Two-step verification is not on."))
    if not _verify(device, token):
        raise ValidationError(_("That code is not right. Check the time on your phone and try the newest code."))
    with transaction.atomic():
        codes = _recovery_codes_replace(user=user)
        audit_log(user, "lms.two_factor_recovery_codes", user=user, title=user.get_username())
    return codes


def _recovery_codes_replace(*, user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    device.full_clean()
    device.save()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def totp_verify(*, user, token: str) -> TOTPDevice | StaticDevice:
    """The device that ``token`` proves: a current code of the person's app, or one of their recovery codes (then
    spent, and recorded in the audit trail). Throttled after failures."""
    token = "".join((token or "").split()).lower()
    if token.isdigit():
        device = totp_device_confirmed(user)
        if device is None:
            raise ValidationError(_("Two-step verification is not on."))
        if not _verify(device, token):
            raise ValidationError(_("That code is not right. Check the time on your phone and try the newest code."))
        return device
    device = StaticDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()
    if device is None or not _verify(device, token):
        raise ValidationError(_("That recovery code is not right, or it was used already."))
    audit_log(user, "lms.two_factor_recovery_code_use", user=user, title=user.get_username())
    return device


def _verify(device: TOTPDevice | StaticDevice, token: str) -> bool:
    token = "".join((token or "").split())
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        raise ValidationError(_("Too many wrong codes. Wait a little, then try again."))
    with transaction.atomic():
        # a wrong code counts towards the device's throttle; a right one cannot be used twice
        return device.verify_token(token)


# --- session --------------------------------------------------------------------------------------------------


def session_verify(request: HttpRequest, device: TOTPDevice) -> None:
    """Mark the session verified by ``device`` (a new session key: what was known before is worth nothing)."""
    request.session.cycle_key()
    otp_login(request, device)
    request.session[SESSION_REQUIRED_KEY] = True
    request.session[SESSION_SETUP_KEY] = False


def session_requires_setup(request: HttpRequest) -> bool:
    session = getattr(request, "session", None)
    return bool(session is not None and session.get(SESSION_SETUP_KEY))


def session_requires_code(request: HttpRequest) -> bool:
    session = getattr(request, "session", None)
    if session is None or not session.get(SESSION_REQUIRED_KEY):
        return False
    return not session.get(DEVICE_ID_SESSION_KEY) or not request.user.is_verified()


def remember_requirement(sender, request, user, **kwargs) -> None:
    """At login: does this session have to be verified with a code, or must two-step verification be set up?"""
    session = getattr(request, "session", None)
    if session is not None:
        has_device = totp_device_confirmed(user) is not None
        session[SESSION_REQUIRED_KEY] = has_device
        session[SESSION_SETUP_KEY] = not has_device and two_factor_required(user)


class TwoFactorMiddleware:
    """Send a signed-in person who has turned on two-step verification to the code page until they enter a code,
    and one whose role requires it but who has no device yet to the set-up page until it is on.

    Comes after django_otp's OTPMiddleware. Open until then: the code (or set-up) page, logging out (site and admin)
    and the language switch.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if session_requires_setup(request):
            target = "lms:two_factor_setup"
        elif session_requires_code(request):
            target = "lms:two_factor_verify"
        else:
            return self.get_response(request)
        if self._open(request.path_info, target):
            return self.get_response(request)
        query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return redirect(reverse(target) + (f"?{query}" if query else ""))

    @staticmethod
    def _open(path: str, target: str) -> bool:
        return path in {
            reverse(target),
            reverse("lms:logout"),
            reverse("lms:set_language"),
            reverse("wagtailadmin_logout"),
        }
