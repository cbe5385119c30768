"""Vacancies (public), my job applications (read and apply), and an employer's vacancies and applicants, as JSON.
Reads go through the placement selectors and writes through its services, with the same checks as the pages:
only open vacancies of verified employers are public, a job seeker sees their own applications, an employer only
its own vacancies and their consenting applicants."""

from django.http import Http404
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from courses.api.framework import ApiMixin, IdFilter, ScopePermission, SignedIn, id_parameter, idempotent
from placement.api import serializers
from placement.forms.employer import VacancyForm
from placement.models import Application, Vacancy
from placement.selectors import applications as application_selectors
from placement.selectors import employers as employer_selectors
from placement.selectors import seekers as seeker_selectors
from placement.selectors.vacancies import public_vacancies, public_vacancy
from placement.services import PlacementRefused
from placement.services.applications import application_create
from placement.services.vacancies import vacancy_close, vacancy_open, vacancy_save


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


def _form_data(vacancy: Vacancy | None, changes: dict) -> dict:
    """The employer page's form data: the vacancy's current values (none for a new one), then the changes sent."""
    data = {}
    if vacancy is not None:
        data = {name: getattr(vacancy, name) for name in VacancyForm.Meta.fields if name != "unit_codes"}
        data["track"], data["scheme"] = vacancy.track_id, vacancy.scheme_id
        data["unit_codes"] = [unit.code for unit in vacancy.units.all()]
    data.update({name: value for name, value in changes.items() if name != "employer"})
    data["unit_codes"] = "\n".join(data.get("unit_codes") or ())
    return {name: "" if value is None else value for name, value in data.items()}


def _vacancy_saved(request, *, employer_id: int, vacancy: Vacancy | None, changes: dict) -> Vacancy:
    """Checks the changes with the employer page's form and saves them through ``vacancy_save`` (audited)."""
    form = VacancyForm(_form_data(vacancy, changes), instance=vacancy)
    if not form.is_valid():
        errors = {
            api_settings.NON_FIELD_ERRORS_KEY if name == "__all__" else name: list(messages)
            for name, messages in form.errors.items()
        }
        raise exceptions.ValidationError(errors)
    fields = {name: value for name, value in form.cleaned_data.items() if name != "unit_codes"}
    try:
        saved = vacancy_save(
            by=request.user, employer_id=employer_id, units=form.cleaned_data["unit_codes"], vacancy=vacancy, **fields
        )
    except PlacementRefused as refusal:
        raise _refused(refusal) from refusal
    return employer_selectors.vacancy_for_member(vacancy_id=saved.pk, user=request.user)


class EmployerVacancyList(ApiMixin, generics.ListCreateAPIView):
    """The vacancies of the employers I act for (any status), newest first, with their applicant counts; POST
    creates a draft vacancy (as the employer page's form does) for an employer I act for."""

    required_scope = "vacancies:write"
    permission_classes = [ScopePermission, SignedIn]
    serializer_class = serializers.EmployerVacancySerializer
    ordering = ["-created_at", "-pk"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Vacancy.objects.none()
        return employer_selectors.vacancies_of_member(user=self.request.user)

    @extend_schema(
        request=serializers.VacancyWriteSerializer, responses={201: serializers.EmployerVacancyDetailSerializer}
    )
    @idempotent
    def post(self, request):
        form = serializers.VacancyWriteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        employers = list(employer_selectors.employers_of_user(user=request.user))
        wanted = form.validated_data.get("employer")
        employer = next((e for e in employers if e.pk == wanted), None) if wanted else None
        if employer is None and wanted is None and len(employers) == 1:
            employer = employers[0]
        if employer is None and wanted is None and employers:
            raise exceptions.ValidationError({"employer": [_("Choose an employer you act for.")]})
        if employer is None:
            raise Http404  # an employer I do not act for, as any object that is not mine
        vacancy = _vacancy_saved(request, employer_id=employer.pk, vacancy=None, changes=form.validated_data)
        body = serializers.EmployerVacancyDetailSerializer(vacancy, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


class EmployerVacancyDetail(ApiMixin, APIView):
    """One of my employer's vacancies, as its edit page shows it; PATCH changes a draft or open one (any of the
    fields; the same checks as the edit page). Another employer's vacancy is a 404."""

    required_scope = "vacancies:write"
    permission_classes = [ScopePermission, SignedIn]

    def _vacancy(self, request, vacancy_id: int) -> Vacancy:
        vacancy = employer_selectors.vacancy_for_member(vacancy_id=vacancy_id, user=request.user)
        if vacancy is None:
            raise Http404
        return vacancy

    @extend_schema(responses=serializers.EmployerVacancyDetailSerializer)
    def get(self, request, vacancy_id: int):
        vacancy = self._vacancy(request, vacancy_id)
        return Response(serializers.EmployerVacancyDetailSerializer(vacancy, context={"request": request}).data)

    @extend_schema(
        request=serializers.VacancyWriteSerializer(partial=True),
        responses={200: serializers.EmployerVacancyDetailSerializer},
    )
    def patch(self, request, vacancy_id: int):
        vacancy = self._vacancy(request, vacancy_id)
        form = serializers.VacancyWriteSerializer(data=request.data, partial=True)
        form.is_valid(raise_exception=True)
        if "employer" in form.validated_data and form.validated_data["employer"] != vacancy.employer_id:
            raise exceptions.ValidationError({"employer": [_("A vacancy cannot move to another employer.")]})
        changes = {name: form.validated_data[name] for name in form.validated_data}
        saved = _vacancy_saved(request, employer_id=vacancy.employer_id, vacancy=vacancy, changes=changes)
        return Response(serializers.EmployerVacancyDetailSerializer(saved, context={"request": request}).data)


class _EmployerVacancyStep(ApiMixin, APIView):
    """A step of one of my employer's vacancies, as its page's button does: ``step`` is the placement service that
    takes it (``vacancy=``, ``by=``); another employer's vacancy is a 404, a step the service refuses a 409."""

    reads_body = False

    required_scope = "vacancies:write"
    permission_classes = [ScopePermission, SignedIn]
    step = None  # the service, set by each subclass as a staticmethod (not bound to the view)

    @extend_schema(request=None, responses={200: OpenApiResponse(serializers.EmployerVacancySerializer)})
    def post(self, request, vacancy_id: int):
        vacancy = employer_selectors.vacancy_for_member(vacancy_id=vacancy_id, user=request.user)
        if vacancy is None:
            raise Http404
        try:
            self.step(vacancy=vacancy, by=request.user)
        except PlacementRefused as refusal:
            raise _refused(refusal) from refusal
        row = employer_selectors.vacancies_of_member(user=request.user).get(pk=vacancy.pk)
        return Response(serializers.EmployerVacancySerializer(row).data)


class EmployerVacancyOpen(_EmployerVacancyStep):
    """Open one of my employer's draft vacancies (as its page does): only once the centre verified the employer."""

    step = staticmethod(vacancy_open)


class EmployerVacancyClose(_EmployerVacancyStep):
    """Close one of my employer's open vacancies (as its page does); another employer's is a 404."""

    step = staticmethod(vacancy_close)


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
