"""Form fields that choose records by id and check the id's shape before any query.

Django's ``ModelChoiceField`` and ``ModelMultipleChoiceField`` send what was posted straight to the database: a
40-digit number overflows SQLite's 64-bit integer (``OverflowError``, a 500). These refuse a value that is not an id
(1 to 18 digits, as the ``id`` path converter) with the field's own "not one of the available choices" message.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.rich_text import DraftailRichTextArea

ID = re.compile(r"[0-9]{1,18}\Z")


class IdModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not ID.match(str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value or ():
            if not ID.match(str(pk)):
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
        return super()._check_values(value)


class CheckedDraftailRichTextArea(DraftailRichTextArea):
    """Wagtail's Draftail editor, reading a posted value that is not its JSON as empty.

    Draftail posts the editor's content as JSON (Draft.js "contentstate") and the widget parses it with
    ``json.loads`` and walks it unchecked: plain text, broken or deep JSON, or JSON of another shape (a number, a
    list) raise ``ValueError``, ``RecursionError``, ``AttributeError``... (a 500). Such a value is no content: the
    field's own checks answer (required, or saved empty). ``WAGTAILADMIN_RICH_TEXT_EDITORS`` names this widget.
    """

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError):
            return None
