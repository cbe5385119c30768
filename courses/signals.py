"""The one fact the courses plugin announces upward.

``course_completed`` is sent once, by the completion service, after the transaction that recorded the
completion commits. Arguments: ``enrolment_id`` (int). Receivers must only enqueue work.
"""

from django.dispatch import Signal

course_completed = Signal()
