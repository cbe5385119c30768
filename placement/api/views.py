"""Vacancies (public), my job applications (read and apply), and an employer's vacancies and applicants, as JSON.
Reads go through the placement selectors and writes through its services, with the same checks as the pages:
only open vacancies of verified employers are public, a job seeker sees their own applications, an employer only
its own vacancies and their consenting applicants."""

from django.http import Http404
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from courses.api.framework import ApiMixin, IdFilter, ScopePermission, SignedIn, id_parameter, idempotent
from placement.api import serializers
from placement.models import Application, Vacancy
from placement.selectors import applications as application_selectors
from placement.selectors import employers as employer_selectors
from placement.selectors import seekers as seeker_selectors
from placement.selectors.vacancies import public_vacancies, public_vacancy
from placement.services import PlacementRefused
from placement.services.applications import application_create
from placement.services.vacancies import vacancy_close


class Refused(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT


class NoConsent(exceptions.APIException):
    status_code = status.HTTP_403_FORBIDDEN


def _refused(refusal: PlacementRefused) -> exceptions.APIException:
    exception = NoConsent if refusal.code == "no_consent" else Refused
    return exception(" ".join(refusal.messages), code=refusal.code)


class VacancyFilter(filters.FilterSet):
    track = IdFilter(method="_none")
    unit = filters.CharFilter(method="_none", max_length=40, help_text="Only vacancies that require this unit.")
    q = filters.CharFilter(method="_none", max_length=200, help_text="Words to look for.")

    class Meta:
        model = Vacancy
        fields = []

    def _none(self, queryset, name, value):
        return queryset  # applied by the selector (public_vacancies), which the view calls with the cleaned values


@extend_schema_view(get=extend_schema(parameters=[id_parameter("track", "Only vacancies of this track (its id).")]))
class VacancyList(ApiMixin, generics.ListAPIView):
    """Open vacancies of verified employers, closing soonest first; filter by track, unit or words."""

    required_scope = "vacancies:read"
    serializer_class = serializers.VacancySerializer
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = VacancyFilter
    ordering = ["closes_on", "pk"]

    def get_queryset(self):
        form = VacancyFilter(self.request.query_params, queryset=Vacancy.objects.none()).form
        values = form.cleaned_data if form.is_valid() else {}
        return public_vacancies(
            track_id=values.get("track"), unit_code=values.get("unit") or "", query=values.get("q") or ""
        )


class VacancyDetail(ApiMixin, APIView):
    """One open vacancy."""

    required_scope = "vacancies:read"

    @extend_schema(responses=serializers.VacancySerializer)
    def get(self, request, vacancy_id: int):
        vacancy = public_vacancy(vacancy_id=vacancy_id)
        if vacancy is None:
            raise Http404
        return Response(serializers.VacancySerializer(vacancy, context={"request": request}).data)


class MyApplicationList(ApiMixin, generics.ListCreateAPIView):
    """My job applications, newest first; POST applies for a vacancy (as its page's "apply" button does)."""

    required_scope = "applications:read"
    required_write_scope = "applications:write"
    permission_classes = [ScopePermission, SignedIn]
    serializer_class = serializers.MyApplicationSerializer
    ordering = ["-created_at", "-pk"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Application.objects.none()
        return seeker_selectors.applications_of_seeker(user=self.request.user)

    @extend_schema(
        request=serializers.ApplicationCreateSerializer,
        responses={201: serializers.MyApplicationSerializer},
    )
    @idempotent
    def post(self, request):
        form = serializers.ApplicationCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        vacancy = seeker_selectors.vacancy_to_apply(vacancy_id=form.validated_data["vacancy"])
        if vacancy is None:
            raise Http404
        try:
            application = application_create(vacancy=vacancy, seeker=request.user)
        except PlacementRefused as refusal:
            raise _refused(refusal) from refusal
        application = seeker_selectors.application_of_seeker(application_id=application.pk, user=request.user)
        body = serializers.MyApplicationSerializer(application, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


class EmployerVacancyList(ApiMixin, generics.ListAPIView):
    """The vacancies of the employers I act for (any status), newest first, with their applicant counts."""

    required_scope = "vacancies:write"
    permission_classes = [ScopePermission, SignedIn]
    serializer_class = serializers.EmployerVacancySerializer
    ordering = ["-created_at", "-pk"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Vacancy.objects.none()
        return employer_selectors.vacancies_of_member(user=self.request.user)


class EmployerVacancyClose(ApiMixin, APIView):
    """Close one of my employer's open vacancies (as its page does); another employer's is a 404."""

    reads_body = False

    required_scope = "vacancies:write"
    permission_classes = [ScopePermission, SignedIn]

    @extend_schema(request=None, responses={200: OpenApiResponse(serializers.EmployerVacancySerializer)})
    def post(self, request, vacancy_id: int):
        vacancy = employer_selectors.vacancy_for_member(vacancy_id=vacancy_id, user=request.user)
        if vacancy is None:
            raise Http404
        try:
            vacancy_close(vacancy=vacancy, by=request.user)
        except PlacementRefused as refusal:
            raise _refused(refusal) from refusal
        row = employer_selectors.vacancies_of_member(user=request.user).get(pk=vacancy.pk)
        return Response(serializers.EmployerVacancySerializer(row).data)


class EmployerApplicantList(ApiMixin, generics.ListAPIView):
    """Applicants to the vacancies of the employers I act for, while they consent to be shown, newest first."""

    required_scope = "placements:read"
    permission_classes = [ScopePermission, SignedIn]
    serializer_class = serializers.ApplicantSerializer
    ordering = ["-created_at", "-pk"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Application.objects.none()
        return application_selectors.applications_for_member(user=self.request.user)
