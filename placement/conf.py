"""Settings of the placement plugin, each read from ``KOMPETEN_<NAME>`` with the default below (read at call time,
so that ``override_settings`` works)."""

from django.conf import settings

DEFAULTS: dict = {
    # The regency whose residents are "local" (BPS code, 4 digits): Kabupaten Batang, Central Java.
    "LOCAL_REGENCY_CODE": "3325",
    # Rank local residents first among equally qualified job seekers ("so that locals are not mere spectators").
    "LOCAL_PRIORITY": True,
    # The regency minimum wage (UMK) in rupiah per month, shown beside a vacancy's wage range.
    "REGIONAL_MINIMUM_WAGE": 2_550_000,
    # The version of the consent text a job seeker agrees to; raise it when the text changes (consent is asked again).
    "CONSENT_VERSION": "2026-12",
    # Longest CV text in characters.
    "CV_TEXT_MAX_CHARS": 4000,
    # Largest CV file (PDF only) a job seeker may upload, in bytes.
    "CV_FILE_MAX_BYTES": 2 * 1024 * 1024,
    # Largest demand import (CSV or XLSX) and its most rows.
    "DEMAND_IMPORT_MAX_BYTES": 1024 * 1024,
    "DEMAND_IMPORT_MAX_ROWS": 2000,
    # Months after a batch ends when a tracer survey goes out, days a survey link stays valid, and days after which
    # one reminder goes to those who have not answered.
    "TRACER_MONTHS": (3, 6, 12),
    "TRACER_LINK_DAYS": 60,
    "TRACER_REMINDER_DAYS": 14,
    # A placement counts towards the placement rate when it starts within this many months of the batch's end.
    "PLACEMENT_RATE_MONTHS": 6,
}


def get(name: str):
    return getattr(settings, f"KOMPETEN_{name}", DEFAULTS[name])


# The group (role) a user joins when they register an employer or are added to one; the host's roles sync keeps
# its permissions. A setting, because placement never imports the host site.
DEFAULTS["EMPLOYER_GROUP"] = "Employer"
