"""The placement plugin's admin: labour-market demand (what employers will need), for centre staff — every employer's
rows, filtered and searched, exported as CSV or XLSX (formulas neutralised). Read-only for the Certification admin
role (``placement.view_demand``); employers write their own rows on their pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from kompeten_core.admin_display import HumanValuesInspectView
from kompeten_core.exports import safe_cell
from placement.models import Demand
from placement.selectors.employers import all_demand


class DemandIndexView(IndexView):
    def get_base_queryset(self):
        return all_demand()

    def to_row_dict(self, item):
        values = {
            "employer": item.employer.name,
            "position": item.position,
            "unit_codes": " ".join(unit.code for unit in item.units.all()),
            "scheme": item.scheme.title if item.scheme_id else "",
            "headcount": item.headcount,
            "quarter": item.quarter,
            "created_at": item.created_at,
        }
        return {field: values[field] for field in self.list_export}

    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(writer, {field: safe_cell(value) for field, value in row_dict.items()})


class DemandViewSet(ModelViewSet):
    model = Demand
    index_view_class = DemandIndexView
    icon = "table"
    menu_label = _("Labour demand")
    menu_order = 330
    add_to_admin_menu = True
    url_prefix = "placement/demand"
    inspect_view_enabled = True
    inspect_view_class = HumanValuesInspectView
    list_display = ["position", "employer", "headcount", "quarter", Column("scheme", label=_("Scheme"))]
    list_filter = ["quarter", "employer"]
    search_fields = ["position", "employer__name"]
    ordering = ["quarter", "employer__name", "position"]
    list_export = ["employer", "position", "unit_codes", "scheme", "headcount", "quarter", "created_at"]
    export_headings = {"unit_codes": _("Units of competency")}
    export_filename = "kebutuhan-tenaga-kerja"
    form_fields = ["employer", "position", "scheme", "units", "headcount", "quarter"]


demand_viewset = DemandViewSet("placement_demand")


@hooks.register("register_admin_viewset")
def register_demand_viewset():
    return demand_viewset
