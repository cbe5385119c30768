"""How the admin shows values to staff, in every plugin: times in the project's time zone with its abbreviation
("2 November 2026, 14:34 WIB", as the PDF and the bulk runs say), "—" for nothing, "Yes"/"No" for flags, a choice's
label and a link for a related record — never a raw ``None``, ``True``, ``False`` or UTC time.

An inspect view of a ``ModelViewSet`` gets all of it with :class:`HumanValuesInspectView` (``inspect_view_class``),
or with :class:`HumanValuesInspectMixin` in front of an inspect view of its own.
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView

NOTHING = "—"
#: Day, month name, year, 24-hour time and the zone's abbreviation: "2 November 2026, 14:34 WIB".
DATETIME_FORMAT = "j F Y, H:i T"


def local_datetime(value: datetime.datetime | None) -> str:
    """An aware time in the active time zone (the project's ``TIME_ZONE``), or "—"."""
    if value is None:
        return NOTHING
    return date_format(timezone.localtime(value), DATETIME_FORMAT)


def yes_no(value: bool | None) -> str:
    if value is None:
        return NOTHING
    return _("Yes") if value else _("No")


class LocalTimeColumn(Column):
    """A list column with the time itself in local time, sortable on its field."""

    def __init__(self, name: str, **kwargs):
        super().__init__(name, accessor=lambda obj: local_datetime(getattr(obj, name)), sort_key=name, **kwargs)


class HumanValuesInspectMixin:
    """An inspect view that shows times locally, "—" for empty values, "Yes"/"No", choices by their label (Wagtail's
    own ``get_<field>_display``) and links to related records."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "" or (value == "-" and isinstance(field, models.ManyToManyField)):
            return NOTHING  # Wagtail writes an empty many-to-many as "-"
        if isinstance(value, bool):
            return yes_no(value)
        if isinstance(value, datetime.datetime):
            return local_datetime(value)
        if isinstance(value, models.Model):
            edit_url = AdminURLFinder(self.request.user).get_edit_url(value)
            return format_html('<a href="{}">{}</a>', edit_url, value) if edit_url else str(value)
        return value


class HumanValuesInspectView(HumanValuesInspectMixin, InspectView):
    """Wagtail's inspect view with the values as people read them."""
