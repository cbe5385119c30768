"""Question types: the frozen snapshot (its format, its random keys, what counts as a change) and the registry."""

import json
import re
from decimal import Decimal

import pytest

from assessments.models import Question, QuestionOption
from assessments.questions.types import (
    QUESTION_TYPES,
    clean_answer,
    grade,
    public_view,
    question_snapshot,
    snapshot_changed,
)
from tests.assessments.questions.factories import (
    ALL_TYPES,
    example_fields,
    key,
    question_create,
    snapshot_build,
    without_keys,
)

# --- snapshots -----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_snapshot_has_the_documented_format():
    # given a question with every kind of setting and options saved out of order
    question = question_create(
        type=Question.Type.MULTIPLE,
        stem="<p>Mana yang benar?</p>",
        points=Decimal("2"),
        general_feedback="<p>Lihat modul 2.</p>",
        partial_credit=Question.PartialCredit.PROPORTIONAL,
        regex="ohm",
        numeric_answer=Decimal("12.5"),
        numeric_tolerance=Decimal("0.1"),
        units_text="V",
        file_extensions=" PDF, .jpg,,jpeg ,pdf",
        file_max_mb=5,
    )
    QuestionOption.objects.create(question=question, sort_order=2, text="<p>C</p>", match_text="c")
    QuestionOption.objects.create(
        question=question, sort_order=0, text="<p>A</p>", is_correct=True, fraction=Decimal("0.5"), feedback="fa"
    )
    QuestionOption.objects.create(question=question, sort_order=1, text="<p>B</p>")

    # when
    data = question_snapshot(Question.objects.get(pk=question.pk))

    # then
    assert without_keys(data) == {
        "type": "multiple",
        "stem": "<p>Mana yang benar?</p>",
        "points": "2.00",
        "general_feedback": "<p>Lihat modul 2.</p>",
        "options": [
            {"text": "<p>A</p>", "correct": True, "fraction": "0.5000", "feedback": "fa", "match": ""},
            {"text": "<p>B</p>", "correct": False, "fraction": None, "feedback": "", "match": ""},
            {"text": "<p>C</p>", "correct": False, "fraction": None, "feedback": "", "match": "c"},
        ],
        "partial_credit": "proportional",
        "true_false_answer": None,
        "true_false_feedback": {"true": "", "false": ""},
        "case_sensitive": False,
        "regex": "ohm",
        "numeric": {"answer": "12.500000", "tolerance": "0.100000", "units": "V"},
        "file": {"extensions": ["pdf", "jpg", "jpeg"], "max_mb": 5},
    }
    assert json.loads(json.dumps(data)) == data


@pytest.mark.django_db
def test_snapshot_keys_are_short_random_url_safe_and_all_distinct():
    # given
    question = question_create(**example_fields("matching"))

    # when
    first, second = question_snapshot(question), question_snapshot(question)

    # then every key and match key differs from every other, and a new snapshot draws new keys
    first_keys = [o[name] for o in first["options"] for name in ("key", "match_key")]
    second_keys = [o[name] for o in second["options"] for name in ("key", "match_key")]
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{8}", k) for k in first_keys)
    assert len(set(first_keys)) == len(first_keys) == 8
    assert set(first_keys).isdisjoint(second_keys)


@pytest.mark.django_db
def test_snapshot_changed_ignores_the_random_keys():
    question = question_create(**example_fields("matching"))

    first, second = question_snapshot(question), question_snapshot(question)

    assert first != second
    assert not snapshot_changed(first, second)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "edit",
    [
        lambda q: QuestionOption.objects.filter(question=q, sort_order=0).update(text="<p>Bogor</p>"),
        lambda q: QuestionOption.objects.filter(question=q, sort_order=2).update(is_correct=True),
        lambda q: QuestionOption.objects.filter(question=q, sort_order=1).update(feedback="Baru"),
        lambda q: QuestionOption.objects.filter(question=q, sort_order=0).update(sort_order=9),
        lambda q: QuestionOption.objects.filter(question=q, sort_order=0).delete(),
        lambda q: Question.objects.filter(pk=q.pk).update(points=Decimal("3")),
        lambda q: Question.objects.filter(pk=q.pk).update(general_feedback="<p>Baru</p>"),
        lambda q: Question.objects.filter(pk=q.pk).update(stem="<p>Baru?</p>"),
    ],
    ids=[
        "option text",
        "correct flag",
        "option feedback",
        "option order",
        "option removed",
        "points",
        "feedback",
        "stem",
    ],
)
def test_snapshot_changed_sees_every_edit(edit):
    # given
    question = question_create(**example_fields("single"))
    before = question_snapshot(question)

    # when
    edit(question)
    after = question_snapshot(Question.objects.get(pk=question.pk))

    # then
    assert snapshot_changed(before, after)


@pytest.mark.django_db
def test_snapshot_reads_the_options_in_one_query_or_none_when_prefetched(django_assert_num_queries):
    question = question_create(**example_fields("ordering"))
    fresh = Question.objects.get(pk=question.pk)
    prefetched = Question.objects.prefetch_related("options").get(pk=question.pk)

    with django_assert_num_queries(1):
        question_snapshot(fresh)
    with django_assert_num_queries(0):
        data = question_snapshot(prefetched)
    assert len(data["options"]) == 4


@pytest.mark.django_db
@pytest.mark.parametrize("question_type", ALL_TYPES)
def test_snapshot_built_in_memory_equals_the_saved_one(question_type):
    # the factories' snapshot_build is what pure grading tests rely on
    saved = question_snapshot(Question.objects.get(pk=question_create(**example_fields(question_type)).pk))

    assert not snapshot_changed(saved, snapshot_build(**example_fields(question_type)))


@pytest.mark.django_db
def test_editing_a_question_never_changes_a_past_grade():
    # given a frozen version and an answer that was right for it
    question = question_create(**example_fields("single"))
    frozen = question_snapshot(question)
    answer = clean_answer(frozen, {"choice": key(frozen, 0)})

    # when the author moves the right answer to another option
    QuestionOption.objects.filter(question=question).update(is_correct=False)
    QuestionOption.objects.filter(question=question, sort_order=1).update(is_correct=True)
    edited = question_snapshot(Question.objects.get(pk=question.pk))

    # then the past answer is still graded right, and the edit makes a new version
    assert grade(frozen, answer).correct is True
    assert snapshot_changed(frozen, edited)


# --- the registry --------------------------------------------------------------------------------------------------


def test_every_question_type_has_a_handler():
    assert set(QUESTION_TYPES) == set(Question.Type.values)


def test_a_snapshot_of_an_unknown_type_is_a_bug_not_a_bad_answer():
    data = {**snapshot_build(**example_fields("single")), "type": "hologram"}

    with pytest.raises(ValueError, match="Unknown question type"):
        clean_answer(data, {})
    with pytest.raises(ValueError):
        public_view(data)
