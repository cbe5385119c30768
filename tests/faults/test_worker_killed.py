"""A Celery worker killed in the middle of rendering a certificate: once a worker runs again, the certificate is
rendered — exactly once, one PDF whose SHA-256 is the one recorded — and no message is left behind.

The render task is ``acks_late`` and ``reject_on_worker_lost``: the broker message is acknowledged only when the
task is done. Killing the pool process makes the worker reject the message back onto its queue at once; killing
the whole worker leaves it unacknowledged in Redis, which hands it to the next worker after the visibility timeout
(``CELERY_VISIBILITY_TIMEOUT``, an hour in production, a few seconds for the worker here).

Each test has its own redis-server as broker and its own worker on its own queue, against pytest's test database.
"""

import hashlib
import os
import re
import signal
import time
import uuid

import pytest
import redis
from django.db import connection
from django.utils import timezone

from certificates.models import Certificate
from tests.faults import processes

pytestmark = [pytest.mark.faults, processes.skip_unless_postgres_leg, pytest.mark.django_db(transaction=True)]

UNITS = 300  # a certificate listing 300 units of competency: several pages, a couple of seconds to render
RENDER = "certificates.tasks.certificate_render"
VISIBILITY_TIMEOUT = 4


def _scheme_with_units(count: int):
    """A certification scheme of ``count`` units, made in bulk (one by one, 300 units take a while to insert)."""
    from assessments.models import CertificationScheme, CompetencyStandard, CompetencyUnit, SchemeUnit

    standard = CompetencyStandard.objects.create(title="SKKNI Industri Garmen", decree_number="KEP.FAULTS/2026")
    scheme = CertificationScheme.objects.create(title="Operator Garmen Lengkap", number="SKM-FAULTS", kkni_level=2)
    units = CompetencyUnit.objects.bulk_create(
        CompetencyUnit(
            standard=standard,
            code=f"C.141220.{n:03d}.01",
            title=f"Mengoperasikan mesin jahit dan memeriksa hasil jahitan bagian {n}",
            sort_order=n,
        )
        for n in range(1, count + 1)
    )
    SchemeUnit.objects.bulk_create(SchemeUnit(scheme=scheme, unit=unit, sort_order=n) for n, unit in enumerate(units))
    return scheme


@pytest.fixture
def slow_certificate():
    """An issued competency certificate that is not rendered yet (issued with the render run here, then unrendered,
    so that the render enqueued on issue goes to no other worker)."""
    from celery import current_app

    from certificates.services.issuing import certificate_issue_for_candidacy
    from tests.assessments.competency.factories import event_create
    from tests.certificates import factories

    candidacy = factories.competent_candidacy(event=event_create(scheme=_scheme_with_units(UNITS)))
    eager = current_app.conf.task_always_eager
    current_app.conf.task_always_eager = True
    try:
        certificate = certificate_issue_for_candidacy(candidacy_id=candidacy.pk)
    finally:
        current_app.conf.task_always_eager = eager
    assert len(certificate.achievement["units"]) == UNITS
    Certificate.objects.filter(pk=certificate.pk).update(rendered_at=None, pdf="", pdf_sha256="")
    return certificate


@pytest.fixture
def fault_worker(scratch, redis_server):
    """Start a worker (a new one each call, same queue, broker and files) with extra environment variables."""
    queue = f"faults-{uuid.uuid4().hex[:10]}"
    media = scratch / "media"
    media.mkdir()
    started: list[processes.CeleryWorker] = []

    def start(**environ: str) -> processes.CeleryWorker:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="tests.faults.worker_settings",
            DATABASE_URL=processes.pg_url(connection.settings_dict),
            CELERY_BROKER_URL=redis_server.url(0),
            CELERY_RESULT_BACKEND=redis_server.url(1),
            REDIS_URL=redis_server.url(2),
            KOMPETEN_FAULTS_MEDIA_ROOT=str(media),
            **environ,
        )
        worker = processes.CeleryWorker(queue=queue, env=env, log=scratch / f"worker-{len(started) + 1}.log")
        started.append(worker)
        worker.start()
        return worker

    start.queue, start.media, start.broker_url = queue, media, redis_server.url(0)
    start.broker = redis.Redis.from_url(start.broker_url)
    yield start
    for worker in started:
        worker.stop()


