"""The trainee's side of the training cycle, as JSON (read only): my applications for a batch with their status,
and my timetable with my own attendance and my attendance rate per batch. Reads go through the registration and
sessions selectors; anything that is not mine is a 404, as on the pages."""

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.filters import OrderingFilter

from courses.api import training_serializers as serializers
from courses.api.framework import ApiMixin, DateParamFilter, IdFilter, ScopePermission, SignedIn, id_parameter
from courses.models import Application, Enrolment
from courses.training.registration import selectors as registration_selectors
from courses.training.sessions import selectors as session_selectors
from courses.training.sessions.models import TrainingSession

TRAINING = "training:read"


class _Mine(ApiMixin):
    required_scope = TRAINING
    permission_classes = [ScopePermission, SignedIn]

    def _fake(self) -> bool:
        return getattr(self, "swagger_fake_view", False)


class BatchApplicationFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=Application.Status.choices, help_text="Only applications in this state.")

    class Meta:
        model = Application
        fields = []


class MyBatchApplicationList(_Mine, generics.ListAPIView):
    """My applications for a training batch (pendaftaran), newest first, with their status and the selection's
    notices to me."""

    serializer_class = serializers.MyBatchApplicationSerializer
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = BatchApplicationFilter
    ordering = ["-created_at", "-pk"]

    def get_queryset(self):
        if self._fake():
            return Application.objects.none()
        return registration_selectors.applications_for_user(user=self.request.user)


class MyBatchApplicationDetail(_Mine, generics.RetrieveAPIView):
    """One of my applications for a batch; anyone else's is a 404."""

    serializer_class = serializers.MyBatchApplicationSerializer
    filter_backends = []
    lookup_url_kwarg = "application_id"

    def get_queryset(self):
        if self._fake():
            return Application.objects.none()
        return registration_selectors.applications_for_user(user=self.request.user)


class SessionFilter(filters.FilterSet):
    batch = IdFilter(field_name="batch_id")
    starts_after = DateParamFilter(
        field_name="starts_at", lookup_expr="date__gte", help_text="Only sessions on or after this day."
    )
    starts_before = DateParamFilter(
        field_name="starts_at", lookup_expr="date__lte", help_text="Only sessions on or before this day."
    )

    class Meta:
        model = TrainingSession
        fields = []


@extend_schema_view(get=extend_schema(parameters=[id_parameter("batch", "Only the sessions of this batch (its id).")]))
class MySessionList(_Mine, generics.ListAPIView):
    """My timetable: the sessions of the batches I am in, in time order, each with my own attendance (hadir, izin,
    sakit, alpa; null while not marked)."""

    serializer_class = serializers.MySessionSerializer
    filter_backends = [filters.DjangoFilterBackend, OrderingFilter]
    filterset_class = SessionFilter
    ordering_fields = ["starts_at"]
    ordering = ["starts_at", "pk"]

    def get_queryset(self):
        if self._fake():
            return TrainingSession.objects.none()
        return session_selectors.sessions_of_trainee(user=self.request.user)


class MyAttendanceList(_Mine, generics.ListAPIView):
    """My attendance rate in each batch I am in: the JP attended over the JP held so far (the minimum for
    completion is ``KOMPETEN_ATTENDANCE_MIN_PERCENT``)."""

    serializer_class = serializers.MyAttendanceRateSerializer
    ordering = ["-enrolled_at", "-pk"]

    def get_queryset(self):
        if self._fake():
            return Enrolment.objects.none()
        return session_selectors.attendance_rates_of_trainee(user=self.request.user)
