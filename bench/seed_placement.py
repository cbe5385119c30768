"""Seed the placement population of the ``placement_match`` scenario, fast (bulk inserts, no service, no rendering):
N consenting job seekers, M competency certificates (signed K candidacies in five schemes of ten units each) and V
unit verdicts (K), a verified employer whose member has a session, one open vacancy requiring five units of the
first scheme, and a staff session for the centre's figures page.

About 2 % of the certificates are revoked and 5 % of the seekers withdrew consent (matching must skip both); 60 % of
the seekers live in Kabupaten Batang. Run by bench/scenarios.py as ``python -m bench.seed_placement --seekers N
--certificates M --verdicts V --out FILE`` (DJANGO_SETTINGS_MODULE set); ``--time K`` then times K calls of
``matches_for_vacancy`` in this process (the figures of docs/performance.md, on either database).

Writes FILE (JSON): the vacancy, the member's and the staff's sessions, and the figures page's path when this build
has it (``/admin/reports/placement-figures/`` resolves), else null.
"""

import argparse
import datetime
import json
import random
import statistics
import time
from importlib import import_module
from pathlib import Path

import django

SCHEMES, UNITS_PER_SCHEME, REQUIRED = 5, 10, 5
FIGURES_PATH = "/admin/reports/placement-figures/"
BATCH = 5000


def _session(user) -> dict:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.middleware.csrf import _get_new_csrf_string

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return {"id": user.pk, "session": session.session_key, "csrf": _get_new_csrf_string()}


def _standard():
    from assessments.models import AssessmentEvent, CertificationScheme, CompetencyStandard, CompetencyUnit, SchemeUnit

    standard = CompetencyStandard.objects.create(title="SKKNI Bench Penempatan", decree_number="KEP-BENCH-P")
    schemes, units = [], []
    for s in range(SCHEMES):
        scheme = CertificationScheme.objects.create(
            title=f"Skema Bench {s}", number=f"SKM-BENCH-P-{s}", kkni_level=2 + s % 4
        )
        scheme_units = CompetencyUnit.objects.bulk_create(
            CompetencyUnit(standard=standard, code=f"B.{s:02d}0000.{u:03d}.01", title=f"Unit {s}.{u}", sort_order=u)
            for u in range(UNITS_PER_SCHEME)
        )
        SchemeUnit.objects.bulk_create(
            SchemeUnit(scheme=scheme, unit=unit, sort_order=order) for order, unit in enumerate(scheme_units)
        )
        schemes.append(scheme)
        units.append(scheme_units)
    start = datetime.date(2026, 6, 1)
    events = [
        AssessmentEvent.objects.create(
            scheme=scheme, title=f"Uji Bench {n}", site_name="TUK Bench", starts_on=start, ends_on=start
        )
        for n, scheme in enumerate(schemes)
    ]
    return schemes, units, events


def _people(count: int, rng: random.Random):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from kompeten_core.conf import settings as kompeten
    from placement.models import JobSeekerProfile

    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        (
            user_model(
                username=f"pencari{n:05d}",
                email=f"pencari{n:05d}@bench.invalid",
                full_name=f"Pencari Kerja {n}",
                password="!bench",
            )
            for n in range(count)
        ),
        batch_size=BATCH,
    )
    now, today = timezone.now(), timezone.localdate()
    consent_version = kompeten.CONSENT_VERSION
    profiles = []
    for user in users:
        local = rng.random() < 0.6
        profiles.append(
            JobSeekerProfile(
                user=user,
                consent_at=None if rng.random() < 0.05 else now,
                consent_version=consent_version,
                province="Jawa Tengah",
                regency_code="3325" if local else "3374",
                regency="Kabupaten Batang" if local else "Kota Semarang",
                is_local=local,
                phone="081200000000",
                available_from=today + datetime.timedelta(days=rng.randrange(60)),
            )
        )
    JobSeekerProfile.objects.bulk_create(profiles, batch_size=BATCH)
    return users


