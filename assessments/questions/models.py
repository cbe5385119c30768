"""The question bank. A Question is what instructors edit; a QuestionVersion is an immutable snapshot of it
(the data an attempt shows and is graded against). Editing a question makes a new version: past attempts keep
the version they saw. The snapshot format is documented in ``assessments.questions.types``."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PreviewableMixin
from wagtail.search import index

from assessments.questions.types import public_view, question_snapshot, regex_problem, shuffled_match_order
from assessments.standards.models import CompetencyUnit, Element

STEM_FEATURES = ["bold", "italic", "link", "ol", "ul", "image", "code", "superscript", "subscript"]
OPTION_FEATURES = ["bold", "italic", "image", "code", "superscript", "subscript"]


class QuestionTag(TaggedItemBase):
    content_object = ParentalKey(
        "assessments.Question", on_delete=models.CASCADE, related_name="tagged_items", verbose_name=_("question")
    )

    class Meta:
        verbose_name = _("question tag")
        verbose_name_plural = _("question tags")


class Question(PreviewableMixin, index.Indexed, ClusterableModel):
    class Type(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple response")
        TRUE_FALSE = "truefalse", _("True / false")
        SHORT = "short", _("Short text")
        NUMERIC = "numeric", _("Numeric")
        MATCHING = "matching", _("Matching")
        ORDERING = "ordering", _("Ordering")
        ESSAY = "essay", _("Essay (graded by an assessor)")
        FILE = "file", _("File upload (graded by an assessor)")

    class Difficulty(models.IntegerChoices):
        EASY = 1, _("Easy")
        MEDIUM = 2, _("Medium")
        HARD = 3, _("Hard")

    class PartialCredit(models.TextChoices):
        ALL_OR_NOTHING = "all", _("All or nothing")
        PROPORTIONAL = "proportional", _("Right choices minus wrong choices")

    name = models.CharField(_("name"), max_length=255, help_text=_("For the bank only; trainees do not see it."))
    type = models.CharField(_("type"), max_length=12, choices=Type.choices, default=Type.SINGLE)
    unit = models.ForeignKey(
        CompetencyUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
    )
    element = models.ForeignKey(
        Element, verbose_name=_("element"), null=True, blank=True, on_delete=models.PROTECT, related_name="questions"
    )
    difficulty = models.PositiveSmallIntegerField(
        _("difficulty"), choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    category = models.CharField(
        _("category"), max_length=255, blank=True, help_text=_("Free text, e.g. from an import.")
    )
    tags = ClusterTaggableManager(through=QuestionTag, blank=True, verbose_name=_("tags"))
    stem = RichTextField(_("question"), features=STEM_FEATURES)
    points = models.DecimalField(
        _("points"), max_digits=6, decimal_places=2, default=1, validators=[MinValueValidator(0)]
    )
    general_feedback = RichTextField(_("feedback"), blank=True, features=["bold", "italic", "link"])
    # type-specific settings
    partial_credit = models.CharField(
        _("partial credit"), max_length=12, choices=PartialCredit.choices, default=PartialCredit.ALL_OR_NOTHING
    )
    true_false_answer = models.BooleanField(_("the statement is true"), null=True, blank=True)
    feedback_true = models.CharField(
        _("feedback for “true”"), max_length=1000, blank=True, help_text=_("For who answered true.")
    )
    feedback_false = models.CharField(
        _("feedback for “false”"), max_length=1000, blank=True, help_text=_("For who answered false.")
    )
    case_sensitive = models.BooleanField(_("case-sensitive"), default=False)
    regex = models.CharField(
        _("accepted pattern (regular expression)"),
        max_length=500,
        blank=True,
        help_text=_("Optional; matched against the whole answer, ignoring case unless case-sensitive."),
    )
    numeric_answer = models.DecimalField(_("numeric answer"), max_digits=20, decimal_places=6, null=True, blank=True)
    numeric_tolerance = models.DecimalField(
        _("tolerance (±)"), max_digits=20, decimal_places=6, default=0, validators=[MinValueValidator(0)]
    )
    units_text = models.CharField(
        _("units"), max_length=40, blank=True, help_text=_("Shown after the answer box, e.g. V.")
    )
    file_extensions = models.CharField(
        _("allowed file types"),
        max_length=200,
        blank=True,
        default="pdf,jpg,jpeg,png",
        help_text=_("Comma-separated extensions."),
    )
    file_max_mb = models.PositiveSmallIntegerField(
        _("largest file (MB)"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("stem"),
        index.AutocompleteField("stem"),
        index.FilterField("type"),
    ]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.element_id and self.unit_id and self.element.unit_id != self.unit_id:
            raise ValidationError({"element": _("This element belongs to another unit.")})
        if self.type == self.Type.TRUE_FALSE and self.true_false_answer is None:
            raise ValidationError({"true_false_answer": _("Say whether the statement is true.")})
        if self.type == self.Type.NUMERIC and self.numeric_answer is None:
            raise ValidationError({"numeric_answer": _("Give the numeric answer.")})
        if self.regex:
            try:
                re.compile(self.regex)
            except re.error as error:
                raise ValidationError(
                    {"regex": _("This pattern is not valid: %(error)s") % {"error": error}}
                ) from error

            problem = regex_problem(self.regex)
            if problem:
                raise ValidationError({"regex": problem})

    def get_preview_template(self, request, mode_name):
        return "assessments/question_preview.html"

    def get_preview_context(self, request, mode_name):
        """The question exactly as an attempt shows it: built from a snapshot, without answers."""
        data = question_snapshot(self)
        return {
            "request": request,
            "object": self,
            "public": public_view(data, None, shuffled_match_order(data)),
            "state": {"choices": set(), "pairs": {}, "places": {}, "text": "", "value": None},
        }

    @property
    def is_auto_graded(self) -> bool:
        return self.type not in (self.Type.ESSAY, self.Type.FILE)


class QuestionOption(Orderable):
    """An answer option. Its meaning depends on the question type:
    choice types — a choice (``is_correct``, optional ``fraction`` of the points for multiple response);
    short text — an accepted answer; matching — a left item (``text``) and its match (``match_text``);
    ordering — an item, in the correct order."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options", verbose_name=_("question"))
    text = RichTextField(_("text"), blank=True, features=OPTION_FEATURES)
    match_text = models.CharField(_("matches"), max_length=500, blank=True)
    is_correct = models.BooleanField(_("correct"), default=False)
    fraction = models.DecimalField(
        _("fraction of the points"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(-1), MaxValueValidator(1)],
    )
    feedback = models.CharField(_("feedback"), max_length=1000, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")


class QuestionVersion(models.Model):
    """An immutable snapshot of a question: what an attempt showed and what it was graded against."""

    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="versions", verbose_name=_("question")
    )
    number = models.PositiveIntegerField(_("version"))
    data = models.JSONField(_("snapshot"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("question version")
        verbose_name_plural = _("question versions")
        ordering = ["question_id", "-number"]
        constraints = [models.UniqueConstraint(fields=["question", "number"], name="assessments_question_version_once")]

    def __str__(self) -> str:
        return f"{self.question_id} v{self.number}"
