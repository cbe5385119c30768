"""The SCORM packages' and the xAPI report's admin (imported by ``courses.wagtail_hooks``)."""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail import hooks

from courses.scorm import personal_data
from courses.scorm.admin import ScormPackageViewSet
from courses.xapi import admin as xapi_admin
from kompeten_core.audit import register_audit_actions


@hooks.register("register_admin_viewset")
def register_scorm_viewset():
    return ScormPackageViewSet("courses_scorm_package")


@hooks.register("register_admin_urls")
def register_xapi_report_url():
    return [path("reports/xapi/", xapi_admin.statement_report, name=xapi_admin.URL_NAME)]


@hooks.register("register_reports_menu_item")
def register_xapi_report_menu_item():
    return xapi_admin.report_menu_item()


@hooks.register("register_log_actions")
def register_scorm_audit_actions(actions):
    register_audit_actions(
        actions,
        {
            "courses.scorm_package_upload": gettext_lazy("SCORM package uploaded"),
            "courses.scorm_package_retitle": gettext_lazy("SCORM package renamed"),
            "courses.scorm_package_delete": gettext_lazy("SCORM package deleted"),
        },
    )


@hooks.register("register_personal_data", order=140)
def register_personal_data():
    """SCORM attempts and xAPI learning records (after the PPE acknowledgements, order 130)."""
    return personal_data.PersonalData()
