"""Scenario 5 of ``make bench``: certificates.

Run by bench/run.py as a subprocess with the bench database's environment while the Celery worker runs:

* ``certificate_render_sign``: the whole PDF path of one certificate (template → WeasyPrint through the restricted
  fetcher → PAdES signature with pyHanko), repeated, beside ``certificate_bare_render``: a plain
  ``weasyprint.HTML(string=html).write_pdf()`` of the very same HTML, alternated in the same process. The ratio of the
  medians is ``certificate_vs_bare_render``.
* ``certificate_bulk``: a bulk issue for a batch of 200 trainees (smoke: 5) through the admin's service, rendered
  and signed by the real Celery worker; certificates per second and per worker core, counted from the database.

Writes ``{"scenarios": {...}, "ratios": {...}}`` to the file given with ``--json``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def _summary(seconds: list[float], *, errors: int = 0) -> dict:
    ms = [s * 1000 for s in seconds]
    return {
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(_percentile(ms, 0.95), 1),
        "p99_ms": round(_percentile(ms, 0.99), 1),
        "rps": round(len(ms) / sum(seconds), 2) if seconds else 0.0,
        "errors": errors,
        "client_cpu_pct": None,
        "samples": len(ms),
    }


def batch_seed(*, trainees: int):
    """An issuer with keys, a template, a course with a certificate rule, a batch of trainees who completed it."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from certificates.keys import issuer_keys_create
    from certificates.models import CertificateTemplate, CourseCertificate, Issuer, Signatory
    from courses.models import Batch, CoursePage, Enrolment, TrackPage

    issuer, created = Issuer.objects.get_or_create(
        code="BENCH-STC",
        defaults={"name": "Smart Training Center Batang", "licence_number": "KEP.1/BENCH", "address": "Batang"},
    )
    if created:
        Signatory.objects.create(issuer=issuer, name="Kepala Balai", position="Kepala", sort_order=0)
    issuer_keys_create(issuer)
    issuer.refresh_from_db()
    template, _ = CertificateTemplate.objects.get_or_create(
        name="Bench template", defaults={"issuer": issuer, "kind": CertificateTemplate.Kind.TRAINING}
    )
    template.signatories.set(issuer.signatories.all())
    template.save()
    # Issuing re-checks completion (every required lesson done, every exam passed): the batch studies a course of its
    # own with no lesson and no exam, so the trainees created below have truly completed it.
    course = CoursePage.objects.live().filter(slug="bench-certificates").first()
    if course is None:
        track = TrackPage.objects.live().order_by("pk").first()
        if track is None:
            raise SystemExit("the bench database has no track: seed it first")
        course = track.add_child(
            instance=CoursePage(title="Sertifikat bench", slug="bench-certificates", summary="Bench.", jp_hours=8)
        )
    CourseCertificate.objects.update_or_create(course=course, defaults={"template": template, "automatic": False})
    today = timezone.localdate()
    batch = Batch.objects.create(
        course=course, name=f"Wisuda {time.time_ns()}", starts_on=today, ends_on=today + datetime.timedelta(days=30)
    )
    User = get_user_model()
    stamp = time.time_ns()
    users = User.objects.bulk_create(
        [
            User(username=f"cert-{stamp}-{n}", email=f"cert-{stamp}-{n}@bench.invalid", full_name=f"Peserta {n}")
            if hasattr(User, "full_name")
            else User(username=f"cert-{stamp}-{n}", email=f"cert-{stamp}-{n}@bench.invalid")
            for n in range(trainees)
        ]
    )
    now = timezone.now()
    Enrolment.objects.bulk_create(
        [Enrolment(user=user, course=course, batch=batch, status="completed", completed_at=now) for user in users]
    )
    return batch, template


def _render_timings(*, certificate, repeats: int) -> tuple[list[float], list[float]]:
    """Alternate the full path (render + sign) and a bare WeasyPrint render of the same HTML."""
    import weasyprint

    from certificates.services.design import certificate_context
    from certificates.services.rendering import certificate_html, certificate_pdf

    html = certificate_html(certificate_context(certificate=certificate))
    weasyprint.HTML(string=html).write_pdf()  # warm both paths (fonts, imports) before timing
    certificate_pdf(certificate=certificate)
    full, bare = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        certificate_pdf(certificate=certificate)
        full.append(time.perf_counter() - start)
        start = time.perf_counter()
        weasyprint.HTML(string=html).write_pdf()
        bare.append(time.perf_counter() - start)
    return full, bare


def _bulk(*, batch, requested_by, timeout: float) -> dict:
    """Start a bulk issue for the batch and wait until the worker rendered every certificate."""
    from django.db import transaction

    from certificates.models import IssueRun
    from certificates.services.bulk import issue_run_start
    from certificates.services.runs import batch_certificates

    start = time.perf_counter()
    with transaction.atomic():
        run = issue_run_start(by=requested_by, batch=batch)
    expected = batch.enrolments.count()
    rendered = 0
    while time.perf_counter() - start < timeout:
        run.refresh_from_db()
        rendered = batch_certificates(batch=batch).count()  # every certificate of the batch, rendered
        if run.status == IssueRun.Status.DONE and rendered >= run.total:
            break
        time.sleep(0.2)
    elapsed = time.perf_counter() - start
    run.refresh_from_db()
    total = run.total or expected or 0
    errors = total - rendered
    rate = rendered / elapsed if elapsed else 0.0
    workers = int(os.environ.get("BENCH_CELERY_CONCURRENCY", os.cpu_count() or 1))
    return {
        "p50_ms": round(1000 * elapsed / max(rendered, 1), 1),
        "p95_ms": None,
        "p99_ms": None,
        "rps": round(rate, 2),
        "per_core": round(rate / max(workers, 1), 2),
        "errors": errors,
        "client_cpu_pct": None,
        "certificates": rendered,
        "seconds": round(elapsed, 1),
        "worker_concurrency": workers,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", required=True, help="where to write the results")
    parser.add_argument("--certificates", type=int, default=None)
    args = parser.parse_args()
    smoke = os.environ.get("BENCH_SMOKE") == "1"
    count = args.certificates or (5 if smoke else 200)

    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from certificates.services.issuing import certificate_issue_for_enrolment

    batch, _template = batch_seed(trainees=count)
    first = batch.enrolments.order_by("pk").first()
    sample = certificate_issue_for_enrolment(enrolment_id=first.pk)
    full, bare = _render_timings(certificate=sample, repeats=3 if smoke else 15)
    staff = get_user_model().objects.filter(is_superuser=True).first() or first.user
    bulk = _bulk(batch=batch, requested_by=staff, timeout=120 if smoke else 600)
    result = {
        "scenarios": {
            "certificate_render_sign": _summary(full),
            "certificate_bare_render": _summary(bare),
            f"certificate_bulk_{count}": bulk,
        },
        "ratios": {"certificate_vs_bare_render": round(statistics.median(full) / statistics.median(bare), 2)},
    }
    Path(args.json).write_text(json.dumps(result, indent=2))
    print(json.dumps(result["ratios"]), file=sys.stderr)
    return 0 if bulk["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
