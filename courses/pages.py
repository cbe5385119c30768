"""The curriculum as Wagtail pages: TrackIndexPage → TrackPage → CoursePage → ModulePage → LessonPage.

Pages are content that instructors author, preview and revise. What a trainee does with them (enrolment,
progress) lives in plain models (``courses.models``) and is read through ``courses.selectors``.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from courses.blocks import LessonBodyBlock
from kompeten_core.conf import settings as kompeten

#: Wagtail hook through which a higher plugin adds panels to the course editor (assessments adds the units
#: of competency a course covers). Each hook function returns a list of panels.
COURSE_PANELS_HOOK = "kompeten_course_panels"

HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour such as #0b5cad."))


class TrackIndexPage(Page):
    """Kejuruan: the list of tracks."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["courses.TrackPage"]
    max_count = 1

    class Meta:
        verbose_name = _("track index")
        verbose_name_plural = _("track indexes")

    def get_context(self, request, *args, **kwargs):
        from courses import selectors  # noqa: PLC0415 — models.py imports the pages and the selectors import the models: a cycle at the top

        context = super().get_context(request, *args, **kwargs)
        context["tracks"] = selectors.track_list(index_page=self) if self.pk else []  # unsaved: a preview
        return context


class TrackPage(Page):
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
        from courses import selectors  # noqa: PLC0415 — models.py imports the pages and the selectors import the models: a cycle at the top

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = selectors.course_list_for_track(track=self) if self.pk else []  # unsaved: a preview
        return context


def _instructor_choices():
    return {"groups__name": kompeten.INSTRUCTOR_GROUP}


class CoursePage(Page):
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
        from courses import selectors  # noqa: PLC0415 — models.py imports the pages and the selectors import the models: a cycle at the top

        context = super().get_context(request, *args, **kwargs)
        if self.pk is None:  # the preview of a course not saved yet
            context["outline"] = selectors.Outline.empty(course=self)
            return context
        outline = selectors.course_outline(course=self, user=request.user)
        context["outline"] = outline
        context["track"] = self.get_parent()
        context["login_url"] = resolve_url(settings.LOGIN_URL)
        context["signup_url"] = resolve_url(kompeten.SIGNUP_URL) if kompeten.SIGNUP_URL else ""
        if outline.enrolment is not None:
            outline.enrolment.course = self  # the next-step providers read the course's tree path
        lessons_done = outline.enrolment is not None and outline.total and outline.done >= outline.total
        context["next_steps"] = (
            selectors.next_steps(enrolments=[outline.enrolment])[outline.enrolment.pk] if lessons_done else []
        )
        if outline.enrolment is None or outline.enrolment.status == outline.enrolment.Status.WITHDRAWN:
            context["batches"] = list(selectors.batch_list_open(course=self))
            context["has_batches"] = bool(context["batches"]) or selectors.batch_exists(course=self)
            context["prerequisites"] = selectors.prerequisite_list(course=self, user=request.user)
        return context


class ModulePage(Page):
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


class LessonPage(Page):
    """A lesson: the teaching material itself."""

    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    required = models.BooleanField(
        _("required for completion"), default=True, help_text=_("Untick for enrichment material.")
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("estimated_minutes"), FieldPanel("required")], heading=_("Lesson")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def serve(self, request, *args, **kwargs):
        from courses import selectors  # noqa: PLC0415 — models.py imports the pages and the selectors import the models: a cycle at the top

        access = selectors.lesson_access(lesson=self, user=request.user, next_url=request.get_full_path())
        if not access.allowed:
            messages.info(request, access.reason)
            return redirect(access.redirect_to or self.get_parent().get_parent().get_url(request))
        request.kompeten_lesson_access = access
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from courses import selectors, services  # noqa: PLC0415 — models.py imports the pages and the selectors import the models: a cycle at the top

        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):  # an editor's preview: no progress, no enrolment needed
            context["access"] = selectors.LessonAccess(allowed=True)
            context["navigation"] = {}
            return context
        access = getattr(request, "kompeten_lesson_access", None) or selectors.lesson_access(
            lesson=self, user=request.user
        )
        context["access"] = access
        context["navigation"] = selectors.lesson_navigation(lesson=self, course=access.course)
        if access.enrolment is not None:
            services.lesson_visit(enrolment=access.enrolment, lesson=self)
        return context
