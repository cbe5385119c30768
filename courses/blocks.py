"""The blocks a lesson is written with. Presentation only: nothing here is graded or referenced by records."""

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from courses.interactive.blocks import BranchingBlock, FillBlanksBlock, FlashcardsBlock, HotspotsBlock, SortBlock
from courses.interactive.video import VideoQuizBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "code", "superscript", "subscript"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the image for screen readers."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/captioned_image.html"


class VideoBlock(blocks.StructBlock):
    """An uploaded video file (played by the browser's own player) and/or an external embed."""

    video = DocumentChooserBlock(
        label=_("video file"), required=False, help_text=_("An MP4 or WebM file uploaded to the documents library.")
    )
    embed = EmbedBlock(label=_("external video"), required=False, help_text=_("Optional: a YouTube or Vimeo link."))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    transcript = blocks.TextBlock(label=_("transcript"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("video") and not cleaned.get("embed"):
            raise blocks.StructBlockValidationError(
                block_errors={"video": ValidationError(_("Upload a video file or give an external link."))}
            )
        return cleaned


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "courses/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("info", _("Information")), ("warning", _("Warning")), ("k3", _("K3 safety"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ol", "ul", "code"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "courses/blocks/callout.html"


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(
        label=_("language"),
        choices=[
            ("python", "Python"),
            ("text", _("Plain text")),
            ("ladder", _("Ladder logic / IEC 61131-3")),
            ("c", "C / Arduino"),
            ("bash", "Shell"),
            ("json", "JSON"),
        ],
        default="text",
    )
    code = blocks.TextBlock(label=_("code"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "code"
        label = _("Code")
        template = "courses/blocks/code.html"


class QuickCheckOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)
    feedback = blocks.CharBlock(label=_("feedback"), required=False, max_length=500)


class QuickCheckBlock(blocks.StructBlock):
    """A self-test question with instant feedback. Not graded and not recorded: it helps the trainee.

    A new one starts with two answer rows, the fewest it accepts.
    """

    question = blocks.CharBlock(label=pgettext_lazy("quick check", "question"), max_length=500)
    options = blocks.ListBlock(QuickCheckOptionBlock(), label=_("answers"), min_num=2, max_num=6)
    explanation = blocks.RichTextBlock(
        label=_("explanation"), required=False, features=["bold", "italic", "link", "code"]
    )

    class Meta:
        icon = "help"
        label = _("Quick check")
        template = "courses/blocks/quick_check.html"
        default = {"options": [{"text": "", "correct": False, "feedback": ""}] * 2}

    def clean(self, value):
        cleaned = super().clean(value)
        if not any(option["correct"] for option in cleaned["options"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "options": blocks.ListBlockValidationError(
                        non_block_errors=[ValidationError(_("Mark at least one answer as correct."))]
                    )
                }
            )
        return cleaned


class CheckedTableBlock(TableBlock):
    """Wagtail's table block, with a posted value that is not a table refused with a message instead of a 500.

    Wagtail's editor posts the table as JSON; Wagtail reads it with a bare ``json.loads`` and then calls ``.get`` on
    the result, so text that is no JSON (a NUL byte) or JSON that is no table (a number) crashed the page editor
    (found by ``tests/security/test_no_500_streamfields.py``). An unreadable value becomes an empty table marked
    unreadable, which ``clean`` refuses; the editor shows the form again with the message."""

    UNREADABLE = "kompeten_unreadable"

    def value_from_form(self, value):
        if not value:
            return None
        try:
            table = json.loads(value)
        except (TypeError, ValueError, RecursionError):
            table = None
        if not _is_table(table):
            return {"data": [[""]], "table_header_choice": "neither", self.UNREADABLE: True}
        return table

    def deconstruct(self):
        # Stored exactly as Wagtail's table block: migrations name that one, so this check needs no migration.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.contrib.table_block.blocks.TableBlock", args, kwargs

    def clean(self, value):
        if value and value.get(self.UNREADABLE):
            raise ValidationError(_("This table could not be read. Add it again."))
        return super().clean(value)


def _is_table(value) -> bool:
    """Is ``value`` a table as Wagtail's table editor posts it (rows of text cells)?"""
    if not isinstance(value, dict) or not isinstance(value.get("data"), list):
        return False
    if not isinstance(value.get("table_header_choice", ""), str):
        return False
    return all(
        isinstance(row, list) and all(cell is None or isinstance(cell, str) for cell in row) for row in value["data"]
    )


class LessonBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    code = CodeBlock()
    table = CheckedTableBlock(label=_("Table"), template="courses/blocks/table.html")
    quick_check = QuickCheckBlock()
    # Interactive activities (courses.interactive): recorded per trainee under their block id.
    sort = SortBlock()
    fill_blanks = FillBlanksBlock()
    hotspots = HotspotsBlock()
    branching = BranchingBlock()
    flashcards = FlashcardsBlock()
    interactive_video = VideoQuizBlock()
