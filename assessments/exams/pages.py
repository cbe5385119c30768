"""ExamPage: a course's competency test, authored in the Wagtail admin under the course.

The page is a model: it imports nothing above the models. Its public page is served by
``assessments.exams.views.exam_overview`` through the ``on_serve_page`` hook in ``assessments.wagtail_hooks``."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from assessments.questions.models import Question
from assessments.standards.models import CompetencyUnit, Element

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class ExamPage(Page):
    class FeedbackTiming(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately after submitting")
        AFTER_CLOSE = "after_close", _("After the exam closes")
        NEVER = "never", _("Never (score only)")

    class Navigation(models.TextChoices):
        FREE = "free", _("Free: any question in any order")
        SEQUENTIAL = "sequential", _("Sequential: one question after another, no going back")

    instructions = RichTextField(_("instructions"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), default=60, help_text=_("0 for no time limit.")
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=1, validators=[MinValueValidator(1)]
    )
    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    requires_lessons_done = models.BooleanField(
        _("only after the required lessons"),
        default=False,
        help_text=_("Trainees may start only when every required lesson of the course is done."),
    )
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), default=70, validators=PERCENT)
    unit_pass_mark = models.PositiveSmallIntegerField(
        _("pass mark per unit (%)"),
        null=True,
        blank=True,
        validators=PERCENT,
        help_text=_("Optional: every unit of competency must reach this score too."),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=True)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    feedback_timing = models.CharField(
        _("show scores and feedback"), max_length=12, choices=FeedbackTiming.choices, default=FeedbackTiming.IMMEDIATELY
    )
    navigation = models.CharField(_("navigation"), max_length=12, choices=Navigation.choices, default=Navigation.FREE)
    show_correct_answers = models.BooleanField(
        _("show the correct answers"),
        default=False,
        help_text=_("Beside the trainee's answers, with the feedback."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("instructions"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("attempts_allowed")]),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("requires_lessons_done"),
            ],
            heading=_("Who may sit it, and when"),
        ),
        MultiFieldPanel([FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("unit_pass_mark")])], heading=_("Passing")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_options")]),
                FieldPanel("navigation"),
                FieldPanel("feedback_timing"),
                FieldPanel("show_correct_answers"),
            ],
            heading=_("Delivery"),
        ),
        InlinePanel("fixed_questions", heading=_("Fixed questions"), label=_("Question")),
        InlinePanel("rules", heading=_("Random questions"), label=_("Rule")),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("exam")
        verbose_name_plural = _("exams")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__isnull=True)
                | models.Q(opens_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="assessments_exam_closes_after_opening",
            )
        ]


class ExamFixedQuestion(Orderable):
    exam = ParentalKey(ExamPage, on_delete=models.CASCADE, related_name="fixed_questions", verbose_name=_("exam"))
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("fixed question of an exam")
        verbose_name_plural = _("fixed questions of an exam")


class ExamRule(Orderable):
    """Draw ``count`` random questions from the pool this rule describes (all conditions must hold)."""

    exam = ParentalKey(ExamPage, on_delete=models.CASCADE, related_name="rules", verbose_name=_("exam"))
    count = models.PositiveSmallIntegerField(_("number of questions"), default=5, validators=[MinValueValidator(1)])
    unit = models.ForeignKey(
        CompetencyUnit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    element = models.ForeignKey(
        Element, verbose_name=_("element"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tag = models.CharField(_("tag"), max_length=100, blank=True)
    difficulty = models.PositiveSmallIntegerField(
        _("difficulty"), null=True, blank=True, choices=Question.Difficulty.choices
    )

    panels = [
        FieldRowPanel([FieldPanel("count"), FieldPanel("difficulty")]),
        FieldPanel("unit"),
        FieldPanel("element"),
        FieldPanel("tag"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question rule of an exam")
        verbose_name_plural = _("question rules of an exam")

    def pool(self):
        questions = Question.objects.all()
        if self.unit_id:
            questions = questions.filter(unit_id=self.unit_id)
        if self.element_id:
            questions = questions.filter(element_id=self.element_id)
        if self.tag:
            questions = questions.filter(tags__name=self.tag)
        if self.difficulty:
            questions = questions.filter(difficulty=self.difficulty)
        return questions
