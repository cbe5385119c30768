"""The question types by their ``Question.Type`` value."""

from __future__ import annotations

from assessments.question_types.base import QuestionType
from assessments.question_types.choice import MultipleResponse, SingleChoice
from assessments.question_types.manual import Essay, FileUpload
from assessments.question_types.matching import Matching
from assessments.question_types.numeric import Numeric
from assessments.question_types.ordering import Ordering
from assessments.question_types.short_text import ShortText
from assessments.question_types.true_false import TrueFalse

QUESTION_TYPES: dict[str, type[QuestionType]] = {
    "single": SingleChoice,
    "multiple": MultipleResponse,
    "truefalse": TrueFalse,
    "short": ShortText,
    "numeric": Numeric,
    "matching": Matching,
    "ordering": Ordering,
    "essay": Essay,
    "file": FileUpload,
}
