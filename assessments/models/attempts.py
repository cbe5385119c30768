"""Only for the migrations: 0003 and 0009 name the upload path of exam evidence by this module's path
(``assessments.models.attempts._evidence_path``). The models live in ``assessments.exams.models``."""

from assessments.exams.models import _evidence_path

__all__ = ["_evidence_path"]
