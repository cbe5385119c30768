"""Account pages: sign up, the profile, and two-step verification for staff (turn on/off, enter a code)."""

from base64 import b32encode

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from lms import services
from lms.accounts.forms import ProfileForm, SignUpForm, TotpCodeForm, TwoFactorCodeForm
from lms.privacy.personal_data import account_is_staff
from lms.security import two_factor
from lms.selectors import SESSION_LANGUAGE_KEY


def signup(request: HttpRequest) -> HttpResponse:
    """The same answer whether or not the e-mail address is registered already (lms.services.user_sign_up)."""
    if request.user.is_authenticated:
        return redirect("lms:dashboard")
    form = SignUpForm(request.POST or None, initial={"preferred_language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.user_sign_up(
                username=data["username"],
                email=data["email"],
                full_name=data["full_name"],
                password=data["password1"],
                preferred_language=data["preferred_language"],
                login_url=request.build_absolute_uri(reverse("lms:login")),
                password_reset_url=request.build_absolute_uri(reverse("lms:password_reset")),
            )
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            done = reverse("lms:signup_done")
            next_url = _same_site(request, request.GET.get("next", ""))
            return redirect(f"{done}?{urlencode({'next': next_url})}" if next_url else done)
    return render(request, "registration/signup.html", {"form": form})


def _same_site(request: HttpRequest, url: str) -> str:
    """``url`` when it stays on this site (a course the visitor came from), else ""."""
    allowed = url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure())
    return url if url and allowed else ""


def signup_done(request: HttpRequest) -> HttpResponse:
    """After sign-up: check your e-mail, then log in — and come back to the course the visitor signed up from."""
    next_url = _same_site(request, request.GET.get("next", ""))
    login_url = reverse("lms:login") + (f"?{urlencode({'next': next_url})}" if next_url else "")
    return render(request, "registration/signup_done.html", {"login_url": login_url})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    initial = {"full_name": user.full_name, "preferred_language": user.preferred_language}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_profile_update(user=user, **form.cleaned_data)
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            request.session[SESSION_LANGUAGE_KEY] = user.preferred_language
            messages.success(request, _("Your profile has been saved."))
            return redirect("lms:profile")
    context = {
        "form": form,
        "national_id_masked": user.national_id_masked,
        "can_delete": not account_is_staff(user),
    }
    return render(request, "lms/profile.html", context)


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path on this site: anything else (a bare word, control or bidi characters) would reach
    # ``redirect()`` as a URL name to reverse, or a header that cannot be sent.
    if not target.startswith("/") or not target.isprintable():
        return default
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@never_cache
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Staff only: turn TOTP on (QR code, then a code to confirm; the recovery codes are shown once), make new
    recovery codes or turn it off (each with a current code)."""
    user = request.user
    if not two_factor.user_may_use_two_factor(user):
        raise Http404
    form = TotpCodeForm(request.POST or None)
    action = request.POST.get("action")
    target = _safe_next(request, "/admin/")
    if request.method == "POST":
        try:
            if action == "start":
                two_factor.totp_device_start(user=user)
                return redirect(request.get_full_path())
            if action in {"confirm", "codes", "disable"} and form.is_valid():
                code = form.cleaned_data["code"]
                if action == "confirm":
                    device, codes = two_factor.totp_device_confirm(user=user, token=code)
                    two_factor.session_verify(request, device)
                    messages.success(request, _("Two-step verification is on. Keep your authenticator app."))
                    return _recovery_codes_page(request, codes, target)
                if action == "codes":
                    codes = two_factor.recovery_codes_regenerate(user=user, token=code)
                    return _recovery_codes_page(request, codes, target)
                two_factor.totp_device_disable(user=user, token=code)
                request.session[two_factor.SESSION_REQUIRED_KEY] = False
                messages.success(request, _("Two-step verification is off."))
                return redirect("lms:profile")
        except ValidationError as error:
            form.add_error("code" if action != "start" else None, error.messages)
    device = two_factor.totp_device_confirmed(user)
    pending = None if device else two_factor.totp_device_pending(user)
    context = {
        "form": form,
        "enabled": device is not None,
        "pending": pending,
        "required": two_factor.two_factor_required(user),
        "codes_left": two_factor.recovery_codes_left(user) if device else 0,
        "next": target,
    }
    if pending is not None:
        context["qr_svg"] = segno.make(pending.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")
        context["secret"] = _base32_groups(pending)
    return render(request, "lms/two_factor_setup.html", context)


def _recovery_codes_page(request: HttpRequest, codes: list[str], target: str) -> HttpResponse:
    """The recovery codes, shown this once (never stored where they could be shown again)."""
    response = render(request, "lms/two_factor_recovery_codes.html", {"codes": codes, "next": target})
    response["Cache-Control"] = "no-store"
    return response


def _base32_groups(device) -> str:
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """After the password: the code from the authenticator app, then on to where the person was going."""
    user = request.user
    target = _safe_next(request, "/admin/" if two_factor.user_may_use_two_factor(user) else "/")
    if not request.session.get(two_factor.SESSION_REQUIRED_KEY):
        return redirect(target)
    if two_factor.totp_device_confirmed(user) is None:  # an administrator removed the device
        request.session[two_factor.SESSION_REQUIRED_KEY] = False
        return redirect(target)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = two_factor.totp_verify(user=user, token=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error.messages)
        else:
            two_factor.session_verify(request, device)
            return redirect(target)
    return render(request, "lms/two_factor_verify.html", {"form": form, "next": target})
