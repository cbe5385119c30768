"""K3 in the Wagtail admin (the *K3* menu: inductions and the incident log), the incident export, the audit actions
and the personal-data hook (imported by courses.wagtail_hooks, which Wagtail loads)."""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail import hooks

import courses.converters  # noqa: F401 - registers the id converter
from courses.training.safety import admin, personal_data
from kompeten_core.audit import register_audit_actions


@hooks.register("register_admin_viewset")
def register_k3_viewsets():
    return admin.K3Group()


@hooks.register("register_admin_urls")
def register_k3_urls():
    return [
        path(
            "courses/k3-incidents/workshop/<id:workshop_id>/export/",
            admin.incident_export,
            name="courses_k3_incident_export",
        )
    ]


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    register_audit_actions(
        actions,
        {
            "courses.k3_induction_save": gettext_lazy("K3 induction saved"),
            "courses.ppe_acknowledge": gettext_lazy("PPE checklist acknowledged"),
            "courses.k3_incident_record": gettext_lazy("K3 incident recorded"),
            "courses.k3_incident_change": gettext_lazy("K3 incident changed"),
        },
    )


@hooks.register("register_personal_data", order=130)
def register_personal_data():
    """PPE acknowledgements (after attendance, order 110)."""
    return personal_data.PersonalData()
