"""Admin: the question bank — filter by unit, element, type, difficulty and tag; preview as the trainee sees it."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from assessments.questions.models import Question
from courses.choosers import IdSnippetChooserViewSet


class QuestionFilterSet(WagtailFilterSet):
    tag = django_filters.CharFilter(field_name="tags__name", lookup_expr="iexact", label=_("Tag"), distinct=True)
    category = django_filters.CharFilter(field_name="category", lookup_expr="icontains", label=_("Category"))

    class Meta:
        model = Question
        fields = ["type", "difficulty", "unit", "element"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    chooser_viewset_class = IdSnippetChooserViewSet
    icon = "help"
    menu_label = _("Question bank")
    menu_name = "question-bank"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "type", "unit", "difficulty", "updated_at"]
    list_per_page = 50
    filterset_class = QuestionFilterSet
    search_fields = ["name", "stem"]
    # Searched with the database (ORM), not the search index: the list's filters (tags, category, unit) and sorting
    # columns then work together with a search (the index only sorts and filters on its FilterFields: a 500).
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("type"), FieldPanel("difficulty"), FieldPanel("points")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("element")]),
        FieldRowPanel([FieldPanel("category"), FieldPanel("tags")]),
        FieldPanel("stem"),
        InlinePanel(
            "options",
            label=_("Option"),
            heading=_("Options"),
            help_text=_(
                "Choices (mark the right ones), accepted answers (short text), items with their match (matching) "
                "or items in the right order (ordering)."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("partial_credit"),
                FieldPanel("true_false_answer"),
                FieldRowPanel([FieldPanel("feedback_true"), FieldPanel("feedback_false")]),
                FieldRowPanel([FieldPanel("case_sensitive"), FieldPanel("regex")]),
                FieldRowPanel(
                    [FieldPanel("numeric_answer"), FieldPanel("numeric_tolerance"), FieldPanel("units_text")]
                ),
                FieldRowPanel([FieldPanel("file_extensions"), FieldPanel("file_max_mb")]),
            ],
            heading=_("Settings of the question type"),
        ),
        FieldPanel("general_feedback"),
    ]

    def get_queryset(self, request):
        return Question.objects.select_related("unit").order_by("-updated_at")


register_snippet(QuestionViewSet)
