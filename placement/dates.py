"""Calendar helpers shared by the tracer study and the figures."""

import calendar
import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved by ``months`` calendar months (negative: back), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def quarter_of(day: datetime.date) -> str:
    """A date's calendar quarter, as "2027-Q1"."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
