"""What the API shows of the training cycle to the trainee: their applications for a batch (status and the
selection's notices) and their timetable with their own attendance and rate. Never other people's records, the
ranking or the identity documents."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from courses.models import Application, Enrolment
from courses.training.registration.models import RegistrationNotice
from courses.training.sessions.models import Attendance, TrainingSession
from courses.training.sessions.selectors import Rate


class BatchBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    course_id = serializers.IntegerField()
    course_title = serializers.CharField(source="course.title")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()


class NoticeSerializer(serializers.ModelSerializer):
    text = serializers.CharField(help_text="The notice in the request's language.")

    class Meta:
        model = RegistrationNotice
        fields = ["kind", "text", "created_at", "read_at"]


class MyBatchApplicationSerializer(serializers.ModelSerializer):
    batch = BatchBriefSerializer(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    notices = NoticeSerializer(many=True, read_only=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "batch",
            "status",
            "status_label",
            "waitlist_position",
            "created_at",
            "decided_at",
            "withdrawn_at",
            "notices",
        ]


class MyAttendanceSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Attendance
        fields = ["status", "status_label", "method", "marked_at"]


class MySessionSerializer(serializers.ModelSerializer):
    batch_name = serializers.CharField(source="batch.name", read_only=True)
    course_title = serializers.CharField(source="batch.course.title", read_only=True)
    workshop = serializers.CharField(source="workshop.name", read_only=True, allow_null=True, default=None)
    location = serializers.CharField(source="workshop.location", read_only=True, allow_null=True, default=None)
    instructor = serializers.SerializerMethodField()
    attendance = serializers.SerializerMethodField(help_text="My attendance at the session; null while not marked.")

    class Meta:
        model = TrainingSession
        fields = [
            "id",
            "batch_id",
            "batch_name",
            "course_title",
            "topic",
            "kind",
            "starts_at",
            "ends_at",
            "jp",
            "workshop",
            "location",
            "instructor",
            "attendance",
        ]

    def get_instructor(self, session) -> str | None:
        person = session.instructor
        return (person.get_full_name() or person.get_username()) if person else None

    @extend_schema_field(MyAttendanceSerializer(allow_null=True))
    def get_attendance(self, session):
        mine = getattr(session, "mine", None) or []
        return MyAttendanceSerializer(mine[0]).data if mine else None


class MyAttendanceRateSerializer(serializers.ModelSerializer):
    """My attendance in one batch so far: the JP attended (hadir) over the JP held; izin, sakit and alpa count as
    absence."""

    enrolment_id = serializers.IntegerField(source="pk", read_only=True)
    batch = BatchBriefSerializer(read_only=True)
    attended_jp = serializers.IntegerField(read_only=True)
    held_jp = serializers.IntegerField(read_only=True)
    percent = serializers.SerializerMethodField(help_text="Whole percent, rounded down; null before any session.")
    meets_minimum = serializers.SerializerMethodField()

    class Meta:
        model = Enrolment
        fields = ["enrolment_id", "batch", "attended_jp", "held_jp", "percent", "meets_minimum"]

    def get_percent(self, enrolment) -> int | None:
        return Rate(attended_jp=enrolment.attended_jp, held_jp=enrolment.held_jp).percent

    def get_meets_minimum(self, enrolment) -> bool:
        return Rate(attended_jp=enrolment.attended_jp, held_jp=enrolment.held_jp).meets_minimum
