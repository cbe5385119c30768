"""The question types by their ``Question.Type`` value."""

from __future__ import annotations

from assessments.questions.types.base import QuestionType
from assessments.questions.types.choice import MultipleResponse, SingleChoice
from assessments.questions.types.manual import Essay, FileUpload
from assessments.questions.types.matching import Matching
from assessments.questions.types.numeric import Numeric
from assessments.questions.types.ordering import Ordering
from assessments.questions.types.short_text import ShortText
from assessments.questions.types.true_false import TrueFalse

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
