"""Registration and selection in the Wagtail admin and the host's hooks (loaded by ``courses/wagtail_hooks.py``):
the "Selection" menu, its URLs, the audit actions and this part of a person's personal data."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

import courses.converters  # noqa: F401 - registers the id converter
from courses.training.registration import admin, personal_data
from kompeten_core.audit import register_audit_actions


class SelectionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin.VIEW)


@hooks.register("register_admin_menu_item")
def register_selection_menu_item():
    return SelectionMenuItem(
        gettext_lazy("Selection"), reverse("courses_selection_index"), icon_name="list-ol", order=215
    )


@hooks.register("register_admin_urls")
def register_selection_urls():
    return [
        path("courses/selection/", admin.selection_index, name="courses_selection_index"),
        path("courses/selection/<id:batch_id>/plan/", admin.selection_plan, name="courses_selection_plan"),
        path("courses/selection/<id:batch_id>/", admin.selection_ranking, name="courses_selection_ranking"),
        path(
            "courses/selection/<id:batch_id>/publish/",
            admin.SelectionPublishView.as_view(),
            name="courses_selection_publish",
        ),
        path(
            "courses/selection/applications/<id:registration_id>/interview/",
            admin.interview,
            name="courses_selection_interview",
        ),
        path(
            "courses/selection/applications/<id:registration_id>/ktp/",
            admin.id_card,
            name="courses_selection_id_card",
        ),
        path(
            "courses/selection/applications/<id:registration_id>/ijazah/",
            admin.diploma,
            name="courses_selection_diploma",
        ),
    ]


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    register_audit_actions(
        actions,
        {
            "courses.selection_plan_save": gettext_lazy("Selection plan saved"),
            "courses.interview_record": gettext_lazy("Interview score recorded"),
            "courses.selection_publish": gettext_lazy("Selection result published"),
            "courses.application_withdraw": gettext_lazy("Application for a batch withdrawn"),
        },
    )


@hooks.register("register_personal_data", order=110)
def register_personal_data():
    """Applications for batches and their documents, in a person's export and deletion."""
    return personal_data.PersonalData()
