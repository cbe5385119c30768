"""What the API shows of vacancies and applications (read-only shapes; writes go through services)."""

from rest_framework import serializers

from placement.models import Application, Vacancy
from placement.selectors.vacancies import required_unit_codes


class VacancySerializer(serializers.ModelSerializer):
    employer_name = serializers.CharField(source="employer.name", read_only=True)
    track_id = serializers.IntegerField(read_only=True, allow_null=True)
    required_units = serializers.SerializerMethodField()

    class Meta:
        model = Vacancy
        fields = [
            "id",
            "title",
            "description",
            "employer_name",
            "positions",
            "track_id",
            "min_kkni_level",
            "min_education",
            "location",
            "wage_min",
            "wage_max",
            "contract",
            "shifts",
            "closes_on",
            "required_units",
        ]

    def get_required_units(self, vacancy) -> list[str]:
        return required_unit_codes(vacancy)


class EmployerVacancySerializer(serializers.ModelSerializer):
    employer_name = serializers.CharField(source="employer.name", read_only=True)
    applicant_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Vacancy
        fields = ["id", "title", "employer_name", "status", "positions", "closes_on", "opened_at", "applicant_count"]


class EmployerVacancyDetailSerializer(serializers.ModelSerializer):
    """One of my employer's vacancies, everything its edit page shows (``unit_codes``: its own required units)."""

    employer_id = serializers.IntegerField(read_only=True)
    employer_name = serializers.CharField(source="employer.name", read_only=True)
    track_id = serializers.IntegerField(read_only=True, allow_null=True)
    scheme_id = serializers.IntegerField(read_only=True, allow_null=True)
    unit_codes = serializers.SerializerMethodField()

    class Meta:
        model = Vacancy
        fields = [
            "id",
            "employer_id",
            "employer_name",
            "status",
            "title",
            "description",
            "positions",
            "track_id",
            "scheme_id",
            "unit_codes",
            "min_kkni_level",
            "min_education",
            "location",
            "wage_min",
            "wage_max",
            "contract",
            "shifts",
            "closes_on",
            "created_at",
            "opened_at",
        ]

    def get_unit_codes(self, vacancy) -> list[str]:
        return [unit.code for unit in vacancy.units.all()]


_ID = {"min_value": 1, "max_value": 2**62}


class VacancyWriteSerializer(serializers.Serializer):
    """What an employer sends to create (POST: every field without a default) or change (PATCH: any of them) a
    vacancy. The shape is checked here; the rules (a live track, known units, a closing date not in the past, the
    wage range) are the employer page's form's, through placement's services."""

    employer = serializers.IntegerField(
        **_ID, required=False, help_text="The employer (its id); needed only when I act for more than one."
    )
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=20000)
    positions = serializers.IntegerField(min_value=1, max_value=100000, default=1)
    track = serializers.IntegerField(**_ID, required=False, allow_null=True, help_text="A published track (its id).")
    scheme = serializers.IntegerField(**_ID, required=False, allow_null=True, help_text="A scheme (its id).")
    unit_codes = serializers.ListField(
        child=serializers.CharField(max_length=40), max_length=100, required=False, help_text="Required unit codes."
    )
    min_kkni_level = serializers.IntegerField(min_value=1, max_value=9, required=False, allow_null=True)
    min_education = serializers.ChoiceField(choices=Vacancy.Education.choices, required=False, allow_blank=True)
    location = serializers.CharField(max_length=200)
    wage_min = serializers.IntegerField(min_value=0, max_value=2**31 - 1)
    wage_max = serializers.IntegerField(min_value=0, max_value=2**31 - 1)
    contract = serializers.ChoiceField(choices=Vacancy.Contract.choices)
    shifts = serializers.CharField(max_length=120, required=False, allow_blank=True)
    closes_on = serializers.DateField()


class MyApplicationSerializer(serializers.ModelSerializer):
    vacancy_id = serializers.IntegerField(read_only=True)
    vacancy_title = serializers.CharField(source="vacancy.title", read_only=True)
    employer_name = serializers.CharField(source="vacancy.employer.name", read_only=True)

    class Meta:
        model = Application
        fields = ["id", "vacancy_id", "vacancy_title", "employer_name", "status", "interview_at", "created_at"]


class ApplicationCreateSerializer(serializers.Serializer):
    vacancy = serializers.IntegerField(min_value=1, max_value=2**62, help_text="The id of an open vacancy.")


class ApplicantSerializer(serializers.ModelSerializer):
    """What an employer sees of an applicant: name and contact, as on its own pages."""

    vacancy_id = serializers.IntegerField(read_only=True)
    vacancy_title = serializers.CharField(source="vacancy.title", read_only=True)
    name = serializers.SerializerMethodField()
    email = serializers.EmailField(source="seeker.email", read_only=True)
    phone = serializers.CharField(source="seeker.job_seeker_profile.phone", read_only=True)

    class Meta:
        model = Application
        fields = ["id", "vacancy_id", "vacancy_title", "name", "email", "phone", "status", "created_at"]

    def get_name(self, application) -> str:
        return application.seeker.get_full_name() or application.seeker.get_username()