def _certificates(users, events, units, *, certificates: int, verdicts: int, rng: random.Random) -> int:
    from django.utils import timezone

    from assessments.models import Candidacy, UnitVerdict, Verdict
    from certificates.models import Certificate, CertificateTemplate, Issuer

    issuer = Issuer.objects.create(code="BENCH-LSP-P", kind=Issuer.Kind.LSP, name="LSP Bench")
    template = CertificateTemplate.objects.create(
        name="Bench kompetensi", issuer=issuer, kind=CertificateTemplate.Kind.COMPETENCY
    )
    assessor = users[0]
    now = timezone.now()
    # Each seeker's certificates are in different schemes (one candidacy per event and candidate).
    per_seeker = max(1, min(SCHEMES, -(-certificates // len(users))))
    pairs = [(user, (n + k) % SCHEMES) for n, user in enumerate(users) for k in range(per_seeker)][:certificates]
    candidacies = Candidacy.objects.bulk_create(
        (
            Candidacy(
                event=events[scheme],
                candidate=user,
                assessor=assessor,
                requirements_checked=True,
                status=Candidacy.Status.SIGNED,
                recommendation=Verdict.COMPETENT,
                signed_at=now,
                signed_by=assessor,
            )
            for user, scheme in pairs
        ),
        batch_size=BATCH,
    )
    Certificate.objects.bulk_create(
        (
            Certificate(
                issuer=issuer,
                template=template,
                kind=Certificate.Kind.COMPETENCY,
                holder_id=candidacy.candidate_id,
                achievement_key=f"candidacy:{candidacy.pk}",
                candidacy=candidacy,
                serial=f"BENCH-P-{n:06d}",
                year=2026,
                sequence=n + 1,
                verification_code=f"benchp{n:010d}",
                holder_name="Pencari Kerja",
                status=Certificate.Status.REVOKED if rng.random() < 0.02 else Certificate.Status.ACTIVE,
                status_index=n,
                recipient_salt="bench",
            )
            for n, candidacy in enumerate(candidacies)
        ),
        batch_size=BATCH,
    )
    per_candidacy = max(1, min(UNITS_PER_SCHEME, -(-verdicts // max(1, len(candidacies)))))
    rows = []
    for candidacy, (_user, scheme) in zip(candidacies, pairs, strict=True):
        for unit in rng.sample(units[scheme], per_candidacy):
            rows.append(
                UnitVerdict(candidacy=candidacy, unit=unit, verdict=Verdict.COMPETENT, rationale="K", assessor=assessor)
            )
    rows = rows[:verdicts]
    UnitVerdict.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _employer(units):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from placement.models import Employer, EmployerMember, Vacancy

    user_model = get_user_model()
    member = user_model.objects.create(
        username="hrd-bench", email="hrd@bench.invalid", full_name="HRD Bench", password="!bench"
    )
    staff = user_model.objects.create(
        username="staf-bench",
        email="staf@bench.invalid",
        full_name="Staf Bench",
        password="!bench",
        is_staff=True,
        is_superuser=True,
    )
    employer = Employer.objects.create(
        name="PT Bench Contoh",
        nib="9999999999999",
        sector="Garmen",
        park_zone="Zona A",
        park_plot="A-1",
        size=Employer.Size.LARGE,
        contact_name="HRD",
        contact_email="hrd@bench.invalid",
        verified_at=timezone.now(),
    )
    EmployerMember.objects.create(employer=employer, user=member)
    vacancy = Vacancy.objects.create(
        employer=employer,
        title="Operator Bench",
        description="Bench.",
        location="KIT Batang",
        wage_min=2_600_000,
        wage_max=3_000_000,
        contract=Vacancy.Contract.PKWT,
        closes_on=timezone.localdate() + datetime.timedelta(days=30),
        status=Vacancy.Status.OPEN,
        min_kkni_level=2,
    )
    vacancy.units.set(units[0][:REQUIRED])
    return member, staff, vacancy


def _figures_path() -> str | None:
    from django.urls import Resolver404, resolve

    try:
        match = resolve(FIGURES_PATH)
    except Resolver404:
        return None
    # The admin answers any unknown path under admin/ with a catch-all: only the figures page's own route counts.
    return FIGURES_PATH if "placement-figures" in (match.route or "") else None


def _time(vacancy_id: int, repeats: int) -> dict:
    from placement.models import Vacancy
    from placement.selectors.matching import matches_for_vacancy

    timings = []
    for _ in range(repeats + 1):
        vacancy = Vacancy.objects.get(pk=vacancy_id)
        started = time.perf_counter()
        ranked = matches_for_vacancy(vacancy=vacancy)
        [match.explanation() for match in ranked]
        timings.append((time.perf_counter() - started) * 1000)
    timings = sorted(timings[1:])  # the first call warms the connection and caches
    return {
        "median_ms": round(statistics.median(timings), 1),
        "max_ms": round(timings[-1], 1),
        "repeats": repeats,
        "rows": len(ranked),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seekers", type=int, required=True)
    parser.add_argument("--certificates", type=int, required=True)
    parser.add_argument("--verdicts", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--time", type=int, default=0, help="then time this many matches in-process")
    args = parser.parse_args()
    django.setup()
    from django.db import connection, transaction

    rng = random.Random(16)  # noqa: S311 — a reproducible population, not a secret
    started = time.monotonic()
    with transaction.atomic():
        _schemes, units, events = _standard()
        users = _people(args.seekers, rng)
        verdicts = _certificates(users, events, units, certificates=args.certificates, verdicts=args.verdicts, rng=rng)
        member, staff, vacancy = _employer(units)
    if connection.vendor == "postgresql":
        # Planner statistics and the visibility map, as a database in service has them: autovacuum vacuums an
        # insert-only table too (PostgreSQL 13+), and without the map no read can be answered from an index alone.
        with connection.cursor() as cursor:  # outside any transaction: VACUUM refuses to run in one
            cursor.execute("VACUUM ANALYZE")
    # The seed writes around the services, so it bumps what they would have (cached rankings of an earlier seed
    # in the same Redis database are read no more).
    from certificates.selectors.competence import COMPETENCE_VERSION
    from kompeten_core.versions import bump
    from placement.selectors.seekers import SEEKERS_VERSION

    bump(COMPETENCE_VERSION)
    bump(SEEKERS_VERSION)
    seeded_s = round(time.monotonic() - started, 1)
    seed = {
        "vacancy_id": vacancy.pk,
        "users": [_session(member)],
        "staff": _session(staff),
        "figures_url": _figures_path(),
        "population": {"seekers": args.seekers, "certificates": args.certificates, "verdicts": verdicts},
        "seeded_s": seeded_s,
    }
    if args.time:
        seed["in_process"] = _time(vacancy.pk, args.time)
    Path(args.out).write_text(json.dumps(seed))
    print(
        json.dumps({key: seed[key] for key in ("population", "seeded_s", "figures_url", "in_process") if key in seed})
    )


if __name__ == "__main__":
    main()
