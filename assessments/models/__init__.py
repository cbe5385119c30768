"""Models of the assessments plugin: competency standards, the question bank, exams and attempts."""

from assessments.competency.adjustments.models import ReasonableAdjustment
from assessments.competency.appeals.models import Appeal, Complaint
from assessments.competency.application.models import (
    Apl02Recommendation,
    Application,
    ApplicationDocument,
    AssessmentPlan,
    Consent,
    PlanRow,
    SchemeDocumentRequirement,
)
from assessments.competency.decision.models import CertificationDecision
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
from assessments.competency.reviews.models import InstrumentReview, ProcessReview
from assessments.exams.models import Attempt, AttemptItem, ExamOverride, Response, ResponseFile
from assessments.exams.pages import ExamFixedQuestion, ExamPage, ExamRule
from assessments.questions.models import Question, QuestionOption, QuestionTag, QuestionVersion
from assessments.standards.models import (
    CertificationScheme,
    CompetencyStandard,
    CompetencyUnit,
    CourseUnit,
    Element,
    LessonUnit,
    PerformanceCriterion,
    SchemeUnit,
)

__all__ = [
    "Apl02Recommendation",
    "Appeal",
    "Application",
    "ApplicationDocument",
    "AssessmentEvent",
    "AssessmentPlan",
    "AssessorRegistration",
    "Attempt",
    "AttemptItem",
    "Candidacy",
    "CertificationDecision",
    "CertificationScheme",
    "CompetencyStandard",
    "CompetencyUnit",
    "Complaint",
    "Consent",
    "CourseUnit",
    "DecisionHistory",
    "Element",
    "EventReportFile",
    "EvidenceRecord",
    "ExamFixedQuestion",
    "ExamOverride",
    "ExamPage",
    "ExamRule",
    "InstrumentReview",
    "LessonUnit",
    "Notice",
    "PerformanceCriterion",
    "PlanRow",
    "ProcessReview",
    "Question",
    "QuestionOption",
    "QuestionTag",
    "QuestionVersion",
    "ReasonableAdjustment",
    "Response",
    "ResponseFile",
    "SchemeDocumentRequirement",
    "SchemeUnit",
    "SelfAssessment",
    "UnitVerdict",
    "Verdict",
]
