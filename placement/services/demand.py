"""Labour-market demand: an employer's own people state what they will need (position, units of competency or a
scheme, headcount, quarter)."""

import re

from django.db import transaction
from django.utils.translation import gettext as _

from placement.models import Demand
from placement.selectors.employers import units_by_code
from placement.services import PlacementRefused
from placement.services.employers import is_member

_FIELDS = ("position", "scheme", "headcount", "quarter")


def unit_codes_parse(text: str) -> list[str]:
    """Codes written one per line or separated by commas, semicolons or spaces, in order, each once."""
    return list(dict.fromkeys(code for code in re.split(r"[\s,;]+", text or "") if code))


def units_from_codes(codes) -> list:
    """The units of these codes, refusing (and naming) every code that no loaded standard has."""
    found = units_by_code(codes=codes)
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise PlacementRefused(
            _("Unknown unit code: %(codes)s. Use the codes of the loaded SKKNI standards.")
            % {"codes": ", ".join(unknown)},
            code="unknown_units",
        )
    return [found[code] for code in codes]


def _member_only(*, employer_id: int, by) -> None:
    if not is_member(employer_id=employer_id, user=by):
        raise PlacementRefused(_("Only the employer's own people can change its demand."), code="not_member")


@transaction.atomic
def demand_save(*, by, employer_id: int, units=(), demand: Demand | None = None, **fields) -> Demand:
    """Create (``demand`` None) or change a demand row of the employer; ``units``: ``CompetencyUnit`` rows."""
    _member_only(employer_id=employer_id, by=by)
    if demand is None:
        demand = Demand(employer_id=employer_id, created_by=by)
    elif demand.employer_id != employer_id:
        raise PlacementRefused(_("This demand belongs to another employer."), code="not_member")
    for name in _FIELDS:
        if name in fields:
            setattr(demand, name, fields[name])
    if isinstance(demand.position, str):
        demand.position = " ".join(demand.position.split())
    demand.full_clean()
    demand.save()
    demand.units.set(units)
    return demand


@transaction.atomic
def demand_delete(*, demand: Demand, by) -> None:
    _member_only(employer_id=demand.employer_id, by=by)
    demand.delete()
