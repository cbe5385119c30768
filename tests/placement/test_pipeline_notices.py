"""Every move of an application is announced to the people it concerns: an on-site notice at once and one e-mail
each through the task outbox, sent only once the transaction commits, in the recipient's language; and a second
application to one vacancy is refused by the database, even from two connections at once."""

import pytest
from django.apps import apps
from django.core import mail
from django.db import transaction
from django.urls import reverse

from courses.models import OutboxMessage
from courses.outbox import outbox_relay
from placement.models import Application, PlacementNotice
from placement.selectors.notices import notices_for
from placement.services.applications import application_create, application_move
from tests.factories import UserFactory
from tests.placement import factories

pytestmark = pytest.mark.django_db
S = Application.Status
#: The host site's user knows its language and has a dashboard; a bare plugin host has neither.
needs_host = pytest.mark.skipif(not apps.is_installed("lms"), reason="the host site's user model and dashboard")


def test_a_move_is_announced_on_site_and_mailed_once_after_commit(
    django_capture_on_commit_callbacks, tasks_run_in_process
):
    # Given an application (the employer's member was told of it)
    application = factories.application()
    member = application.vacancy.employer.members.first()
    assert list(PlacementNotice.objects.values_list("user_id", "kind")) == [(member.pk, S.APPLIED)]
    mail.outbox.clear()
    # When the employer shortlists it
    with django_capture_on_commit_callbacks(execute=True):
        application_move(application=application, to=S.SHORTLISTED, by=member)
        # Then the seeker's notice exists at once, and no mail leaves before the commit
        assert [n.kind for n in notices_for(application.seeker)] == [S.SHORTLISTED]
        assert mail.outbox == []
    # And after the commit exactly one mail reaches the seeker (not the employer who moved it)
    assert [message.to for message in mail.outbox] == [[application.seeker.email]]
    assert application.vacancy.title in mail.outbox[0].subject
    # And the relay (which hands over the earlier, never-committed "applied" mail) does not send it again
    outbox_relay()
    assert [message.to for message in mail.outbox].count([application.seeker.email]) == 1


def test_a_rolled_back_move_announces_nothing(tasks_run_in_process):
    application = factories.application()
    before = (PlacementNotice.objects.count(), OutboxMessage.objects.count())
    mail.outbox.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        application_move(application=application, to=S.SHORTLISTED, by=application.vacancy.employer.members.first())
        raise RuntimeError("rolled back")
    assert (PlacementNotice.objects.count(), OutboxMessage.objects.count()) == before
    assert mail.outbox == []


@needs_host
def test_the_mail_is_written_in_the_recipients_language(django_capture_on_commit_callbacks, tasks_run_in_process):
    # Given a seeker who reads English and one who reads Indonesian
    vacancy = factories.vacancy(title="Operator Las")
    english = factories.seeker(user=UserFactory(preferred_language="en"))
    indonesian = factories.seeker(user=UserFactory(preferred_language="id"))
    member = vacancy.employer.members.first()
    first = application_create(vacancy=vacancy, seeker=english)
    second = application_create(vacancy=vacancy, seeker=indonesian)
    mail.outbox.clear()
    # When both are shortlisted
    with django_capture_on_commit_callbacks(execute=True):
        application_move(application=first, to=S.SHORTLISTED, by=member)
        application_move(application=second, to=S.SHORTLISTED, by=member)
    # Then each mail speaks its reader's language
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "shortlisted you" in by_address[english.email].body
    assert "shortlisted you" not in by_address[indonesian.email].body


def test_the_withdrawal_tells_the_employer_and_the_notice_shows_until_read(client):
    # Given an application withdrawn by its seeker
    application = factories.application(status=S.WITHDRAWN)
    member = application.vacancy.employer.members.first()
    assert [n.kind for n in notices_for(member)] == [S.WITHDRAWN, S.APPLIED]
    # When the member opens the applicants page, the notice is there; once the application is opened, it is read
    client.force_login(member)
    page = client.get(reverse("placement:vacancy_applicants", args=[application.vacancy_id])).content.decode()
    assert reverse("placement:application_detail", args=[application.pk]) in page
    client.get(reverse("placement:application_detail", args=[application.pk]))
    assert notices_for(member) == []


@needs_host
def test_the_trainee_dashboard_shows_the_pipeline_notices(client):
    application = factories.application(status=S.SHORTLISTED)
    client.force_login(application.seeker)
    page = client.get(reverse("lms:dashboard")).content.decode()
    assert reverse("placement:application_detail", args=[application.pk]) in page


@pytest.mark.parametrize("count", [1, 20])
def test_notices_cost_one_query(count, django_assert_num_queries):
    vacancy = factories.vacancy()
    member = vacancy.employer.members.first()
    for _ in range(count):
        application_create(vacancy=vacancy, seeker=factories.seeker())
    with django_assert_num_queries(1):
        texts = [notice.text() for notice in notices_for(member, limit=50)]
    assert len(texts) == count


def test_the_notices_include_reads_the_notices_itself_when_the_view_did_not(rf):
    # Given a member told of an application, and a page that includes the notices without reading them
    from django.template import Context, Template

    application = factories.application()
    request = rf.get("/")
    request.user = application.vacancy.employer.members.first()
    page = Template('{% include "placement/includes/notices.html" %}').render(Context({"request": request}))
    # Then the notice shows; and given an empty list from the view, nothing is read again
    assert reverse("placement:application_detail", args=[application.pk]) in page
    empty = Template('{% include "placement/includes/notices.html" with notices=none %}')
    assert "notice" not in empty.render(Context({"request": request, "none": []}))
