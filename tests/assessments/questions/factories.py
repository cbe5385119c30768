"""Builders for question-bank rows, for any assessments test. Nothing here imports ``lms``.

- ``question_create(type=..., options=[...], **fields)`` saves a Question and its QuestionOption rows.
- ``question_build(...)`` makes the same question in memory (options held by modelcluster), no database needed;
  ``snapshot_build(...)`` turns it into a snapshot dict for pure grading tests.
- ``example_fields(type)`` gives a small, valid question of each type, e.g.
  ``question_create(**example_fields("matching"))``.

An option is a text (rich text) or a dict of QuestionOption fields, e.g. ``option("<p>Jakarta</p>", correct=True)``.
"""

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import factory

from assessments.models import Question, QuestionOption
from assessments.questions.types import Grade, clean_answer, grade, question_snapshot

OptionSpec = str | dict[str, Any]


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    name = factory.Sequence(lambda n: f"Soal {n}")
    type = Question.Type.SINGLE
    stem = "<p>Pilih jawaban yang benar.</p>"
    points = Decimal("1.00")


class QuestionOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionOption

    question = factory.SubFactory(QuestionFactory)
    sort_order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"<p>Pilihan {n}</p>")


def option(
    text: str,
    *,
    correct: bool = False,
    fraction: Decimal | str | None = None,
    feedback: str = "",
    match: str = "",
) -> dict[str, Any]:
    """The fields of one QuestionOption, under the model's names."""
    return {
        "text": text,
        "is_correct": correct,
        "fraction": None if fraction is None else Decimal(fraction),
        "feedback": feedback,
        "match_text": match,
    }


def _option_fields(spec: OptionSpec) -> dict[str, Any]:
    return option(spec) if isinstance(spec, str) else dict(spec)


def question_create(*, type: str = Question.Type.SINGLE, options: Iterable[OptionSpec] = (), **fields) -> Question:
    """A saved question with its options in the given order (sort_order 0, 1, ...)."""
    question = QuestionFactory(type=type, **fields)
    for sort_order, spec in enumerate(options):
        QuestionOption.objects.create(question=question, sort_order=sort_order, **_option_fields(spec))
    return question


def question_build(*, type: str = Question.Type.SINGLE, options: Iterable[OptionSpec] = (), **fields) -> Question:
    """The same question as ``question_create``, unsaved: no database is touched."""
    fields = {"name": "Soal", "stem": "<p>Pilih jawaban yang benar.</p>", "points": Decimal("1.00"), **fields}
    return Question(
        type=type,
        options=[
            QuestionOption(sort_order=sort_order, **_option_fields(spec)) for sort_order, spec in enumerate(options)
        ],
        **fields,
    )


def snapshot_build(*, type: str = Question.Type.SINGLE, options: Iterable[OptionSpec] = (), **fields) -> dict:
    """The snapshot of ``question_build(...)``: exactly what ``question_snapshot`` makes of a saved question."""
    return question_snapshot(question_build(type=type, options=options, **fields))


def example_fields(type: str) -> dict[str, Any]:
    """Keyword arguments for ``question_create`` / ``question_build`` / ``snapshot_build``: a valid question."""
    examples: dict[str, dict[str, Any]] = {
        "single": {
            "stem": "<p>Ibu kota Indonesia?</p>",
            "options": [
                option("<p>Jakarta</p>", correct=True, feedback="Benar."),
                option("<p>Bandung</p>", feedback="Bandung ibu kota Jawa Barat."),
                option("<p>Surabaya</p>"),
            ],
        },
        "multiple": {
            "stem": "<p>Mana yang termasuk APD?</p>",
            "points": Decimal("2.00"),
            "partial_credit": Question.PartialCredit.PROPORTIONAL,
            "options": [
                option("<p>Helm</p>", correct=True),
                option("<p>Sarung tangan</p>", correct=True),
                option("<p>Obeng</p>", feedback="Obeng adalah alat kerja."),
                option("<p>Tang</p>"),
            ],
        },
        "truefalse": {"stem": "<p>Arus listrik diukur dalam ampere.</p>", "true_false_answer": True},
        "short": {
            "stem": "<p>Satuan hambatan listrik?</p>",
            "options": [option("<p>ohm</p>", feedback="Benar."), option("<p>&Omega;</p>")],
        },
        "numeric": {
            "stem": "<p>Tegangan pada rangkaian?</p>",
            "numeric_answer": Decimal("12.5"),
            "numeric_tolerance": Decimal("0.1"),
            "units_text": "V",
        },
        "matching": {
            "stem": "<p>Pasangkan besaran dengan satuannya.</p>",
            "options": [
                option("<p>Tegangan</p>", match="volt"),
                option("<p>Arus</p>", match="ampere"),
                option("<p>Hambatan</p>", match="ohm"),
                option("", match="watt"),
            ],
        },
        "ordering": {
            "stem": "<p>Urutkan langkah kerja.</p>",
            "options": ["<p>Matikan MCB</p>", "<p>Uji tegangan</p>", "<p>Pasang kabel</p>", "<p>Nyalakan MCB</p>"],
        },
        "essay": {"stem": "<p>Jelaskan prosedur LOTO.</p>", "points": Decimal("5.00")},
        "file": {
            "stem": "<p>Unggah foto panel.</p>",
            "file_extensions": "pdf, .JPG,png",
            "file_max_mb": 5,
        },
    }
    return {"type": type, **examples[type]}


# --- for the question-type tests: every type, and the keys and grades of a snapshot ---
ALL_TYPES = list(Question.Type.values)


def key(data: dict, index: int) -> str:
    return data["options"][index]["key"]


def match_key(data: dict, index: int) -> str:
    return data["options"][index]["match_key"]


def without_keys(data: dict) -> dict:
    return {
        **data,
        "options": [{k: v for k, v in o.items() if k not in ("key", "match_key")} for o in data["options"]],
    }


def graded(data: dict, raw: dict) -> Grade:
    return grade(data, clean_answer(data, raw))
