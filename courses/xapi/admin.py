"""Reports → Learning records (xAPI): the statements of the courses an instructor teaches (every course for a
superuser), newest first, a page at a time."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from courses.xapi import selectors

URL_NAME = "courses_xapi_report"
PAGE_SIZE = 50


def statement_report(request):
    if not request.user.has_perm("courses.view_statement"):
        raise PermissionDenied
    statements = selectors.statements_for_report(user=request.user)
    page = Paginator(statements, PAGE_SIZE).get_page(request.GET.get("p"))
    return TemplateResponse(request, "courses/xapi/report.html", {"page": page, "statements": list(page)})


class StatementReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.view_statement")


def report_menu_item() -> MenuItem:
    return StatementReportMenuItem(
        _("Learning records (xAPI)"), reverse_lazy(URL_NAME), name="xapi-statements", icon_name="table", order=810
    )
