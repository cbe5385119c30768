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
