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
}


def get(name: str):
    return getattr(settings, f"KOMPETEN_{name}", DEFAULTS[name])
