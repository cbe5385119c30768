"""Question types: the snapshot a question version freezes, what a trainee may see, how an answer is checked and
how it is graded. Grading reads the snapshot only, never the live ``Question``, so editing a question never
changes a past grade.

Snapshot format (``QuestionVersion.data``, built by ``question_snapshot``)::

    {
      "type": "single",                 # Question.Type value
      "stem": "<p>...</p>",              # rich text (Wagtail database HTML: render with |richtext)
      "points": "1.00",                  # Decimal as text, 2 places
      "general_feedback": "<p>...</p>",  # rich text, may be ""
      "options": [                       # ordered by sort_order
        {
          "key": "Xy3_k-9a",             # random, fresh in every snapshot (secrets.token_urlsafe(6))
          "text": "<p>...</p>",          # rich text
          "correct": false,
          "fraction": "0.5000" | null,   # Decimal as text, 4 places
          "feedback": "...",             # plain text, may be ""
          "match": "...",                # plain text, may be ""
          "match_key": "Pq0-zZ1b"        # random as well; every key of a snapshot is distinct
        }
      ],
      "partial_credit": "all" | "proportional",
      "true_false_answer": true | false | null,
      "true_false_feedback": {"true": "...", "false": "..."},  # plain text each; absent from older snapshots
      "case_sensitive": false,
      "regex": "",
      "numeric": {"answer": "12.500000" | null, "tolerance": "0.000000", "units": "V"},
      "file": {"extensions": ["pdf", "jpg"], "max_mb": 10}
    }

Every snapshot carries every field whatever the type. Keys are random so that they reveal nothing: not the
author's order, not which option is right, not which match belongs to which item. ``snapshot_changed`` compares
two snapshots without their keys, so saving an unchanged question need not make a new version.

What the options mean per type:

- ``single`` / ``multiple`` — choices; ``correct`` marks the right ones. Multiple response with partial credit
  ``proportional`` uses the options' ``fraction`` when any option has one (a missing fraction counts 0), otherwise
  (right chosen / all right) - (wrong chosen / all wrong). ``all`` ignores fractions: the chosen set must equal
  the set marked correct.
- ``short`` — every option is an accepted answer (its text with the HTML stripped), plus ``regex`` if set.
  Answers are compared after stripping, collapsing inner whitespace, Unicode NFC and, unless ``case_sensitive``,
  casefolding. The regex must match the whole (whitespace-collapsed) answer; it ignores case unless
  ``case_sensitive``.
- ``numeric`` — right when |value - answer| ≤ tolerance, computed with ``Decimal``.
- ``matching`` — every option with a text is an item; its ``match`` is the right match. An option with an empty
  text and a match is a distractor (an extra wrong match). Matches with the same text are shown once and are
  interchangeable: a pair is right when the chosen match's text equals the item's match text. An item without
  a match can never be right (the editor should not allow one). Score: points * right pairs / items.
- ``ordering`` — the options in their snapshot order are the right order; all or nothing (items with the same
  text are interchangeable).
- ``truefalse`` — ``true_false_answer``. ``essay`` and ``file`` are graded by an assessor.

Orders shown to a trainee (``public_view``): an attempt freezes ``option_order`` (a permutation of
``option_keys(data)``, e.g. from ``shuffled_option_order``) and, for matching, ``match_order`` (a permutation of
``match_keys(data)``, from ``shuffled_match_order``). ``None`` or ``[]`` means "not frozen": choices and matching
items then follow the snapshot order; ordering items and matches are sorted by their random keys instead (never
the snapshot order, which is the answer; that order is the same for every attempt at the version).

Answer payloads (``clean_answer``; ``{}`` always means "no answer", and so does each ``null`` / empty form below):

- single ``{"choice": key | null}``; multiple ``{"choices": [key, ...]}`` (unique, known; ``[]`` = no answer)
- truefalse ``{"value": true | false | null}``
- short ``{"text": str}`` (≤ 500 characters; blank = no answer)
- numeric ``{"value": str | number | null}``: ``12``, ``12.5``, ``"12.5"``, ``"12,5"`` (a single comma is the decimal
  separator, so ``"1,234"`` is 1.234), optional sign; no thousands separators, exponents, blanks, NaN or infinity;
  at most 40 characters.
- essay ``{"text": str}`` (≤ 20,000 characters; blank = no answer)
- matching ``{"pairs": {item_key: match_key | null}}`` (partial answers allowed)
- ordering ``{"order": [key, ...]}`` (a permutation of every item key; ``[]`` = no answer)
- file ``{"file_id": int | null}`` (the caller must check that the file belongs to the attempt)

Unknown or extra fields, wrong JSON types, unknown keys, duplicates and oversized input raise ``AnswerInvalid`` —
nothing else. The cleaned answer has the same shape (and cleaning it again returns it unchanged); store it.

Grading (``grade``): score quantised to 0.01; ``correct`` is true only for full credit. No answer scores 0 with
``correct`` false — for essay and file too: an empty essay or a missing file is not sent to an assessor.
An answered essay or file scores 0 with ``needs_manual`` true and ``correct`` None. ``Grade.feedback`` holds the
feedback of the chosen options (single, multiple), of the answer given (true/false) or the matched accepted answer
(short), escaped to HTML, then
the general feedback (rich text): render each with ``|richtext`` and only after submission.
"""

from assessments.questions.types.api import (
    clean_answer,
    clean_answer_json,
    grade,
    match_keys,
    option_keys,
    public_view,
    question_type,
    shuffled_match_order,
    shuffled_option_order,
)
from assessments.questions.types.base import (
    ESSAY_MAX_CHARS,
    FILE_ID_MAX,
    NUMBER_MAX_CHARS,
    SHORT_TEXT_MAX_CHARS,
    Answer,
    AnswerInvalid,
    Grade,
    QuestionType,
    Snapshot,
)
from assessments.questions.types.patterns import REGEX_MAX_CHARS, REGEX_MAX_OPEN_REPEATS, regex_problem
from assessments.questions.types.registry import QUESTION_TYPES
from assessments.questions.types.snapshots import question_snapshot, snapshot_changed

__all__ = [
    "ESSAY_MAX_CHARS",
    "FILE_ID_MAX",
    "NUMBER_MAX_CHARS",
    "QUESTION_TYPES",
    "REGEX_MAX_CHARS",
    "REGEX_MAX_OPEN_REPEATS",
    "SHORT_TEXT_MAX_CHARS",
    "Answer",
    "AnswerInvalid",
    "Grade",
    "QuestionType",
    "Snapshot",
    "clean_answer",
    "clean_answer_json",
    "grade",
    "match_keys",
    "option_keys",
    "public_view",
    "question_snapshot",
    "question_type",
    "regex_problem",
    "shuffled_match_order",
    "shuffled_option_order",
    "snapshot_changed",
]
