"""Forms of FR.AK.07: one adjustment, and the candidate's extra minutes and attempts per exam of the scheme."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.competency.adjustments.models import ReasonableAdjustment
from assessments.exams.models import ExamOverride


class AdjustmentForm(forms.Form):
    need = forms.ChoiceField(label=_("Need"), choices=ReasonableAdjustment.Need.choices)
    area = forms.ChoiceField(label=_("What is adjusted"), choices=ReasonableAdjustment.Area.choices)
    adjustment = forms.CharField(label=_("Adjustment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    note = forms.CharField(label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ExamOverridesForm(forms.Form):
    """Two fields per exam (``minutes-<id>``, ``attempts-<id>``) and the reason."""

    reason = forms.CharField(
        label=_("Reason for the extra time or attempts"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, exams=(), current=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        self.exams = list(exams)
        for exam in self.exams:
            row = current.get(exam.pk)
            self.fields[f"minutes-{exam.pk}"] = forms.IntegerField(
                label=_("Extra time (minutes)"),
                min_value=0,
                max_value=ExamOverride.MAX_EXTRA_MINUTES,
                initial=row.extra_minutes if row else 0,
            )
            self.fields[f"attempts-{exam.pk}"] = forms.IntegerField(
                label=_("Extra attempts"),
                min_value=0,
                max_value=ExamOverride.MAX_EXTRA_ATTEMPTS,
                initial=row.extra_attempts if row else 0,
            )
        if current and not self.is_bound:
            self.fields["reason"].initial = next(iter(current.values())).reason

    def rows(self):
        """(exam, minutes field, attempts field) for the template."""
        return [(exam, self[f"minutes-{exam.pk}"], self[f"attempts-{exam.pk}"]) for exam in self.exams]

    def overrides(self) -> dict[int, tuple[int, int]]:
        data = self.cleaned_data
        return {exam.pk: (data[f"minutes-{exam.pk}"], data[f"attempts-{exam.pk}"]) for exam in self.exams}
