"""Issuer scope (issue #18, item 8): an issuer is an LSP P1, P2 or P3 (or a training centre); a P1 LSP certifies
only people who trained at its own institution, enforced where a candidacy is created (an accepted FR.APL.01, a
batch) through ``KOMPETEN_CANDIDACY_SCOPE_CHECKS``. Refused: a clear message, nothing created."""

import pytest
from django.core.exceptions import ValidationError

from assessments.competency.application.services import ApplicationRefused, application_accept
from assessments.competency.services.candidacy import candidacies_from_batch
from assessments.models import Candidacy
from certificates.models import CertificateTemplate, Issuer, SchemeCertificate
from certificates.selectors.scope import candidacy_scope_refusals
from tests.assessments.competency.factories import application_create, event_create, scheme_create
from tests.certificates import factories
from tests.certificates.support.admin import user_with_permissions
from tests.courses import factories as course_factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def scope_checks(settings):
    """The issuer-scope check plugged into assessments, as the host site does (a bare plugin host plugs in none)."""
    settings.KOMPETEN_CANDIDACY_SCOPE_CHECKS = ["certificates.selectors.scope.candidacy_scope_refusals"]


def _event(category: str):
    # Given an event whose scheme is certified by an LSP of this category
    event = event_create(scheme=scheme_create(units=1))
    issuer = factories.issuer_create(code=f"LSP-{category or 'X'}", kind=Issuer.Kind.LSP, lsp_category=category)
    SchemeCertificate.objects.create(
        scheme=event.scheme,
        template=factories.template_create(issuer=issuer, kind=CertificateTemplate.Kind.COMPETENCY),
    )
    return event


def certification_staff_reviewer():
    return user_with_permissions(["assessments.change_candidacy"])


def _trained(user):
    course_factories.enrolment(user=user, course_page=course_factories.course())
    return user


def test_a_p1_lsp_refuses_an_applicant_who_never_trained_here_and_creates_nothing():
    event = _event("P1")
    application = application_create(event=event)
    # When staff accept the FR.APL.01 of an outside worker
    with pytest.raises(ApplicationRefused) as refusal:
        application_accept(application=application, by=certification_staff_reviewer())
    # Then it is refused with the reason, and no candidacy is created
    assert "LSP P1" in refusal.value.messages[0]
    assert refusal.value.code == "out_of_scope"
    assert not Candidacy.objects.filter(event=event).exists()
    application.refresh_from_db()
    assert application.status == "submitted"


def test_a_p1_lsp_accepts_its_own_trainee():
    event = _event("P1")
    application = application_create(event=event, applicant=_trained(UserFactory()))
    candidacy = application_accept(application=application, by=certification_staff_reviewer())
    assert candidacy.candidate_id == application.applicant_id


@pytest.mark.parametrize("category", ["P2", "P3", ""])
def test_p2_and_p3_lsps_certify_outside_workers(category):
    event = _event(category)
    outsider = UserFactory()
    assert candidacy_scope_refusals(event=event, user_ids=[outsider.pk]) == {}


def test_the_p1_check_names_only_the_people_who_never_trained_here():
    event = _event("P1")
    trainee, outsider = _trained(UserFactory()), UserFactory()
    assert set(candidacy_scope_refusals(event=event, user_ids=[trainee.pk, outsider.pk])) == {outsider.pk}


def test_a_batch_of_the_institution_becomes_candidates_of_a_p1_event():
    event = _event("P1")
    course = course_factories.course()
    batch = course_factories.batch(course_page=course)
    course_factories.enrolment(user=UserFactory(), course_page=course, batch=batch)
    assert len(candidacies_from_batch(event=event, batch=batch)) == 1


def test_a_training_centre_has_no_lsp_category():
    issuer = factories.issuer_create(code="STC-X", kind=Issuer.Kind.TRAINING_CENTRE)
    issuer.lsp_category = "P1"
    with pytest.raises(ValidationError):
        issuer.full_clean()
