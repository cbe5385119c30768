"""Wagtail admin views, mounted at their own URLs ahead of Wagtail's admin URLs (``lms/urls.py``), each with one
crash on hostile input fixed (found by the no-500 walk, ``tests/security/test_no_500_walk.py``). Same URLs,
same templates and behaviour otherwise.
"""

import re
from decimal import Decimal

import django_filters
from django import forms
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.http import Http404
from wagtail.admin.auth import require_admin_access
from wagtail.admin.filters import BaseMediaFilterSet, NumberRangeWidget
from wagtail.admin.views.account import LoginView
from wagtail.admin.views.chooser import ExternalLinkView
from wagtail.admin.views.workflows import CreateTask
from wagtail.contrib.redirects import views as redirects_views
from wagtail.documents.views import documents as documents_views
from wagtail.images.views import images as images_views

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


class UsageCountFilter(django_filters.RangeFilter):
    """Wagtail's "usage count" range filter of the documents and images listings, usable while searching.

    The listing filters on a ``usage_count`` annotation (a ``Coalesce`` over a subquery); a search then hands the
    filtered queryset to the search backend, which cannot translate a filter on an annotation (``AttributeError:
    'Coalesce' object has no attribute 'target'``: ``/admin/documents/?q=a&usage_count_min=1`` was a 500). While
    searching, the filter is applied as ``pk IN (the annotated rows in range)``, which every backend translates:
    the way Wagtail's own tag filter works around the same limit (``RelatedFilterMixin``).
    """

    #: A count beyond this is clamped to it: SQLite cannot bind a larger integer (``OverflowError``, a 500).
    COUNT_BOUND = Decimal(2**62)

    def __init__(self, *args, use_subquery: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.use_subquery = use_subquery

    def filter(self, qs, value):
        if value:
            value = slice(self._bounded(value.start), self._bounded(value.stop))
        filtered = super().filter(qs, value)
        if not self.use_subquery or not value:
            return filtered
        return qs.filter(pk__in=filtered.values("pk"))

    @classmethod
    def _bounded(cls, number):
        return None if number is None else max(min(number, cls.COUNT_BOUND), -cls.COUNT_BOUND)


class SearchableUsageCountMixin(django_filters.FilterSet):
    """A media listing's filters with :class:`UsageCountFilter` in place of Wagtail's plain range filter."""

    usage_count = UsageCountFilter(
        field_name="usage_count",
        label=BaseMediaFilterSet.base_filters["usage_count"].label,  # Wagtail's own label and translation
        widget=NumberRangeWidget(),
    )

    def __init__(self, *args, is_searching=None, **kwargs):
        super().__init__(*args, is_searching=is_searching, **kwargs)
        self.filters["usage_count"].use_subquery = bool(is_searching)


class DocumentsFilterSet(SearchableUsageCountMixin, documents_views.DocumentsFilterSet):
    pass


class ImagesFilterSet(SearchableUsageCountMixin, images_views.ImagesFilterSet):
    pass


class AdminDocumentsIndexView(documents_views.IndexView):
    """Wagtail's documents listing, with a usage-count filter that works during a search."""

    filterset_class = DocumentsFilterSet


class AdminImagesIndexView(images_views.IndexView):
    """Wagtail's images listing, with a usage-count filter that works during a search."""

    filterset_class = ImagesFilterSet


# Wagtail's admin URLs are wrapped in ``require_admin_access``; these, mounted ahead of them, are wrapped the same way.
admin_documents_index = require_admin_access(AdminDocumentsIndexView.as_view())
admin_documents_index_results = require_admin_access(AdminDocumentsIndexView.as_view(results_only=True))
admin_images_index = require_admin_access(AdminImagesIndexView.as_view())
admin_images_index_results = require_admin_access(AdminImagesIndexView.as_view(results_only=True))
