"""The applicant's pages: apply for a batch, my applications with their status and notices, withdraw, and my own
documents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from courses.training.registration import navigation, selectors
from courses.training.registration.forms import ApplicationForm, WithdrawForm
from courses.training.registration.services.applications import application_is_withdrawable, application_submit
from courses.training.registration.services.notices import notices_read
from courses.training.registration.services.selection import application_withdraw
from kompeten_core.private_files import private_file_response

#: Which form field a refusal of the service belongs to (by its code); others go to the form as a whole.
_REFUSAL_FIELDS = {
    "nik_length": "nik",
    "nik_province": "nik",
    "nik_regency": "nik",
    "nik_district": "nik",
    "nik_serial": "nik",
    "nik_date": "nik",
    "nik_birth_date": "nik",
    "nik_gender": "nik",
    "regency": "regency_code",
    "regency_name": "regency",
    "too_long": "disability",
}


def _refusal_field(error: ValidationError) -> str | None:
    return getattr(error, "field", None) or _REFUSAL_FIELDS.get(getattr(error, "code", None))


@login_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, batch_id: int) -> HttpResponse:
    """The application form of a batch whose registration is open (404 otherwise). A refused form is shown again
    with everything entered, except the files."""
    batch = selectors.batch_for_application(batch_id=batch_id)
    if batch is None:
        raise Http404
    form = ApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            application_submit(batch=batch, user=request.user, **form.cleaned_data)
        except ValidationError as refusal:
            field = _refusal_field(refusal)
            form.add_error(field, refusal.messages[0])
        else:
            navigation.application_made(request)
            messages.success(request, _("Your application for %(batch)s is received.") % {"batch": batch.name})
            return redirect("courses:registration_mine")
    return render(request, "courses/registration/apply.html", {"batch": batch, "form": form})


@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    """The person's applications with their status and every notice; the notices shown on the dashboard are read
    now."""
    applications = list(selectors.applications_for_user(user=request.user))
    if applications:
        notices_read(user=request.user)
    for application in applications:
        application.withdrawable = application_is_withdrawable(application)
        application.selection_test_open = selectors.selection_test_open(application)
    return render(request, "courses/registration/mine.html", {"applications": applications})


@login_required
@require_GET
def selection_test(request: HttpRequest, registration_id: int) -> HttpResponse:
    """To the selection test of the person's own application, while it can still count (404 otherwise). The exam
    lives in the exam plugin; this plugin only knows the page its plan names."""
    exam = selectors.selection_test_of_application(user=request.user, application_id=registration_id)
    url = exam.get_url(request) if exam is not None and exam.live else None
    if not url:
        raise Http404
    return redirect(url)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, registration_id: int) -> HttpResponse:
    application = selectors.application_for_user(user=request.user, application_id=registration_id)
    if application is None:
        raise Http404
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application_withdraw(application=application, user=request.user)
        except ValidationError as refusal:
            messages.error(request, refusal.messages[0])
        else:
            messages.success(request, _("Your application is withdrawn."))
        return redirect("courses:registration_mine")
    return render(request, "courses/registration/withdraw.html", {"application": application, "form": form})


def document_response(application, which: str) -> HttpResponse:
    """A document of an application (``id_card`` or ``diploma``), for someone whose right to it the caller checked."""
    stored = getattr(application, which)
    if not stored:
        raise Http404
    extension = stored.name.rsplit(".", 1)[-1]
    content_type = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg"}.get(extension)
    label = "ktp" if which == "id_card" else "ijazah"
    return private_file_response(
        name=stored.name,
        filename=f"{label}-{application.pk}.{extension}",
        content_type=content_type or "application/octet-stream",
        storage=stored.storage,
    )


@login_required
@require_GET
def id_card(request: HttpRequest, registration_id: int) -> HttpResponse:
    application = selectors.application_for_user(user=request.user, application_id=registration_id)
    if application is None:
        raise Http404
    return document_response(application, "id_card")


@login_required
@require_GET
def diploma(request: HttpRequest, registration_id: int) -> HttpResponse:
    application = selectors.application_for_user(user=request.user, application_id=registration_id)
    if application is None:
        raise Http404
    return document_response(application, "diploma")
