"""The curriculum as Wagtail pages: TrackIndexPage → TrackPage → CoursePage → ModulePage → LessonPage.

Pages are content that instructors author, preview and revise. What a trainee does with them (enrolment,
progress) lives in plain models (``courses.models``) and is read through ``courses.selectors``.

The pages call no selector and no service: ``models.py`` imports the pages (Wagtail pages are models) and the
selectors import the models. What a page shows beyond its fields, and whether a request may see a lesson, come
from the plugin's views layer through two Wagtail hooks (``courses/wagtail_hooks.py`` registers
``courses.views.curriculum_page_context`` and ``courses.views.lesson_page_refusal``), for a live page and a preview
alike.
"""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from courses.blocks import LessonBodyBlock
from kompeten_core.conf import settings as kompeten

#: Wagtail hook through which a higher plugin adds panels to the course editor (assessments adds the units
#: of competency a course covers). Each hook function returns a list of panels.
COURSE_PANELS_HOOK = "kompeten_course_panels"
#: The same for the lesson editor (assessments adds the units of competency a lesson teaches).
LESSON_PANELS_HOOK = "kompeten_lesson_panels"

#: Wagtail hook through which the views layer adds to a curriculum page's template context: each hook function takes
#: ``page`` and ``request`` (keywords) and returns a dict.
PAGE_CONTEXT_HOOK = "kompeten_courses_page_context"
#: Wagtail hook through which the views layer may refuse to serve a lesson: each hook function takes ``page`` and
#: ``request`` (keywords) and returns a response (a redirect) or None.
LESSON_SERVE_HOOK = "kompeten_courses_lesson_serve"

HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour such as #0b5cad."))


def _with_view_context(page, request, context):
    """``context`` with what the views layer adds for this page (``PAGE_CONTEXT_HOOK``)."""
    for hook in hooks.get_hooks(PAGE_CONTEXT_HOOK):
        context.update(hook(page=page, request=request))
    return context


class CurriculumPageMixin:
    """A curriculum page that ``courses.middleware.PageRouteMiddleware`` found with no view restriction over it (from
    the cached restrictions) skips Wagtail's two queries asking the same."""

    kompeten_unrestricted = False

    def get_view_restrictions(self):
        if self.kompeten_unrestricted:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class TrackIndexPage(CurriculumPageMixin, Page):
    """Kejuruan: the list of tracks."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["courses.TrackPage"]
    max_count = 1

    class Meta:
        verbose_name = _("track index")
        verbose_name_plural = _("track indexes")

    def get_context(self, request, *args, **kwargs):
        return _with_view_context(self, request, super().get_context(request, *args, **kwargs))


class TrackPage(CurriculumPageMixin, Page):
    """A track (kejuruan) such as garment technology or EV automotive; lists its courses."""

    class Icon(models.TextChoices):
        GARMENT = "garment", _("Garment and fashion")
        MECHATRONICS = "mechatronics", _("Mechatronics")
        EV = "ev", _("Electric vehicle")
        AI = "ai", _("Artificial intelligence")
        LANGUAGE = "language", _("Language")
        GENERAL = "general", _("General")

    short_description = models.CharField(_("short description"), max_length=250)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices, default=Icon.GENERAL)
    colour = models.CharField(_("colour"), max_length=7, default="#0b5cad", validators=[HEX_COLOUR])

    content_panels = [
        *Page.content_panels,
        FieldPanel("short_description"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("icon"), FieldPanel("colour")], heading=_("Look")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("short_description"), index.SearchField("intro")]
    parent_page_types = ["courses.TrackIndexPage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")

    def get_context(self, request, *args, **kwargs):
        return _with_view_context(self, request, super().get_context(request, *args, **kwargs))


def _instructor_choices():
    return {"groups__name": kompeten.INSTRUCTOR_GROUP}


class CoursePage(CurriculumPageMixin, Page):
    """A course: what it teaches, for whom, how long, and the modules it is made of."""

    summary = models.TextField(_("summary"), max_length=600)
    outcomes = RichTextField(
        _("learning outcomes"),
        blank=True,
        features=["bold", "italic", "ul", "ol"],
        help_text=_("What a trainee can do after the course."),
    )
    kkni_level = models.PositiveSmallIntegerField(
        _("KKNI level"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    jp_hours = models.PositiveSmallIntegerField(_("lesson hours (JP)"), default=0)
    cover_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sequential_modules = models.BooleanField(
        _("modules in order"),
        default=False,
        help_text=_("A module opens only when the required lessons before it are done."),
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prerequisites"),
        symmetrical=False,
        blank=True,
        related_name="required_by",
        help_text=_("Courses a trainee must have completed before enrolling."),
    )
    instructors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("instructors"),
        blank=True,
        related_name="courses_taught",
        limit_choices_to=_instructor_choices,
    )

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("outcomes")]
    parent_page_types = ["courses.TrackPage"]
    # The exam plugin adds its ExamPage here (assessments.apps): courses knows nothing of assessments.
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kkni_level__isnull=True) | models.Q(kkni_level__gte=1, kkni_level__lte=9),
                name="courses_course_kkni_level_1_9",
            )
        ]

    @cached_classmethod
    def get_edit_handler(cls):
        content = [
            *Page.content_panels,
            FieldPanel("summary"),
            FieldPanel("outcomes"),
            MultiFieldPanel(
                [FieldPanel("kkni_level"), FieldPanel("jp_hours"), FieldPanel("sequential_modules")],
                heading=_("Structure"),
            ),
            FieldPanel("cover_image"),
            FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
            FieldPanel("instructors", widget=forms.CheckboxSelectMultiple),
        ]
        for hook in hooks.get_hooks(COURSE_PANELS_HOOK):
            content.extend(hook())
        tabs = [
            ObjectList(content, heading=_("Content")),
            ObjectList(cls.promote_panels, heading=_("Promote")),
            ObjectList(cls.settings_panels, heading=_("Settings")),
        ]
        return TabbedInterface(tabs).bind_to_model(cls)

    def get_context(self, request, *args, **kwargs):
        return _with_view_context(self, request, super().get_context(request, *args, **kwargs))


class ModulePage(CurriculumPageMixin, Page):
    """A module of a course; modules are ordered by their place in the page tree."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul", "ol"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def serve(self, request, *args, **kwargs):
        # A module has no page of its own for trainees: its outline is part of the course page.
        return redirect(self.get_parent().get_url(request) + f"#module-{self.pk}")


class LessonPage(CurriculumPageMixin, Page):
    """A lesson: the teaching material itself."""

    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    required = models.BooleanField(
        _("required for completion"), default=True, help_text=_("Untick for enrichment material.")
    )
    activities_required = models.BooleanField(
        _("activities required"),
        default=False,
        help_text=_("The lesson counts as done only when the trainee has finished each of its interactive activities."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("required"), FieldPanel("activities_required")],
            heading=_("Lesson"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @cached_classmethod
    def get_edit_handler(cls):
        content = list(cls.content_panels)
        for hook in hooks.get_hooks(LESSON_PANELS_HOOK):
            content.extend(hook())
        tabs = [
            ObjectList(content, heading=_("Content")),
            ObjectList(cls.promote_panels, heading=_("Promote")),
            ObjectList(cls.settings_panels, heading=_("Settings")),
        ]
        return TabbedInterface(tabs).bind_to_model(cls)

    def serve(self, request, *args, **kwargs):
        for hook in hooks.get_hooks(LESSON_SERVE_HOOK):
            refusal = hook(page=self, request=request)
            if refusal is not None:
                return refusal
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        return _with_view_context(self, request, super().get_context(request, *args, **kwargs))
