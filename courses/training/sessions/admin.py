"""The timetable in the Wagtail admin: rooms and workshops, and the sessions of each batch. Saving a session goes
through ``services.session_booking_check`` under a lock, so a double-booked instructor or room is refused with a
message on the form, and nothing is saved."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet

from courses.training.sessions import services
from courses.training.sessions.models import TrainingSession, Workshop


class _BookingChecked:
    def save_instance(self):
        # inside form_valid's transaction: the check, then the save whose refusal by the database (PostgreSQL's
        # exclusion constraints, when another booking won the race) is the same message on the form
        services.session_booking_check(session=self.form.instance)
        with services.double_booking_refused():
            return super().save_instance()

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class SessionCreateView(_BookingChecked, CreateView):
    pass


class SessionEditView(_BookingChecked, EditView):
    pass


class TrainingSessionViewSet(ModelViewSet):
    model = TrainingSession
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    icon = "date"
    menu_label = gettext_lazy("Sessions")
    menu_order = 211
    add_to_admin_menu = True
    url_prefix = "courses/sessions"
    list_display = ["__str__", "batch", "kind", "workshop", "instructor", "jp", Column("pk", label="ID")]
    list_filter = ["batch", "kind", "workshop"]
    search_fields = ["topic"]
    ordering = ["-starts_at"]
    panels = [
        FieldPanel("batch"),
        FieldPanel("topic"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("jp")]),
        FieldPanel("workshop"),
        FieldPanel("instructor"),
    ]


class WorkshopViewSet(ModelViewSet):
    model = Workshop
    icon = "home"
    menu_label = gettext_lazy("Rooms and workshops")
    menu_order = 212
    add_to_admin_menu = True
    url_prefix = "courses/workshops"
    list_display = ["name", "kind", "location", Column("pk", label="ID")]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("location")]


session_viewset = TrainingSessionViewSet("courses_session")
workshop_viewset = WorkshopViewSet("courses_workshop")