def _send_render(certificate_id: int, fault_worker) -> None:
    from celery import current_app

    from certificates.tasks.rendering import certificate_render

    with current_app.connection_for_write(fault_worker.broker_url) as conn:
        certificate_render.apply_async(
            kwargs={"certificate_id": certificate_id}, queue=fault_worker.queue, connection=conn
        )


def _started(worker: processes.CeleryWorker, *, after: int = 0):
    match = worker.wait_for(processes.CeleryWorker.STARTED, timeout=30, after=after)
    assert match["name"] == RENDER
    return match


def _kill_mid_render(certificate: Certificate, pid: int) -> None:
    time.sleep(0.3)  # into the rendering, long before it ends
    assert not Certificate.objects.filter(pk=certificate.pk, rendered_at__isnull=False).exists(), "render too fast"
    os.kill(pid, signal.SIGKILL)


def _wait_rendered(certificate: Certificate, timeout: float) -> Certificate:
    processes.wait_until(
        lambda: Certificate.objects.filter(pk=certificate.pk, rendered_at__isnull=False).exists(),
        timeout=timeout,
        interval=0.2,
        what="the certificate rendered",
    )
    return Certificate.objects.get(pk=certificate.pk)


def _assert_rendered_once(certificate: Certificate, fault_worker, workers) -> None:
    pdfs = sorted(fault_worker.media.rglob("*.pdf"))
    assert [str(p.relative_to(fault_worker.media)) for p in pdfs] == [certificate.pdf.name]
    assert hashlib.sha256(pdfs[0].read_bytes()).hexdigest() == certificate.pdf_sha256
    assert pdfs[0].read_bytes().startswith(b"%PDF-")
    assert certificate.rendered_at <= timezone.now()
    # one run stored the PDF; nothing is waiting in the queue or unacknowledged
    time.sleep(1)
    logs = "".join(worker.text() for worker in workers)
    assert len(re.findall(rf"Task {re.escape(RENDER)}\[[^\]]+\] succeeded in [\d.]+s: True", logs)) == 1, logs[-3000:]
    assert fault_worker.broker.llen(fault_worker.queue) == 0
    assert fault_worker.broker.hlen("unacked") == 0


def test_a_render_whose_pool_process_is_killed_is_requeued_and_rendered_once(slow_certificate, fault_worker):
    # Given a worker (the production visibility timeout: only the requeue on a lost pool process can help)
    worker = fault_worker()
    # When the render starts and its pool process is killed
    _send_render(slow_certificate.pk, fault_worker)
    first = _started(worker)
    _kill_mid_render(slow_certificate, int(first["pid"]))
    # Then the worker forks a new pool process, gets the message back and renders the certificate
    worker.wait_for(r"WorkerLostError|Process .* exited", timeout=20)
    second = _started(worker, after=first.end())
    assert second["id"] == first["id"] and second["pid"] != first["pid"]
    certificate = _wait_rendered(slow_certificate, timeout=40)
    _assert_rendered_once(certificate, fault_worker, [worker])


def test_a_render_whose_whole_worker_is_killed_is_rendered_once_by_the_next_worker(slow_certificate, fault_worker):
    # Given a worker whose broker redelivers unacknowledged tasks after a few seconds
    worker = fault_worker(CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT))
    # When the render starts and the whole worker (main process and pool) is killed at once
    _send_render(slow_certificate.pk, fault_worker)
    first = _started(worker)
    time.sleep(0.3)
    assert not Certificate.objects.filter(pk=slow_certificate.pk, rendered_at__isnull=False).exists()
    worker.kill_group()
    # Then the task is still in Redis, taken but unacknowledged (acks_late) ...
    assert fault_worker.broker.hlen("unacked") == 1
    ((_tag, taken_at),) = fault_worker.broker.zrange("unacked_index", 0, -1, withscores=True)
    # ... and a worker started once the visibility timeout has passed gets it and renders the certificate
    time.sleep(max(0.0, taken_at + VISIBILITY_TIMEOUT + 0.5 - time.time()))
    restarted = fault_worker(CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT))
    second = _started(restarted)
    assert second["id"] == first["id"]
    certificate = _wait_rendered(slow_certificate, timeout=40)
    _assert_rendered_once(certificate, fault_worker, [worker, restarted])
