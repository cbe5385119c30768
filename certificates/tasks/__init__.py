"""Certificate work in the task queue. Tasks take ids, call a service, retry with bounds; all are idempotent.

One module per kind of work. Each imports the service it calls at the top; a service that enqueues a task imports
that task's module at the top (``services.issuing`` → ``tasks.rendering``), and no task module is imported by the
service it calls, so the imports form no loop. This package imports none of its modules (that would close the
loop): ``CertificatesConfig.ready`` loads them, which registers the tasks in every process (web, worker, beat) under
their historical names (``certificates.tasks.<name>``, kept by ``name=``: queued messages and the beat schedule use
them).
"""
