"""What the API shows of the curriculum and of a trainee's enrolments (read-only shapes; writes go through
services)."""

from rest_framework import serializers

from courses.models import CoursePage, Enrolment, LessonPage, ModulePage, TrackPage


class TrackSerializer(serializers.ModelSerializer):
    course_count = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = TrackPage
        fields = ["id", "title", "slug", "short_description", "icon", "colour", "course_count", "url"]

    def get_url(self, page) -> str:
        return page.get_full_url(self.context.get("request")) or ""


class CourseSerializer(serializers.ModelSerializer):
    track_id = serializers.IntegerField(read_only=True, allow_null=True)
    module_count = serializers.IntegerField(read_only=True)
    lesson_count = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = CoursePage
        fields = [
            "id",
            "title",
            "slug",
            "summary",
            "kkni_level",
            "jp_hours",
            "sequential_modules",
            "track_id",
            "module_count",
            "lesson_count",
            "url",
        ]

    def get_url(self, page) -> str:
        return page.get_full_url(self.context.get("request")) or ""


class ModuleSerializer(serializers.ModelSerializer):
    lesson_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = ModulePage
        fields = ["id", "title", "slug", "lesson_count"]


class LessonSerializer(serializers.ModelSerializer):
    module_id = serializers.IntegerField(read_only=True, allow_null=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = LessonPage
        fields = ["id", "title", "slug", "module_id", "estimated_minutes", "required", "url"]

    def get_url(self, page) -> str:
        return page.get_full_url(self.context.get("request")) or ""


class EnrolmentSerializer(serializers.ModelSerializer):
    course_id = serializers.IntegerField(read_only=True)
    course_title = serializers.CharField(source="course.title", read_only=True)
    batch_name = serializers.CharField(source="batch.name", read_only=True, allow_null=True, default=None)
    lesson_done = serializers.IntegerField(read_only=True)
    lesson_total = serializers.IntegerField(read_only=True)
    percent = serializers.SerializerMethodField()

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "course_id",
            "course_title",
            "batch_name",
            "status",
            "enrolled_at",
            "completed_at",
            "last_activity_at",
            "lesson_done",
            "lesson_total",
            "percent",
        ]

    def get_percent(self, enrolment) -> int:
        total = enrolment.lesson_total or 0
        return round(100 * (enrolment.lesson_done or 0) / total) if total else 0


class LessonDoneSerializer(serializers.Serializer):
    lesson_id = serializers.IntegerField()
    enrolment_id = serializers.IntegerField()
    enrolment_status = serializers.CharField()
    created = serializers.BooleanField(help_text="False when the lesson was already done (nothing changed).")
    completed_at = serializers.DateTimeField()
