"""Four Wagtail admin views, mounted at their own URLs ahead of Wagtail's admin URLs (``lms/urls.py``), each with one
crash on hostile input fixed (found by the no-500 walk, ``tests/security/test_no_500_walk.py``). Same URLs,
same templates and behaviour otherwise.
"""

import re

from django import forms
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.http import Http404
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import LoginView
from wagtail.admin.views.chooser import ExternalLinkView
from wagtail.admin.views.workflows import CreateTask
from wagtail.contrib.redirects import views as redirects_views

#: An app label or a model name, as Django makes them (identifiers).
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}")


class AdminLoginView(LoginView):
    """Wagtail's admin log-in page, with a ``next`` that is not a path on this site ignored (the dashboard instead).

    Wagtail sends someone already signed in on with ``redirect(next)``, and Django's ``redirect`` takes text
    without a slash or a dot for a URL name to reverse: ``/admin/login/?next=abc`` was a 500 (``NoReverseMatch``).
    """

    def get_redirect_url(self):
        url = super().get_redirect_url()
        return url if url.startswith("/") else ""


class AdminExternalLinkView(ExternalLinkView):
    """The rich-text editor's "external link" step, with a post that lacks the URL field refused as the form does.

    Wagtail's URL field reads ``value.startswith("/")`` before anything else, so a post without the field (``None``)
    was an ``AttributeError`` (a 500); here it is an empty URL, which the form refuses ("This field is required").
    """

    def post(self, request):
        key = f"{self.form_prefix}-{self.link_url_field_name}"
        if key not in request.POST:
            request.POST = request.POST.copy()
            request.POST[key] = ""
        return super().post(request)


admin_external_link = require_admin_access(AdminExternalLinkView.as_view())


@require_admin_access
def admin_redirects_process_import(request):
    """Wagtail's redirects import, second step, with a tampered management form refused as Wagtail means to.

    The step carries the uploaded file's name and format in two signed hidden fields. Wagtail's form unsigns them
    in ``clean()`` reading ``cleaned_data[key]``, which is missing when a field itself was refused (absent, or a NUL
    byte): a ``KeyError`` (500) instead of the ``SuspiciousOperation`` (400) Wagtail raises for a tampered form.
    """
    if request.method == "POST":
        for key in ("import_file_name", "input_format"):
            try:
                forms.CharField().clean(request.POST.get(key))
            except ValidationError:
                raise SuspiciousOperation(
                    f"Redirects import: the management form's {key} is missing or not text"
                ) from None
    return redirects_views.process_import(request)


class AdminCreateTask(CreateTask):
    """Wagtail's "add a workflow task" page, with a task type in the URL that is no app label or model name a 404.

    Wagtail looks the type up with the URL's text (``ContentType.objects.get_by_natural_key``): a NUL byte in it is
    a ``DataError`` on PostgreSQL (a 500), where any other unknown type is a 404.
    """

    def dispatch(self, request, *args, **kwargs):
        if not all(IDENTIFIER.fullmatch(kwargs.get(key) or "") for key in ("app_label", "model_name")):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


admin_create_task = require_admin_access(AdminCreateTask.as_view())
