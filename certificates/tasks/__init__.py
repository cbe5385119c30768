"""Certificate work in the task queue. Tasks take ids, call a service, retry with bounds; all are idempotent.

One module per kind of work, one style in every plugin (STYLE): a task imports its service inside its body, and a
service that enqueues a task imports it at the top under a ``_task`` name (``services.issuing`` →
``tasks.rendering.certificate_render as certificate_render_task``), so the two never form a loop at import time.
Those function-local imports are the documented exceptions of these modules (``noqa: PLC0415 — STYLE``).
``CertificatesConfig.ready`` loads the modules, which registers the tasks in every process (web, worker, beat) under
their historical names (``certificates.tasks.<name>``, kept by ``name=``: queued messages and the beat schedule use
them).
"""
