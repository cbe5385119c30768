from django import forms

from lms.models import User


class ConnectedAppRevokeForm(forms.Form):
    application = forms.IntegerField(min_value=1, max_value=2**62, widget=forms.HiddenInput)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=User.Language.choices)
    next = forms.CharField(required=False)
