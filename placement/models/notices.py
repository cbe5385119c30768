"""On-site notices of the pipeline: each move of an application is announced to the people it concerns (shown on
their dashboard until read; the same news goes out by e-mail through the task outbox)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from placement.models.applications import Application


class PlacementNotice(models.Model):
    class Kind(models.TextChoices):
        APPLIED = "applied", _("New application")
        NOMINATED = "nominated", _("Nominated by the centre")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        INTERVIEW = "interview", _("Invited to an interview")
        OFFERED = "offered", _("Job offered")
        HIRED = "hired", _("Hired")
        REJECTED = "rejected", _("Not taken further")
        WITHDRAWN = "withdrawn", _("Application withdrawn")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="placement_notices", verbose_name=_("user")
    )
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="notices", verbose_name=_("application")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("placement notice")
        verbose_name_plural = _("placement notices")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="placement_notice_unread")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.kind}:{self.application_id}"

    def text(self) -> str:
        """The notice in the active language (needs ``application__vacancy__employer`` and ``application__seeker``)."""
        vacancy = self.application.vacancy
        values = {
            "vacancy": vacancy.title,
            "employer": vacancy.employer.name,
            "name": self.application.seeker.get_full_name() or self.application.seeker.get_username(),
        }
        texts = {
            self.Kind.APPLIED: gettext("%(name)s applied for %(vacancy)s."),
            self.Kind.NOMINATED: gettext("The centre put %(name)s forward for %(vacancy)s at %(employer)s."),
            self.Kind.SHORTLISTED: gettext("%(employer)s shortlisted you for %(vacancy)s."),
            self.Kind.INTERVIEW: gettext("%(employer)s invites you to an interview for %(vacancy)s."),
            self.Kind.OFFERED: gettext("%(employer)s offers you the job of %(vacancy)s."),
            self.Kind.HIRED: gettext("You are hired by %(employer)s as %(vacancy)s. Congratulations!"),
            self.Kind.REJECTED: gettext("%(employer)s will not take your application for %(vacancy)s further."),
            self.Kind.WITHDRAWN: gettext("%(name)s withdrew their application for %(vacancy)s."),
        }
        return texts.get(self.kind, gettext("Your application for %(vacancy)s changed.")) % values
