"""Sessions and attendance in the Wagtail admin and in the personal-data hook (imported by courses.wagtail_hooks,
which Wagtail loads)."""

from wagtail import hooks

from courses.training.sessions import admin, personal_data


@hooks.register("register_admin_viewset")
def register_session_viewset():
    return admin.session_viewset


@hooks.register("register_admin_viewset")
def register_workshop_viewset():
    return admin.workshop_viewset


@hooks.register("register_personal_data", order=110)
def register_personal_data():
    """Attendance and the calendar address (after the courses plugin's enrolments, order 100)."""
    return personal_data.PersonalData()
