"""Builders for the pipeline's tests: an application at a given stage, centre staff with the pipeline's
permissions."""

import datetime

from django.contrib.auth.models import Permission
from django.utils import timezone

from placement.models import Application
from placement.services.applications import application_create, application_move
from tests.factories import UserFactory
from tests.placement import factories

S = Application.Status
#: The employer's steps from *applied* to each stage.
_PATH = [S.SHORTLISTED, S.INTERVIEW, S.OFFERED, S.HIRED]


def application(*, status: str = S.APPLIED, vacancy=None, seeker=None, units=()) -> Application:
    """An application moved by the vacancy's employer to ``status`` (along the pipeline)."""
    vacancy = vacancy or factories.vacancy(units=units)
    seeker = seeker or factories.seeker()
    created = application_create(vacancy=vacancy, seeker=seeker)
    member = vacancy.employer.members.first()
    if status == S.WITHDRAWN:
        return application_move(application=created, to=S.WITHDRAWN, by=seeker)
    if status == S.REJECTED:
        return application_move(application=created, to=S.REJECTED, by=member)
    for to in _PATH[: _PATH.index(status) + 1] if status in _PATH else ():
        application_move(
            application=created,
            to=to,
            by=member,
            interview_at=timezone.now() + datetime.timedelta(days=2),
            interview_place="Kantor HRD",
            starts_on=timezone.localdate() + datetime.timedelta(days=7),
            wage_band="umk",
        )
    created.refresh_from_db()
    return created


def staff(*codenames: str):
    """A user holding the given placement permissions (and admin access), with a fresh permission cache."""
    user = UserFactory(is_staff=True)
    permissions = Permission.objects.filter(content_type__app_label="placement", codename__in=codenames)
    user.user_permissions.add(*permissions, Permission.objects.get(codename="access_admin"))
    return type(user).objects.get(pk=user.pk)
