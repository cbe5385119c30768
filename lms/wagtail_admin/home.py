"""The admin home of an instructor: a "Teaching" panel with their courses (to edit), their batches (rosters) and
the reports of the exams they may edit. The same number of queries whatever the number of rows."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from assessments.exams.selectors import attempts as assessment_selectors
from courses import selectors as course_selectors
from lms import roles
from lms.selectors import user_role_names


class TeachingPanel(Component):
    name = "kompeten_teaching"
    template_name = "lms/admin/home_teaching.html"
    order = 50

    def __init__(self, *, courses, batches, exams):
        self.courses, self.batches, self.exams = courses, batches, exams

    def get_context_data(self, parent_context):
        return {"courses": self.courses, "batches": self.batches, "exams": self.exams}


@hooks.register("construct_homepage_panels")
def add_teaching_panel(request, panels):
    user = request.user
    if roles.INSTRUCTOR not in user_role_names(user):
        return
    panels.append(
        TeachingPanel(
            courses=list(course_selectors.courses_taught(user=user)),
            batches=list(course_selectors.batch_list_for_instructor(user=user)),
            exams=list(assessment_selectors.exams_for_author(user=user)),
        )
    )
