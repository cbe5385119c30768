"""Optional two-step verification (TOTP, django-otp) for staff: anyone who may enter the Wagtail admin.

A staff member turns it on from their profile (a QR code for an authenticator app, confirmed with a code). From
then on, a session signed in with their password is not verified until they enter a code: until then every page
but the code page, the language switch and logging out sends them to the code page — the admin above all.
Trainees never see it. An administrator who lost their phone is helped by another one deleting their device in
Django's admin (/django-admin/otp_totp/totpdevice/).

Whether a session must be verified is decided once, at login, and kept in the session, so that an ordinary
request costs no query.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

SESSION_REQUIRED_KEY = "kompeten_otp_required"
DEVICE_NAME = "Kompeten"
ADMIN_ACCESS = "wagtailadmin.access_admin"


# --- selectors ------------------------------------------------------------------------------------------------


def user_may_use_two_factor(user) -> bool:
    """Staff: whoever may enter the Wagtail admin."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(ADMIN_ACCESS))


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


def totp_device_confirm(*, user, token: str) -> TOTPDevice:
    """Turn the pending device on once the person proves their app shows its codes."""
    device = totp_device_pending(user)
    if device is None:
        raise ValidationError(_("Start again: there is no code to confirm."))
    if not _verify(device, token):
        raise ValidationError(_("That code is not right. Check the time on your phone and try the newest code."))
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


def totp_device_disable(*, user, token: str) -> None:
    """Turn two-step verification off; a current code is asked for, so that a forgotten session cannot."""
    device = totp_device_confirmed(user)
    if device is None:
        raise ValidationError(_("Two-step verification is not on."))
    if not _verify(device, token):
        raise ValidationError(_("That code is not right. Check the time on your phone and try the newest code."))
    TOTPDevice.objects.filter(user=user).delete()


def totp_verify(*, user, token: str) -> TOTPDevice:
    """The person's confirmed device if ``token`` is one of its current codes (throttled after failures)."""
    device = totp_device_confirmed(user)
    if device is None:
        raise ValidationError(_("Two-step verification is not on."))
    if not _verify(device, token):
        raise ValidationError(_("That code is not right. Check the time on your phone and try the newest code."))
    return device


def _verify(device: TOTPDevice, token: str) -> bool:
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


def session_requires_code(request: HttpRequest) -> bool:
    session = getattr(request, "session", None)
    if session is None or not session.get(SESSION_REQUIRED_KEY):
        return False
    return not session.get(DEVICE_ID_SESSION_KEY) or not request.user.is_verified()


def remember_requirement(sender, request, user, **kwargs) -> None:
    """At login: does this session have to be verified with a code?"""
    session = getattr(request, "session", None)
    if session is not None:
        session[SESSION_REQUIRED_KEY] = totp_device_confirmed(user) is not None


class TwoFactorMiddleware:
    """Send a signed-in person who has turned on two-step verification to the code page until they enter a code.

    Comes after django_otp's OTPMiddleware. Open until then: the code page, logging out (site and admin) and the
    language switch.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if session_requires_code(request) and not self._open(request.path_info):
            query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
            return redirect(reverse("lms:two_factor_verify") + (f"?{query}" if query else ""))
        return self.get_response(request)

    @staticmethod
    def _open(path: str) -> bool:
        return path in {
            reverse("lms:two_factor_verify"),
            reverse("lms:logout"),
            reverse("lms:set_language"),
            reverse("wagtailadmin_logout"),
        }
