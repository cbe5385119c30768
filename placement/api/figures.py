"""The centre's figures for staff, as JSON (``staff/figures/``): the labour-market figures of the staff report
(Reports → Placement figures) — per batch, track and quarter, the demand and supply per unit, and the tracer
study's response rates — read through the same selectors, for people who may see that report."""

import copy

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from courses.api.framework import ApiMixin, ScopePermission, SignedIn, id_parameter
from placement.admin.figures import FiguresFilter, may_see
from placement.selectors.figures import placement_figures
from placement.selectors.tracer import response_rates

FIGURES = "figures:read"


class MaySeeFigures(BasePermission):
    """Staff who may see the placement figures report (``placement.view_figures``)."""

    message = gettext_lazy("Only the centre's staff may see its figures.")

    def has_permission(self, request, view):
        return may_see(request.user)


def figures_serializer(name: str, *fields) -> type[serializers.Serializer]:
    """A serializer of figures, its fields in the order given: a name is a count (a whole number), a pair
    ``(name, field)`` any other field."""
    attrs = {"__module__": __name__}
    for field in fields:
        key, declared = (field, serializers.IntegerField()) if isinstance(field, str) else field
        attrs[key] = copy.deepcopy(declared)  # a fresh field, so that DRF keeps the order given
    return type(name, (serializers.Serializer,), attrs)


CohortSerializer = figures_serializer(
    "CohortSerializer",
    ("label", serializers.CharField()),
    *("batches", "trained", "certified", "seekers", "applications", "hired", "placed_in_time", "local_hires"),
    ("placement_rate", serializers.FloatField(allow_null=True, help_text="Placed in time / trained.")),
    ("median_days", serializers.FloatField(allow_null=True, help_text="Median days from certificate to hire.")),
    ("local_share", serializers.FloatField(allow_null=True, help_text="Local hires / hired.")),
)


class BatchCohortSerializer(CohortSerializer):
    batch_id = serializers.IntegerField(source="info.id")
    course_title = serializers.CharField(source="info.course_title")
    track_title = serializers.CharField()
    starts_on = serializers.DateField(source="info.starts_on")
    ends_on = serializers.DateField(source="info.ends_on")
    quarter = serializers.CharField()


class UnitGapSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    demand = serializers.IntegerField(help_text="Headcount wanted.")
    supply = serializers.IntegerField(help_text="People certified competent in the unit.")
    gap = serializers.IntegerField()


TracerRateSerializer = figures_serializer(
    "TracerRateSerializer",
    *("batch_id", "months", "surveys", "sent", "reminded", "answered", "working"),
    ("rate", serializers.FloatField(allow_null=True)),
)


class FiguresSerializer(serializers.Serializer):
    rate_months = serializers.IntegerField(help_text="The placement rate counts hires within this many months.")
    total = CohortSerializer()
    by_track = CohortSerializer(many=True)
    by_quarter = CohortSerializer(many=True)
    batches = BatchCohortSerializer(many=True)
    gaps = UnitGapSerializer(many=True)
    tracer = TracerRateSerializer(many=True)


class StaffFigures(ApiMixin, APIView):
    """The centre's figures, as the staff report shows them: trained, certified, job seekers, applications, hired
    and the placement rate per batch, track and quarter and in total; demand beside certified supply per unit; the
    tracer study's response rates. Filter by track, or by the year or quarter the batches ended. Staff only."""

    required_scope = FIGURES
    permission_classes = [ScopePermission, SignedIn, MaySeeFigures]

    @extend_schema(
        parameters=[
            id_parameter("track", "Only the batches of this track (its id)."),
            OpenApiParameter(
                "year",
                {"type": "integer", "minimum": 2000, "maximum": 2100},
                OpenApiParameter.QUERY,
                description="Only batches that ended in this year.",
            ),
            OpenApiParameter(
                "quarter",
                {"type": "string", "pattern": "^[0-9]{4}-Q[1-4]$"},
                OpenApiParameter.QUERY,
                description="Only batches that ended in this quarter (2027-Q1).",
            ),
        ],
        responses=FiguresSerializer,
    )
    def get(self, request):
        form = FiguresFilter(request.query_params)
        if not form.is_valid():
            raise exceptions.ValidationError(
                {
                    api_settings.NON_FIELD_ERRORS_KEY if name == "__all__" else name: list(messages)
                    for name, messages in form.errors.items()
                }
            )
        values = form.cleaned_data
        figures = placement_figures(
            track_id=values.get("track"), quarter=values.get("quarter") or "", year=values.get("year")
        )
        rates = response_rates(batch_ids=[row.info.id for row in figures.batches])
        body = {
            "rate_months": figures.rate_months,
            "total": figures.total,
            "by_track": figures.by_track,
            "by_quarter": figures.by_quarter,
            "batches": figures.batches,
            "gaps": figures.gaps,
            "tracer": rates,
        }
        return Response(FiguresSerializer(body).data)
