"""The facts the assessments plugin announces upward.

``candidate_competent`` is sent once per certification decision, after the transaction that recorded the
committee's decision to certify commits (``assessments.competency.decision``; the assessor's sign-off is only the
recommendation). Arguments: ``candidacy_id`` (int).

``decision_overturned`` is sent when an appeal panel overturns a certification decision
(``assessments.competency.appeals``), *inside* the transaction that records the hearing, so that work a receiver
enqueues through the task outbox commits with the hearing or not at all. Arguments: ``candidacy_id`` (int),
``appeal_id`` (int), ``heard_by_id`` (the user who recorded the hearing), ``overturned_at`` (an aware datetime: what
rested on the decision before it no longer stands).

Receivers must only enqueue work.
"""

from django.dispatch import Signal

candidate_competent = Signal()
decision_overturned = Signal()
