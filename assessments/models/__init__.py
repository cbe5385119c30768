"""Models of the assessments plugin: competency standards, the question bank, exams and attempts."""

from assessments.models.questions import Question, QuestionOption, QuestionTag, QuestionVersion
from assessments.models.standards import (
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    CourseUnit,
    Element,
    PerformanceCriterion,
    SchemeUnit,
)

__all__ = [
    "CertificationScheme",
    "CompetencyStandard",
    "CompetencyUnit",
    "CourseUnit",
    "Element",
    "PerformanceCriterion",
    "Question",
    "QuestionOption",
    "QuestionTag",
    "QuestionVersion",
    "SchemeUnit",
]
