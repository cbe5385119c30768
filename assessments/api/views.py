"""My exam attempts and their results, and the assessment events open for application, as JSON (read only;
taking an exam happens on its page)."""

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.filters import OrderingFilter

from assessments.api import serializers
from assessments.competency.models import AssessmentEvent
from assessments.competency.selectors import events as event_selectors
from assessments.exams.selectors import attempts as selectors
from assessments.models import Attempt
from courses.api.framework import ApiMixin, DateParamFilter, IdFilter, ScopePermission, SignedIn, id_parameter


class AttemptFilter(filters.FilterSet):
    exam = IdFilter(field_name="exam_id")
    state = filters.ChoiceFilter(choices=Attempt.State.choices, help_text="Only attempts in this state.")

    class Meta:
        model = Attempt
        fields = []


@extend_schema_view(get=extend_schema(parameters=[id_parameter("exam", "Only attempts at this exam (its id).")]))
class MyAttemptList(ApiMixin, generics.ListAPIView):
    """My exam attempts, newest first; each with its result once submitted (no questions, answers or keys)."""

    required_scope = "learning:read"
    permission_classes = [ScopePermission, SignedIn]
    serializer_class = serializers.AttemptSerializer
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = AttemptFilter
    ordering = ["-started_at", "-pk"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Attempt.objects.none()
        return selectors.attempts_of_user(user=self.request.user)


class MyAttemptDetail(ApiMixin, generics.RetrieveAPIView):
    """One of my attempts; anyone else's is a 404."""

    required_scope = "learning:read"
    permission_classes = [ScopePermission, SignedIn]
    serializer_class = serializers.AttemptSerializer
    lookup_url_kwarg = "attempt_id"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Attempt.objects.none()
        return selectors.attempts_of_user(user=self.request.user)


EVENTS = "events:read"


class EventFilter(filters.FilterSet):
    scheme = IdFilter(field_name="scheme_id")
    unit = filters.CharFilter(method="_with_unit", max_length=64, help_text="Only events assessing this unit (code).")
    starts_after = DateParamFilter(
        field_name="starts_on", lookup_expr="gte", help_text="Only events starting on or after this day."
    )
    starts_before = DateParamFilter(
        field_name="starts_on", lookup_expr="lte", help_text="Only events starting on or before this day."
    )

    class Meta:
        model = AssessmentEvent
        fields = []

    def _with_unit(self, queryset, name, value):
        return event_selectors.events_with_unit(queryset, unit_code=value)


@extend_schema_view(get=extend_schema(parameters=[id_parameter("scheme", "Only events of this scheme (its id).")]))
class EventList(ApiMixin, generics.ListAPIView):
    """Assessment events open for application (not started yet), soonest first, each with its scheme and units;
    filter by scheme, unit code or start date; order by start date or title. Public."""

    required_scope = EVENTS
    serializer_class = serializers.AssessmentEventSerializer
    filter_backends = [filters.DjangoFilterBackend, OrderingFilter]
    filterset_class = EventFilter
    ordering_fields = ["starts_on", "title"]
    ordering = ["starts_on", "pk"]

    def get_queryset(self):
        return event_selectors.events_open_for_application()


class EventDetail(ApiMixin, generics.RetrieveAPIView):
    """One assessment event open for application; any other (started, past, unknown) is a 404. Public."""

    required_scope = EVENTS
    serializer_class = serializers.AssessmentEventSerializer
    filter_backends = []
    lookup_url_kwarg = "event_id"

    def get_queryset(self):
        return event_selectors.events_open_for_application()
