"""SCORM packages in the Wagtail admin: an instructor picks a lesson they may edit and uploads a package (ZIP); it is
checked before anything is stored (the refusal says why), then played in that lesson. Saving and deleting go through
the services, which audit."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from courses.models import LessonPage
from courses.scorm import services
from courses.scorm.models import ScormPackage
from courses.scorm.packages import PackageRefused, package_inspect


class ScormPackageForm(WagtailAdminModelForm):
    """The lesson as a plain list of the lessons the user may edit, and the package file (required when adding)."""

    package = forms.FileField(
        label=gettext_lazy("Package (ZIP)"),
        required=False,
        help_text=gettext_lazy("A SCORM 1.2 or SCORM 2004 package: a ZIP with imsmanifest.xml at its top level."),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the package's own title.")
        if "lesson" in self.fields:
            if self.instance.pk:
                self.fields["lesson"].disabled = True
            self.fields["lesson"].widget = forms.Select()
            user = getattr(self, "for_user", None)
            lessons = LessonPage.objects.all()
            if user is not None and not user.is_superuser:
                editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
                lessons = lessons.filter(pk__in=editable.values("pk"))
            self.fields["lesson"].queryset = lessons.order_by("path")

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("package")
        if not self.instance.pk and not upload:
            self.add_error("package", _("Choose the package's ZIP file."))
        contents = None
        if upload:
            try:
                contents = package_inspect(upload=upload)
            except PackageRefused as refusal:
                self.add_error("package", refusal.messages[0])
        if not cleaned.get("title"):  # the package's own title, else the one it has, else the lesson's
            lesson = cleaned.get("lesson") or getattr(self.instance, "lesson", None)
            cleaned["title"] = (
                (contents.title if contents else "") or self.instance.title or (lesson.title if lesson else "")
            )[:200]
        return cleaned

    def save(self, commit=True):  # the views save through the services
        return self.instance


class _Saved:
    def save_instance(self):
        form = self.form
        upload = form.cleaned_data.get("package")
        lesson = form.cleaned_data.get("lesson") or form.instance.lesson
        if upload:
            return services.scorm_package_save(
                lesson=lesson, upload=upload, user=self.request.user, title=form.cleaned_data.get("title") or ""
            )
        return services.scorm_package_retitle(
            package=form.instance, title=form.cleaned_data.get("title") or "", user=self.request.user
        )


class ScormPackageCreateView(_Saved, CreateView):
    pass


class ScormPackageEditView(_Saved, EditView):
    pass


class ScormPackageDeleteView(DeleteView):
    def delete_action(self):
        services.scorm_package_delete(package=self.object, user=self.request.user)


class ScormPackageIndexView(IndexView):
    def get_base_queryset(self):
        return ScormPackage.objects.select_related("lesson")


class ScormPackageViewSet(ModelViewSet):
    model = ScormPackage
    edit_handler = ObjectList(
        [FieldPanel("lesson"), FieldPanel("title"), FieldPanel("package")], base_form_class=ScormPackageForm
    )
    index_view_class = ScormPackageIndexView
    add_view_class = ScormPackageCreateView
    edit_view_class = ScormPackageEditView
    delete_view_class = ScormPackageDeleteView
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("SCORM packages")
    url_prefix = "courses/scorm-packages"
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["title", "lesson", "version", "uploaded_at"]
    inspect_view_enabled = False
