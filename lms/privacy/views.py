"""The person's own data: download it all as a ZIP, or have the account deleted (anonymised)."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from lms.privacy import personal_data
from lms.privacy.forms import AccountDeleteForm


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
