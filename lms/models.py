from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from courses.api.scopes import SCOPES
from courses.text import strip_bidi_controls
from kompeten_core.encryption import EncryptedTextField, mask_national_id
from lms.accounts.usernames import username_skeleton_expression, username_validator


class User(AbstractUser):
    """A person using Kompeten: trainee, instructor, assessor or administrator (roles are groups)."""

    class Language(models.TextChoices):
        INDONESIAN = "id", _("Bahasa Indonesia")
        ENGLISH = "en", _("English")

    username_validator = username_validator
    #: ASCII only and unique by its look-alike skeleton (lms.accounts.usernames; the constraint below).
    username = models.CharField(
        _("username"),
        max_length=150,
        unique=True,
        help_text=_("Letters a-z, digits and @ . + - _ only."),
        validators=[username_validator],
        error_messages={"unique": _("This username is taken. Please choose another.")},
    )
    email = models.EmailField(_("e-mail address"))
    full_name = models.CharField(
        _("full name"),
        max_length=150,
        help_text=_("Your name exactly as it must be printed on a certificate."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=Language.choices, default=Language.INDONESIAN
    )
    #: Encrypted at rest (``kompeten_core.encryption``); shown only masked (``national_id_masked``).
    national_id = EncryptedTextField(
        _("national ID number (NIK)"),
        blank=True,
        help_text=_("Optional. Private: kept encrypted and only ever shown masked."),
    )

    REQUIRED_FIELDS = ["email", "full_name"]

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="lms_user_email_ci_unique"),
            models.UniqueConstraint(
                username_skeleton_expression(),
                name="lms_user_username_skeleton_unique",
                violation_error_message=_(
                    "This username looks too much like one that is taken. Please choose another."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def national_id_masked(self) -> str:
        return mask_national_id(self.national_id)

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name()

    def clean(self) -> None:
        super().clean()
        self.email = self.email.strip().lower()
        self.full_name = " ".join(strip_bidi_controls(self.full_name).split())


class HomePage(Page):
    """The site's root page: a welcome, then what Kompeten offers."""

    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("hero_title"), FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.TrackIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class ApiClientScopes(models.Model):
    """The API scopes staff granted one OAuth client (django-oauth-toolkit's application): the client may ask for
    these and no others. A client without a row may ask for none."""

    application = models.OneToOneField(
        "oauth2_provider.Application",
        verbose_name=_("client"),
        on_delete=models.CASCADE,
        related_name="kompeten_scopes",
    )
    scopes = models.CharField(
        _("scopes"), max_length=500, blank=True, help_text=_("The scopes it may ask for, separated by spaces.")
    )

    class Meta:
        verbose_name = _("API client scopes")
        verbose_name_plural = _("API client scopes")

    def __str__(self) -> str:
        return self.scopes

    def clean(self) -> None:
        names = self.scopes.split()
        unknown = [name for name in names if name not in SCOPES]
        if unknown:
            raise ValidationError({"scopes": _("Unknown scopes: %(names)s") % {"names": ", ".join(unknown)}})
        self.scopes = " ".join(dict.fromkeys(names))
