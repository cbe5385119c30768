"""The question bank in the Wagtail admin: list with filters, editing, and the trainee's-eye preview."""

import pytest
from django.urls import reverse

from assessments.models import Question
from tests.assessments.questions.factories import example_fields, question_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_the_list_costs_the_same_queries_with_1_or_20_questions(admin_client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("wagtailsnippets_assessments_question:list")
    question_create(**example_fields("essay"))  # filtered out below
    question_create(**example_fields("single"))
    admin_client.get(url, {"type": "single"})  # warm Wagtail's per-process caches
    with CaptureQueriesContext(connection) as one_row:
        response = admin_client.get(url, {"type": "single"})
    assert len(response.context["object_list"]) == 1
    for _ in range(19):
        question_create(**example_fields("single"))
    with django_assert_num_queries(len(one_row)):
        response = admin_client.get(url, {"type": "single"})
    assert len(response.context["object_list"]) == 20


def test_the_list_filters_by_tag(admin_client):
    tagged = question_create(**example_fields("single"))
    tagged.tags.add("k3")
    tagged.save()
    question_create(**example_fields("single"))
    response = admin_client.get(reverse("wagtailsnippets_assessments_question:list"), {"tag": "K3"})
    assert [q.pk for q in response.context["object_list"]] == [tagged.pk]


@pytest.mark.parametrize(
    "kind", ["single", "multiple", "truefalse", "short", "numeric", "matching", "ordering", "essay"]
)
def test_the_preview_shows_the_question_without_its_answers(admin_client, kind):
    question = question_create(**example_fields(kind))
    response = question.serve_preview(_request(admin_client), question.default_preview_mode)
    response.render()
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="question"' in html
    for option in question.options.all():
        if option.feedback:
            assert option.feedback not in html
    if question.numeric_answer is not None:
        assert str(question.numeric_answer.normalize()) not in html


def _request(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    return request


def test_the_edit_form_opens(admin_client):
    question = question_create(**example_fields("matching"))
    response = admin_client.get(reverse("wagtailsnippets_assessments_question:edit", args=[question.pk]))
    assert response.status_code == 200
    assert 'name="options-TOTAL_FORMS"' in response.content.decode()


def test_an_invalid_regex_is_refused_with_a_message(admin_client):
    question = question_create(**example_fields("short"))
    question.regex = "(unclosed"
    with pytest.raises(Exception) as error:
        question.full_clean()
    assert "regex" in str(error.value)
    assert Question.objects.get(pk=question.pk).regex == ""


def test_the_question_chooser_searches_by_the_start_of_a_word_without_a_warning(admin_client, recwarn):
    # Given a question whose text names a sewing machine
    question = question_create(**example_fields("single"))
    Question.objects.filter(pk=question.pk).update(name="Perawatan mesin jahit", stem="<p>Kapan jarum diganti?</p>")
    question.refresh_from_db()
    question.save()  # (re)index it
    # When an author types the start of a word in the question chooser
    response = admin_client.get(reverse("wagtailsnippetchoosers_assessments_question:choose_results"), {"q": "jah"})
    # Then the question is found, and Wagtail does not warn that the model has no AutocompleteField
    assert response.status_code == 200
    assert question.pk in [row.pk for row in response.context["results"]]
    assert not [w for w in recwarn if "AutocompleteField" in str(w.message)]
