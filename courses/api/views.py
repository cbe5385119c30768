"""The curriculum (published pages only) and a trainee's enrolments and progress, as JSON.

Reads go through ``courses.selectors``, the one write (a lesson done) through ``courses.services`` — the same
checks as the lesson page's "done" button.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.filters import OrderingFilter
from rest_framework.response import Response
from rest_framework.views import APIView

from courses import selectors, services
from courses.api import serializers
from courses.api.framework import ApiMixin, IdFilter, ScopePermission, SignedIn, id_parameter, idempotent
from courses.models import CoursePage, Enrolment, LessonPage
from courses.scorm import selectors as scorm_selectors

CATALOGUE = "catalogue:read"


class TrackList(ApiMixin, generics.ListAPIView):
    """Published tracks (kejuruan), in the order of the site."""

    required_scope = CATALOGUE
    serializer_class = serializers.TrackSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["path", "title"]
    ordering = ["path"]

    def get_queryset(self):
        return selectors.track_list_published()


class TrackDetail(ApiMixin, generics.RetrieveAPIView):
    """One published track."""

    required_scope = CATALOGUE
    serializer_class = serializers.TrackSerializer

    def get_queryset(self):
        return selectors.track_list_published()


class CourseFilter(filters.FilterSet):
    track = IdFilter(field_name="track_id")
    kkni_level = IdFilter(field_name="kkni_level")

    class Meta:
        model = CoursePage
        fields = []


@extend_schema_view(
    get=extend_schema(
        parameters=[
            id_parameter("track", "Only the courses of this track (its id)."),
            id_parameter("kkni_level", "Only courses of this KKNI level."),
        ]
    )
)
class CourseList(ApiMixin, generics.ListAPIView):
    """Published courses; filter by track or KKNI level, order by title or lesson hours."""

    required_scope = CATALOGUE
    serializer_class = serializers.CourseSerializer
    filter_backends = [filters.DjangoFilterBackend, OrderingFilter]
    filterset_class = CourseFilter
    ordering_fields = ["path", "title", "jp_hours"]
    ordering = ["path"]

    def get_queryset(self):
        return selectors.course_list_published()


class CourseDetail(ApiMixin, generics.RetrieveAPIView):
    """One published course."""

    required_scope = CATALOGUE
    serializer_class = serializers.CourseSerializer

    def get_queryset(self):
        return selectors.course_list_published()


class _OfCourse(ApiMixin, generics.ListAPIView):
    required_scope = CATALOGUE
    ordering = ["path"]

    def course(self) -> CoursePage:
        return get_object_or_404(CoursePage.objects.live(), pk=self.kwargs["course_id"])


class ModuleList(_OfCourse):
    """The published modules of a published course, in order."""

    serializer_class = serializers.ModuleSerializer

    def get_queryset(self):
        return selectors.module_list_published(course=self.course())


class LessonList(_OfCourse):
    """The published lessons of a published course, in order, each with its module (no lesson bodies)."""

    serializer_class = serializers.LessonSerializer

    def get_queryset(self):
        return selectors.lesson_list_published(course=self.course())


class EnrolmentFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=Enrolment.Status.choices, help_text="Only enrolments in this state.")

    class Meta:
        model = Enrolment
        fields = []


class MyEnrolmentList(ApiMixin, generics.ListAPIView):
    """My enrolments with progress (lessons done of the course's published lessons)."""

    required_scope = "learning:read"
    permission_classes = [ScopePermission, SignedIn]
    serializer_class = serializers.EnrolmentSerializer
    filter_backends = [filters.DjangoFilterBackend, OrderingFilter]
    filterset_class = EnrolmentFilter
    ordering_fields = ["enrolled_at", "last_activity_at"]
    ordering = ["-enrolled_at", "-pk"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Enrolment.objects.none()
        return selectors.enrolment_list_with_progress(user=self.request.user)


class LessonDone(ApiMixin, APIView):
    """Mark a lesson of my course done — as the lesson page's button does. Safe to repeat: a lesson already done
    answers 200 with ``created: false``; send an ``Idempotency-Key`` header to have a retry get the first answer."""

    reads_body = False

    required_scope = "learning:read"
    required_write_scope = "learning:write"
    permission_classes = [ScopePermission, SignedIn]

    @extend_schema(
        request=None,
        responses={
            201: serializers.LessonDoneSerializer,
            200: OpenApiResponse(serializers.LessonDoneSerializer, description="Already done before."),
        },
    )
    @idempotent
    def post(self, request, lesson_id: int):
        lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
        course = selectors.course_of_lesson(lesson=lesson)
        enrolment = selectors.enrolment_for(user=request.user, course=course) if course else None
        if enrolment is None:
            raise NotFound()
        if scorm_selectors.package_for_lesson(lesson=lesson) is not None:  # its package completes it, not a call
            raise services.EnrolmentRefused(_("This lesson is completed by finishing its SCORM package."), code="scorm")
        completion, created = services.lesson_complete(enrolment=enrolment, lesson=lesson)  # status kept current
        body = serializers.LessonDoneSerializer(
            {
                "lesson_id": lesson.pk,
                "enrolment_id": enrolment.pk,
                "enrolment_status": enrolment.status,
                "created": created,
                "completed_at": completion.completed_at,
            }
        ).data
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)
