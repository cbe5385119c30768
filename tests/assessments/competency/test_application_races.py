"""Races of the application path on PostgreSQL: the same person applying twice at once, staff accepting one
application twice at once. Each ends with one record and a clear refusal for the other."""

import pytest
from django.contrib.auth.models import Permission

from assessments.competency.application import services
from assessments.models import Application, Candidacy
from tests.assessments.competency.factories import (
    PARTICULARS,
    application_create,
    event_create,
    pdf_upload,
    scheme_create,
)
from tests.factories import UserFactory
from tests.races import postgres_only, race

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True)]


def _outcome(work):
    try:
        work()
    except services.ApplicationRefused as refusal:
        return refusal.code
    return "done"


def test_applying_twice_at_once_keeps_one_application():
    # given an open event and one applicant
    event = event_create(scheme=scheme_create(units=1))
    worker = UserFactory()

    def apply():
        return _outcome(
            lambda: services.application_submit(
                event=event,
                applicant=worker,
                purpose="rpl",
                optional_unit_ids=[],
                documents={"id_card": pdf_upload()},
                particulars=PARTICULARS,
            )
        )

    # when two submissions arrive at the same moment
    outcomes = race([apply, apply])
    # then one is kept and the other is refused as a second application
    assert sorted(outcomes) == ["done", "twice"]
    assert Application.objects.filter(applicant=worker).count() == 1


def test_accepting_twice_at_once_makes_one_candidacy():
    # given a submitted application and a certification admin
    application = application_create(event=event_create(scheme=scheme_create(units=1)))
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="change_candidacy"))
    staff = type(staff).objects.get(pk=staff.pk)

    def accept():
        return _outcome(lambda: services.application_accept(application=application, by=staff))

    # when two accepts arrive at the same moment, then one is done and the other finds nothing waiting
    assert sorted(race([accept, accept])) == ["done", "not_submitted"]
    assert Candidacy.objects.filter(candidate=application.applicant).count() == 1
