from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from assessments.competency.selectors import assessor as assessor_selectors
from assessments.competency.selectors import candidacy as candidacy_selectors
from certificates.selectors import admin as certificate_admin_selectors
from certificates.selectors import holder as certificate_selectors
from certificates.views.trainee import certificate_rows
from courses import selectors as course_selectors
from courses.training.registration import navigation as registration_navigation
from courses.training.registration import selectors as registration_selectors
from lms import health, roles, services
from lms.api.auth import ClientScopes
from lms.forms import ConnectedAppRevokeForm, LanguageForm
from lms.selectors import SESSION_LANGUAGE_KEY, api_connected_apps, user_role_names
from placement.selectors.dashboard import dashboard_widget as placement_dashboard_widget
from placement.selectors.notices import notices_for as placement_notices_for


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
        # The selection's notices (accepted, waiting list, not accepted, promoted): only people who applied have
        # any, and the session knows who did (no query for everyone else).
        "registration_notices": registration_selectors.notices_unread(user=request.user)
        if registration_navigation.applications_remembered(request)
        else [],
        "candidacies": list(candidacy_selectors.candidacies_for_candidate(user=request.user)) if is_trainee else [],
        "assigned": list(candidacy_selectors.candidacies_for_assessor(user=request.user)[:20]) if is_assessor else [],
        "grading": assessor_selectors.grading_counts(assessor=request.user) if is_assessor else {},
        "enrolments": course_selectors.enrolment_list_for_dashboard(user=request.user) if is_trainee else [],
        "batches": list(course_selectors.batch_list_for_instructor(user=request.user)) if is_instructor else [],
        "certificate_rows": certificate_rows(certificate_selectors.certificates_for_holder(user=request.user))
        if is_trainee
        else [],
        "placement_widget": placement_dashboard_widget(user=request.user) if is_trainee else None,
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
