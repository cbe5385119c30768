"""The one fact the assessments plugin announces upward.

``candidate_competent`` is sent once per candidacy, after the transaction that signed off a *Kompeten*
recommendation commits. Arguments: ``candidacy_id`` (int). Receivers must only enqueue work.
"""

from django.dispatch import Signal

candidate_competent = Signal()
