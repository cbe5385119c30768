from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from assessments import selectors_assessor as assessor_selectors
from assessments import selectors_candidacy as candidacy_selectors
from certificates import selectors as certificate_selectors
from certificates import selectors_admin as certificate_admin_selectors
from certificates.views_trainee import certificate_rows
from courses import selectors as course_selectors
from lms import health, personal_data, roles, services
from lms.api_auth import ClientScopes
from lms.forms import AccountDeleteForm, ConnectedAppRevokeForm, LanguageForm, ProfileForm, SignUpForm
from lms.selectors import SESSION_LANGUAGE_KEY, api_connected_apps, user_role_names
from placement.selectors import seekers as placement_seekers
from placement.selectors.notices import notices_for as placement_notices_for


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
        "can_delete": not personal_data.account_is_staff(user),
    }
    return render(request, "lms/profile.html", context)


@never_cache
@require_POST
@login_required
def personal_data_download(request: HttpRequest) -> StreamingHttpResponse:
    """All the signed-in person's data as a ZIP (data.json and their files), streamed; recorded in the audit trail."""
    filename, chunks = personal_data.personal_data_export(user=request.user)
    response = StreamingHttpResponse(chunks, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@login_required
def account_delete(request: HttpRequest) -> HttpResponse:
    """Delete my account: confirmed with the password; the account is anonymised (staff accounts cannot)."""
    if personal_data.account_is_staff(request.user):
        messages.error(request, _("Staff accounts cannot be deleted by their owner. Ask an administrator."))
        return redirect("lms:profile")
    form = AccountDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            personal_data.account_anonymise(user=request.user, password=form.cleaned_data["password"])
        except ValidationError as error:
            form.add_error("password", error.messages)
        else:
            logout(request)
            messages.success(request, _("Your account has been deleted. Issued certificates stay verifiable."))
            return redirect("/")
    return render(request, "lms/account_delete.html", {"form": form})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; remembered in the session, a cookie and on the signed-in user."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if not form.is_valid():
        messages.error(request, _("This language is not available."))
        return response
    language = form.cleaned_data["language"]
    request.session[SESSION_LANGUAGE_KEY] = language
    if request.user.is_authenticated:
        services.user_language_set(user=request.user, language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    return response


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    role_names = user_role_names(request.user)
    is_trainee = roles.TRAINEE in role_names or not role_names
    is_instructor = roles.INSTRUCTOR in role_names
    is_assessor = roles.ASSESSOR in role_names
    context = {
        "notices": candidacy_selectors.notices_unread(user=request.user),
        "placement_notices": placement_notices_for(request.user),
        "candidacies": list(candidacy_selectors.candidacies_for_candidate(user=request.user)) if is_trainee else [],
        "assigned": list(candidacy_selectors.candidacies_for_assessor(user=request.user)[:20]) if is_assessor else [],
        "grading": assessor_selectors.grading_counts(assessor=request.user) if is_assessor else {},
        "enrolments": course_selectors.enrolment_list_for_dashboard(user=request.user) if is_trainee else [],
        "batches": list(course_selectors.batch_list_for_instructor(user=request.user)) if is_instructor else [],
        "certificate_rows": certificate_rows(certificate_selectors.certificates_for_holder(user=request.user))
        if is_trainee
        else [],
        "placement_widget": placement_seekers.dashboard_widget(user=request.user) if is_trainee else None,
        "is_trainee": is_trainee,
        "is_instructor": is_instructor,
        "is_assessor": is_assessor,
        "is_certification_admin": roles.CERTIFICATION_ADMIN in role_names,
        "pending_certificates": certificate_admin_selectors.pending_competency_decisions().count()
        if roles.CERTIFICATION_ADMIN in role_names
        else 0,
        "is_administrator": roles.ADMINISTRATOR in role_names,
        "role_labels": [roles.ROLE_LABELS[name] for name in roles.ROLES if name in role_names],
    }
    return render(request, "lms/dashboard.html", context)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    report = health.health_report()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


@login_required
def connected_apps(request: HttpRequest) -> HttpResponse:
    """The apps (a phone app, a partner's service) the person let use their account through the API, each with
    a button that takes the access back at once."""
    if request.method == "POST":
        form = ConnectedAppRevokeForm(request.POST)
        if form.is_valid():
            services.api_access_revoke(user=request.user, application_id=form.cleaned_data["application"])
            messages.success(request, _("The app can no longer use your account."))
        return redirect("lms:connected_apps")
    apps = api_connected_apps(user=request.user)
    scopes = ClientScopes().get_all_scopes()
    for app in apps:
        app.scope_labels = [scopes.get(name, name) for name in app.scopes]
    return render(request, "lms/connected_apps.html", {"apps": apps})
