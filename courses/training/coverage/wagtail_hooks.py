"""Coverage in the Wagtail admin and the host's hooks (loaded by ``courses/wagtail_hooks.py``): its URLs under the
batches, the audit actions and this part of a person's personal data."""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail import hooks

import courses.converters  # noqa: F401 - registers the id converter
from courses.training.coverage import admin, personal_data
from kompeten_core.audit import register_audit_actions


@hooks.register("register_admin_urls")
def register_coverage_urls():
    return [
        path("courses/batches/<id:batch_id>/coverage/", admin.coverage_list, name="courses_coverage_list"),
        path("courses/batches/<id:batch_id>/coverage/import/", admin.coverage_import, name="courses_coverage_import"),
        path(
            "courses/batches/<id:batch_id>/coverage/export/",
            admin.coverage_roster_export,
            name="courses_coverage_export",
        ),
        path(
            "courses/batches/<id:batch_id>/coverage/<id:enrolment_id>/",
            admin.coverage_edit,
            name="courses_coverage_edit",
        ),
    ]


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    register_audit_actions(
        actions,
        {
            "courses.coverage_save": gettext_lazy("BPJS Ketenagakerjaan coverage recorded"),
            "courses.coverage_import": gettext_lazy("BPJS Ketenagakerjaan coverage imported"),
            "courses.coverage_roster_export": gettext_lazy("Roster for BPJS Ketenagakerjaan exported (personal data)"),
        },
    )


@hooks.register("register_personal_data", order=120)
def register_personal_data():
    """BPJS Ketenagakerjaan coverage, in a person's export and deletion."""
    return personal_data.PersonalData()
