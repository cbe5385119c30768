"""The job seeker's pages: the profile with consent and CV, applying to a vacancy, my applications; and the CV
download for the employers a person applied to. Thin: the rules live in ``placement.services``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kompeten_core.conf import settings as kompeten
from kompeten_core.private_files import private_file_response
from placement.forms.seeker import CONSENT_TEXT, ConfirmForm, CvForm, ProfileForm
from placement.models import Application
from placement.selectors import seekers as selectors
from placement.services import PlacementRefused
from placement.services import seekers as services
from placement.services.applications import application_create, application_move

_PROFILE_FIELDS = ("province", "regency_code", "regency", "district", "phone", "available_from", "cv_text")


def _errors_into(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


def _initial(profile) -> dict:
    if profile is None:
        return {}
    initial = {name: getattr(profile, name) for name in _PROFILE_FIELDS}
    initial["tracks"] = list(profile.tracks.all())
    return initial


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """My job-seeker profile: domicile, phone, availability, wanted tracks, short CV, the consent box (asked again
    when the consent text changes), the CV file, and my valid certificates and K units read live."""
    current = selectors.profile_for_user(user=request.user)
    consenting = selectors.has_current_consent(current)
    data = request.POST if request.method == "POST" else None
    form = ProfileForm(data, initial=_initial(current), consent_needed=not consenting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.profile_submit(
                user=request.user,
                consent=bool(data.get("consent")),
                tracks=data["tracks"],
                **{name: data[name] for name in _PROFILE_FIELDS},
            )
        except ValidationError as error:
            _errors_into(form, error)
        else:
            messages.success(request, _("Your job-seeker profile has been saved."))
            return redirect("placement:seeker_profile")
    context = {
        "form": form,
        "profile": current,
        "consenting": consenting,
        "consent_outdated": current is not None and current.consent_at is not None and not consenting,
        "consent_text": CONSENT_TEXT,
        "consent_version": kompeten.CONSENT_VERSION,
        "cv_form": CvForm(),
        "competence": selectors.competence_for_user(user=request.user),
    }
    return render(request, "placement/seeker/profile.html", context, status=400 if form.errors else 200)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def consent_withdraw(request: HttpRequest) -> HttpResponse:
    """Withdraw my consent (confirmed): hidden from every employer view at once; optionally delete the profile."""
    current = selectors.profile_for_user(user=request.user)
    if current is None:
        return redirect("placement:seeker_profile")
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.consent_withdraw(user=request.user)
        if form.cleaned_data["delete_profile"]:
            services.profile_delete(user=request.user)
            messages.success(request, _("Your consent is withdrawn and your job-seeker profile is deleted."))
        else:
            messages.success(request, _("Your consent is withdrawn: employers no longer see you."))
        return redirect("placement:seeker_profile")
    return render(request, "placement/seeker/consent_withdraw.html", {"form": form, "profile": current})


@never_cache
@login_required
@require_POST
def cv_upload(request: HttpRequest) -> HttpResponse:
    form = CvForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.cv_upload(user=request.user, upload=form.cleaned_data["cv_file"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Your CV file has been saved."))
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, message)
    return redirect("placement:seeker_profile")


@never_cache
@login_required
@require_POST
def cv_remove(request: HttpRequest) -> HttpResponse:
    services.cv_remove(user=request.user)
    messages.success(request, _("Your CV file has been removed."))
    return redirect("placement:seeker_profile")


def _cv_response(profile) -> HttpResponse:
    return private_file_response(
        name=profile.cv_file.name,
        filename=f"cv-{profile.user_id}.pdf",
        content_type="application/pdf",
        storage=profile.cv_file.storage,
    )


@login_required
@require_GET
def cv_download(request: HttpRequest) -> HttpResponse:
    """My own CV file."""
    current = selectors.profile_for_user(user=request.user)
    if current is None or not current.cv_file:
        raise Http404
    return _cv_response(current)


@login_required
@require_GET
def application_cv(request: HttpRequest, application_id: int) -> HttpResponse:
    """An applicant's CV file, for a member of the employer applied to (while the applicant consents); 404 else."""
    applicant = selectors.cv_for_employer_member(application_id=application_id, user=request.user)
    if applicant is None:
        raise Http404
    return _cv_response(applicant)


@never_cache
@login_required
@require_POST
def apply(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    """Apply to a vacancy: one application per vacancy; a closed vacancy or a job seeker without consent is refused."""
    vacancy = selectors.vacancy_to_apply(vacancy_id=vacancy_id)
    if vacancy is None:
        raise Http404
    try:
        application_create(vacancy=vacancy, seeker=request.user)
    except PlacementRefused as refused:
        if refused.code == "duplicate":
            messages.info(request, _("You have already applied for this vacancy."))
            return redirect("placement:my_applications")
        context = {"vacancy": vacancy, "message": " ".join(refused.messages), "code": refused.code}
        status = 403 if refused.code == "no_consent" else 409
        return render(request, "placement/seeker/apply_refused.html", context, status=status)
    messages.success(request, _("Your application for %(title)s has been sent.") % {"title": vacancy.title})
    return redirect("placement:my_applications")


@never_cache
@login_required
@require_GET
def my_applications(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.applications_of_seeker(user=request.user))
    context = {"applications": rows, "withdrawable": set(services.OPEN_STATES)}
    return render(request, "placement/seeker/my_applications.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def application_withdraw(request: HttpRequest, application_id: int) -> HttpResponse:
    """Withdraw one of my applications (confirmed)."""
    application = selectors.application_of_seeker(application_id=application_id, user=request.user)
    if application is None:
        raise Http404
    if request.method == "POST":
        try:
            application_move(application=application, to=Application.Status.WITHDRAWN, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Your application has been withdrawn."))
        return redirect("placement:my_applications")
    return render(request, "placement/seeker/application_withdraw.html", {"application": application})
