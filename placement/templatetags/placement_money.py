"""``{{ amount|rupiah }}``: a whole-rupiah amount written as Indonesians read it ("Rp 2.550.000")."""

from django import template

register = template.Library()


@register.filter
def rupiah(amount) -> str:
    if amount is None or amount == "":
        return ""
    try:
        value = int(amount)
    except (TypeError, ValueError):
        return ""
    return "Rp " + f"{value:,}".replace(",", ".")
