"""The bulk-issue side of the worker drill (bench/drills.py), run as ``python -m bench.drill_bulk`` with the bench
database's environment; each command prints one JSON line.

``seed --count N``   a batch of N trainees who completed the bench course, with a certificate rule: ``{"batch": id}``
``start --batch ID`` start a bulk issue for the batch on the Celery worker: ``{"run": id}``
``state --batch ID`` what the database holds: certificates of the batch, distinct holders, rendered, run done
"""

import argparse
import json

import django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["seed", "start", "state"])
    parser.add_argument("--count", type=int, default=5)
    parser.add_argument("--batch", type=int)
    args = parser.parse_args()
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from bench.scenario_certificates import batch_seed
    from certificates.models import Certificate, IssueRun
    from certificates.services.bulk import issue_run_start
    from courses.models import Batch

    if args.command == "seed":
        batch, _template = batch_seed(trainees=args.count)
        print(json.dumps({"batch": batch.pk}))
        return
    batch = Batch.objects.get(pk=args.batch)
    if args.command == "start":
        staff = get_user_model().objects.filter(is_superuser=True).first() or batch.enrolments.first().user
        with transaction.atomic():
            run = issue_run_start(by=staff, batch=batch)
        print(json.dumps({"run": run.pk}))
        return
    holders = batch.enrolments.values("user_id")
    certificates = Certificate.objects.filter(holder_id__in=holders, kind=Certificate.Kind.TRAINING)
    run = IssueRun.objects.filter(batch=batch).order_by("-pk").first()
    print(
        json.dumps(
            {
                "certificates": certificates.count(),
                "holders": certificates.values("holder_id").distinct().count(),
                "rendered": certificates.exclude(pdf="").exclude(pdf_sha256="").count(),
                "done": run is not None and run.status == IssueRun.Status.DONE,
            }
        )
    )


if __name__ == "__main__":
    main()
