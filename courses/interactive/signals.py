"""The signal sent after an interaction is recorded, on commit: the hook for learning records (xAPI) and any other
listener. ``interaction_id`` is the ``courses.Interaction`` row; ``created`` says whether this post changed it."""

from django.dispatch import Signal

#: Sent with ``interaction_id`` (int) and ``changed`` (bool: False for a repeated, idempotent post).
interaction_recorded = Signal()
