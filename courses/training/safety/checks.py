"""The K3 check of the practice gate (``courses.training.gates``): what is missing of a trainee's induction for a
workshop on a day, as translated messages that say where to get it."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from courses.training.safety import selectors


class Refusal(str):
    """A translated message (a ``str``), with ``url``: where to get what is missing."""

    url: str = ""

    def __new__(cls, message: str, url: str = "") -> Refusal:
        refusal = super().__new__(cls, message)
        refusal.url = url
        return refusal


def k3_refusals(*, user, workshop, on_date: datetime.date) -> list[Refusal]:
    """Empty when the workshop has no K3 induction, or when the trainee completed its course within the validity
    period and acknowledged its PPE checklist (current version). Three queries at most."""
    induction = selectors.induction_of(workshop=workshop)
    if induction is None:
        return []
    status = selectors.induction_status(user=user, induction=induction)
    refusals = []
    course_url = reverse("courses:continue", args=[induction.course_id])
    names = {"workshop": induction.workshop.name, "course": induction.course.title, "url": course_url}
    if not status.course_valid:
        refusals.append(
            Refusal(
                _("The K3 induction for %(workshop)s is missing: complete the course “%(course)s” first (%(url)s).")
                % names,
                course_url,
            )
        )
    elif not status.course_valid_on(on_date):
        names["date"] = formats.date_format(status.valid_until)
        refusals.append(
            Refusal(
                _(
                    "The K3 induction for %(workshop)s expired on %(date)s: take the course “%(course)s” again "
                    "(%(url)s)."
                )
                % names,
                course_url,
            )
        )
    if not status.ppe_acknowledged:
        ppe_url = reverse("courses:k3_ppe", args=[induction.workshop_id])
        refusals.append(
            Refusal(
                _("The PPE checklist of %(workshop)s is not acknowledged: read and acknowledge it at %(url)s.")
                % {"workshop": induction.workshop.name, "url": ppe_url},
                ppe_url,
            )
        )
    return refusals
