"""Models of the assessments plugin: competency standards, the question bank, exams and attempts."""

from assessments.competency.models import (
    AssessmentEvent,
    AssessorRegistration,
    Candidacy,
    DecisionHistory,
    EventReportFile,
    EvidenceRecord,
    Notice,
    SelfAssessment,
    UnitVerdict,
    Verdict,
)
from assessments.exams.models import Attempt, AttemptItem, Response, ResponseFile
from assessments.exams.pages import ExamFixedQuestion, ExamPage, ExamRule
from assessments.questions.models import Question, QuestionOption, QuestionTag, QuestionVersion
from assessments.standards.models import (
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    CourseUnit,
    Element,
    PerformanceCriterion,
    SchemeUnit,
)

__all__ = [
    "AssessmentEvent",
    "AssessorRegistration",
    "Attempt",
    "AttemptItem",
    "Candidacy",
    "CertificationScheme",
    "CompetencyStandard",
    "CompetencyUnit",
    "CourseUnit",
    "DecisionHistory",
    "Element",
    "EventReportFile",
    "EvidenceRecord",
    "ExamFixedQuestion",
    "ExamPage",
    "ExamRule",
    "Notice",
    "PerformanceCriterion",
    "Question",
    "QuestionOption",
    "QuestionTag",
    "QuestionVersion",
    "Response",
    "ResponseFile",
    "SchemeUnit",
    "SelfAssessment",
    "UnitVerdict",
    "Verdict",
]
