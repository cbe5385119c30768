"""Steps the placement journeys share: an employer's person writing a vacancy on the employer pages."""

import datetime

from django.utils import timezone


def write_vacancy(page, *, title: str, units: list[str] | tuple[str, ...], positions: int = 3) -> None:
    """On the new-vacancy form: fill in a vacancy asking for the units, and save it (a draft)."""
    page.fill("#id_title", title)
    page.fill("#id_description", "Menjahit komponen pakaian sesuai standar mutu.")
    page.fill("#id_positions", str(positions))
    page.fill("#id_unit_codes", ", ".join(units))
    page.fill("#id_location", "KIT Batang, Zona B")
    page.fill("#id_wage_min", "2600000")
    page.fill("#id_wage_max", "3100000")
    page.select_option("#id_contract", "pkwt")
    page.fill("#id_closes_on", (timezone.localdate() + datetime.timedelta(days=30)).isoformat())
    page.locator("form.stack button[type=submit]").click()
