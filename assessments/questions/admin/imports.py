"""Admin: import questions from a GIFT or Moodle XML file (upload, optionally check only, see the report)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from assessments.questions.services.imports import max_bytes, questions_import

PERMISSION = "assessments.add_question"
URL_NAME = "assessments_question_import"


class QuestionImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("GIFT (.gift or .txt, UTF-8) or Moodle XML (.xml), as exported from Moodle."),
    )
    category = forms.CharField(
        label=gettext_lazy("Category"),
        required=False,
        max_length=255,
        help_text=gettext_lazy("Optional: put every question in this category instead of the file's categories."),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Check only"),
        required=False,
        help_text=gettext_lazy("Read and check the file and show what would be imported, without importing."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": f"{max_bytes() / (1024 * 1024):g}"}
            )
        return upload


def question_import(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    report = None
    if request.method == "POST":
        form = QuestionImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            report = questions_import(
                data=upload.read(),
                filename=upload.name,
                category=form.cleaned_data["category"],
                dry_run=form.cleaned_data["dry_run"],
            )
            if report.failed:
                messages.error(request, _("Nothing was imported: the file could not be read."))
            elif report.imported and not report.dry_run:
                messages.success(request, report.summary)
    else:
        form = QuestionImportForm()
    return TemplateResponse(request, "assessments/admin/question_import.html", {"form": form, "report": report})


class QuestionImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_question_import_url():
    return [path("assessments/questions/import/", question_import, name=URL_NAME)]


@hooks.register("register_admin_menu_item")
def register_question_import_menu_item():
    return QuestionImportMenuItem(
        gettext_lazy("Import questions"),
        reverse_lazy(URL_NAME),
        name="assessments-question-import",
        icon_name="upload",
        order=330,
    )
