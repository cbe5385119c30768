"""My exam attempts and their results, as JSON (read only; taking an exam happens on its page)."""

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics

from assessments.api import serializers
from assessments.exams.selectors import attempts as selectors
from assessments.models import Attempt
from courses.api.framework import ApiMixin, IdFilter, ScopePermission, SignedIn, id_parameter


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
