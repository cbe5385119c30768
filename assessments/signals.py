"""The one fact the assessments plugin announces upward.

``candidate_competent`` is sent once per certification decision, after the transaction that recorded the
committee's decision to certify commits (``assessments.competency.decision``; the assessor's sign-off is only the
recommendation). Arguments: ``candidacy_id`` (int). Receivers must only enqueue work.
"""

from django.dispatch import Signal

candidate_competent = Signal()
