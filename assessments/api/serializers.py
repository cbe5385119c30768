"""What the API shows of a trainee's exam attempts: their state, and their result once submitted. Never the
questions, the answers or a key: an attempt's items are read on its own page."""

from rest_framework import serializers

from assessments.competency.models import AssessmentEvent
from assessments.models import Attempt
from assessments.standards.models import CertificationScheme, SchemeUnit


class AttemptSerializer(serializers.ModelSerializer):
    exam_id = serializers.IntegerField(read_only=True)
    exam_title = serializers.CharField(source="exam.title", read_only=True)
    result = serializers.SerializerMethodField(help_text="Null until the attempt is submitted.")

    class Meta:
        model = Attempt
        fields = ["id", "exam_id", "exam_title", "number", "state", "started_at", "deadline", "submitted_at", "result"]

    def get_result(self, attempt) -> dict | None:
        if attempt.state == Attempt.State.IN_PROGRESS:
            return None
        return {
            "graded": attempt.state == Attempt.State.GRADED,
            "score": None if attempt.score is None else str(attempt.score),
            "max_score": str(attempt.max_score),
            "percent": None if attempt.percent is None else str(attempt.percent),
            "passed": attempt.passed,
            "expired": attempt.expired,
        }


class SchemeUnitSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="unit.code", read_only=True)
    title = serializers.CharField(source="unit.title", read_only=True)

    class Meta:
        model = SchemeUnit
        fields = ["code", "title", "is_core"]


class SchemeSerializer(serializers.ModelSerializer):
    units = SchemeUnitSerializer(source="scheme_units", many=True, read_only=True)

    class Meta:
        model = CertificationScheme
        fields = ["id", "number", "title", "kind", "kkni_level", "units"]


class AssessmentEventSerializer(serializers.ModelSerializer):
    """An assessment event open for application (uji kompetensi): its scheme with the units assessed, where and
    when. Not its assessors or candidates."""

    scheme = SchemeSerializer(read_only=True)

    class Meta:
        model = AssessmentEvent
        fields = ["id", "title", "scheme", "site_name", "site_kind", "starts_on", "ends_on"]
