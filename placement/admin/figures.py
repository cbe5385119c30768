"""The placement plugin's admin: the centre's figures (Reports → Placement figures), with filters, tables, charts
drawn on the server, and CSV / XLSX exports (formulas neutralised, every export audited). Needs
``placement.view_figures``."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from courses.selectors.outcomes import track_choices
from kompeten_core.audit import audit_log
from kompeten_core.exports import csv_response, xlsx_response
from placement.selectors.figures import Cohort, placement_figures
from placement.selectors.tracer import response_rates
from placement.validators import QUARTER

URL_NAME = "placement_figures"
PERMISSION = "placement.view_figures"


def may_see(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class FiguresFilter(forms.Form):
    track = forms.TypedChoiceField(label=gettext_lazy("Track"), required=False, coerce=int, empty_value=None)
    year = forms.IntegerField(
        label=gettext_lazy("Year the batch ended"), required=False, min_value=2000, max_value=2100
    )
    quarter = forms.CharField(
        label=gettext_lazy("Quarter the batch ended"), required=False, max_length=7, validators=[QUARTER]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].choices = [("", "—"), *((track.pk, track.title) for track in track_choices())]
        self.fields["quarter"].widget.attrs["placeholder"] = "2027-Q1"


def _share(value) -> str:
    return "" if value is None else round(value * 100, 1)


def _cohort_row(row: Cohort) -> list:
    return [
        row.trained,
        row.certified,
        row.seekers,
        row.applications,
        row.hired,
        row.placed_in_time,
        _share(row.placement_rate),
        "" if row.median_days is None else row.median_days,
        _share(row.local_share),
    ]


def _cohort_header(months: int) -> list[str]:
    return [
        _("Trained"),
        _("Certified competent"),
        _("Job seekers"),
        _("Applications"),
        _("Hired"),
        _("Placed within %(months)s months") % {"months": months},
        _("Placement rate (%)"),
        _("Median days certificate to hire"),
        _("Local hires (%)"),
    ]


def _sheets(figures, rates, names) -> list[tuple[str, list, list[list]]]:
    header = _cohort_header(figures.rate_months)
    return [
        (
            _("Batches"),
            [_("Track"), _("Course"), _("Batch"), _("Ended"), _("Quarter"), *header],
            [
                [
                    row.track_title,
                    row.info.course_title,
                    row.label,
                    row.info.ends_on.isoformat(),
                    row.quarter,
                    *_cohort_row(row),
                ]
                for row in figures.batches
            ],
        ),
        (
            _("Tracks"),
            [_("Track"), _("Batches"), *header],
            [[r.label, r.batches, *_cohort_row(r)] for r in figures.by_track],
        ),
        (
            _("Quarters"),
            [_("Quarter"), _("Batches"), *header],
            [[r.label, r.batches, *_cohort_row(r)] for r in figures.by_quarter],
        ),
        (
            _("Demand and supply"),
            [_("Unit code"), _("Unit"), _("Headcount wanted"), _("Certified holders"), _("Gap")],
            [[gap.code, gap.title, gap.demand, gap.supply, gap.gap] for gap in figures.gaps],
        ),
        (
            _("Tracer study"),
            [
                _("Batch"),
                _("Months after the end"),
                _("Surveys"),
                _("Sent"),
                _("Reminded"),
                _("Answered"),
                _("Working"),
                _("Response rate (%)"),
            ],
            [
                [
                    names.get(r.batch_id, r.batch_id),
                    r.months,
                    r.surveys,
                    r.sent,
                    r.reminded,
                    r.answered,
                    r.working,
                    _share(r.rate),
                ]
                for r in rates
            ],
        ),
    ]


def placement_figures_view(request):
    if not may_see(request.user):
        raise PermissionDenied
    form = FiguresFilter(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    figures = placement_figures(
        track_id=filters.get("track"), quarter=filters.get("quarter") or "", year=filters.get("year")
    )
    batch_ids = [row.info.id for row in figures.batches]
    rates = response_rates(batch_ids=batch_ids)
    names = {row.info.id: f"{row.label} — {row.info.course_title}" for row in figures.batches}
    export = request.GET.get("export", "")
    if export in ("csv", "xlsx"):
        sheets = _sheets(figures, rates, names)
        stamp = timezone.localdate().isoformat()
        audit_log(
            request.user,
            "placement.figures_export",
            user=request.user,
            data={"format": export, "filters": {k: str(v) for k, v in filters.items() if v}, "batches": len(batch_ids)},
            title=_("Placement figures"),
        )
        if export == "xlsx":
            return xlsx_response(filename=f"placement-figures-{stamp}", sheets=sheets)
        _title, header, rows = sheets[0]
        return csv_response(filename=f"placement-figures-{stamp}", header=header, rows=rows)
    query = request.GET.copy()
    query.pop("export", None)
    context = {
        "form": form,
        "figures": figures,
        "rates": [(names.get(rate.batch_id, ""), rate) for rate in rates],
        "track_chart": [(row.label, row.placement_rate) for row in figures.by_track],
        "quarter_chart": [(row.label, row.placement_rate) for row in figures.by_quarter],
        "gap_scale": max([max(gap.demand, gap.supply) for gap in figures.gaps] or [1]),
        "query": query.urlencode(),
    }
    return TemplateResponse(request, "placement/figures/report.html", context)


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see(request.user)


@hooks.register("register_admin_urls")
def register_figures_urls():
    return [path("reports/placement-figures/", placement_figures_view, name=URL_NAME)]


@hooks.register("register_reports_menu_item")
def register_figures_menu_item():
    return FiguresMenuItem(
        gettext_lazy("Placement figures"),
        reverse_lazy(URL_NAME),
        name="placement-figures",
        icon_name="table",
        order=850,
    )
