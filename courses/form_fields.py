"""Form fields that choose records by id and check the id's shape before any query.

Django's ``ModelChoiceField`` and ``ModelMultipleChoiceField`` send what was posted straight to the database: a
40-digit number overflows SQLite's 64-bit integer (``OverflowError``, a 500). These refuse a value that is not an id
(1 to 18 digits, as the ``id`` path converter) with the field's own "not one of the available choices" message.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

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
