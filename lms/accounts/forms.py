"""The account forms: log in, sign up, the profile, the password reset e-mail (through the outbox) and the codes of
two-step verification."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template import loader
from django.utils.translation import gettext_lazy as _

from courses.outbox import outbox_enqueue
from courses.text import strip_bidi_controls
from lms.accounts.usernames import username_normalise, username_validator
from lms.models import User
from lms.selectors import username_look_alike_exists
from lms.tasks import email_send as email_send_task


def clean_full_name(form: forms.Form) -> str:
    """The typed name without bidirectional controls or runs of spaces; required even if nothing else was left."""
    name = " ".join(strip_bidi_controls(form.cleaned_data["full_name"]).split())
    if not name:
        raise forms.ValidationError(form.fields["full_name"].error_messages["required"], code="required")
    return name


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("E-mail or username"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}),
    )

    error_messages = {
        "invalid_login": _("The e-mail/username or password is wrong."),
        "inactive": _("This account is inactive."),
    }


class SignUpForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        help_text=_("Exactly as it must be printed on your certificate."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("Letters a-z, digits and @ . + - _ only."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    preferred_language = forms.ChoiceField(label=_("Language"), choices=User.Language.choices)

    def clean_full_name(self):
        return clean_full_name(self)

    def clean_email(self):
        # Whether the address is registered already is never told here (lms.services.user_sign_up).
        return self.cleaned_data["email"].strip().lower()

    def clean_username(self):
        username = username_normalise(self.cleaned_data["username"])
        username_validator(username)
        if get_user_model()._default_manager.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken. Please choose another."))
        if username_look_alike_exists(username):
            raise forms.ValidationError(
                _("This username looks too much like one that is taken. Please choose another.")
            )
        return username

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords do not match."))
        elif password1:
            candidate = User(
                username=cleaned.get("username", ""),
                email=cleaned.get("email", ""),
                full_name=cleaned.get("full_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ProfileForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=150, help_text=_("Exactly as it must be printed on your certificate.")
    )
    preferred_language = forms.ChoiceField(label=_("Language"), choices=User.Language.choices)
    national_id = forms.RegexField(
        label=_("National ID number (NIK)"),
        regex=r"^\d{16}\Z",
        required=False,
        help_text=_(
            "Optional, 16 digits. Kept encrypted and only ever shown masked; leave empty to keep the one saved."
        ),
        error_messages={"invalid": _("A NIK has exactly 16 digits.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    national_id_remove = forms.BooleanField(label=_("Remove my saved NIK"), required=False)

    def clean_full_name(self):
        return clean_full_name(self)


class QueuedPasswordResetForm(PasswordResetForm):
    """Password reset whose e-mail goes through the task outbox: stored with the request's transaction, handed to the
    broker once it commits (or later by the relay, if the broker is down then)."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        outbox_enqueue(task=email_send_task, kwargs={"subject": subject, "body": body, "to": [to_email]})


class TotpCodeForm(forms.Form):
    """The six digits an authenticator app shows."""

    code = forms.RegexField(
        label=_("Code from your authenticator app"),
        regex=r"^\s*\d{3}\s?\d{3}\s*\Z",
        max_length=9,
        error_messages={"invalid": _("Enter the 6 digits your app shows.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "size": 8}
        ),
    )


class TwoFactorCodeForm(forms.Form):
    """After the password: the six digits of the app, or one of the recovery codes (eight letters and digits)."""

    code = forms.RegexField(
        label=_("Code from your authenticator app, or a recovery code"),
        regex=r"^\s*(\d{3}\s?\d{3}|[A-Za-z2-7]{4}\s?[A-Za-z2-7]{4})\s*\Z",
        max_length=12,
        error_messages={"invalid": _("Enter the 6 digits your app shows, or a recovery code of 8 characters.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "size": 10}),
    )
