"""Filters of the figures pages: shares as percentages, hidden cells, bar widths for the server-drawn charts."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def percent(value) -> str:
    """0.425 → "42.5%"; None → "—"."""
    if value is None:
        return "—"
    return f"{value * 100:.1f}%".replace(".0%", "%")


@register.filter
def count_or_hidden(value) -> str:
    """A public count: None (fewer than five people) is shown as "< 5"."""
    return _("< 5") if value is None else str(value)


@register.filter
def days(value) -> str:
    return "—" if value is None else f"{value:g}"


@register.filter
def bar(value, scale=1) -> float:
    """The width of a bar in percent of the chart: a share (0..1) by default, or ``value / scale`` for a count."""
    if not value:
        return 0
    scale = scale or 1
    return round(min(float(value) / float(scale), 1.0) * 100, 1)
