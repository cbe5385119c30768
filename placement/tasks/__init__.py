"""Background work of the placement plugin, one module per concern: ``notices`` (the pipeline's e-mail) and
``tracer`` (the tracer study's beat task and survey e-mail). Celery's autodiscovery imports this package, which
imports both. Each task keeps the name it had before the package existed (``name=``): the beat schedule and messages
already queued use it.

A task imports its service inside its body, and the service imports the task at the top (STYLE): the two never form
a loop at import time. These are the documented function-local imports of this package (``noqa: PLC0415``).
"""

from placement.tasks import notices, tracer

__all__ = ["notices", "tracer"]
