"""Integer lookups for which a number outside the column's range matches nothing, instead of crashing SQLite.

Django (since 5.0) answers ``filter(id=10**40)`` with no rows: its ``exact``/``gt``/``lt`` lookups on an
``IntegerField`` check the value against the database's integer range first. Its ``in`` lookup and the lookups
through a relation (``filter(course=…)``, ``filter(course__in=…)``, and ``filter(pk=…)`` on a Wagtail page, whose
primary key is a one-to-one relation to ``Page``) do not, and SQLite's driver cannot bind a Python integer beyond
64 bits: ``OverflowError``, a 500. A 40-digit number from a query string or a form reaches those lookups through
Django's ``ModelChoiceField`` and ``ModelMultipleChoiceField`` (the generic admin's forms and django-filter's
filters, ours and Wagtail's alike). PostgreSQL compares such a number as a ``numeric`` and finds nothing.

These lookups do what Django's own ``exact`` does: a value outside the range of the integer column it is compared
with (the relation's target column, followed to the end) can equal no row, so it is dropped from an ``in`` list
(all dropped: no rows) and an ``exact`` with it matches no row. The same on every database, so the two legs agree.
Registered once, by ``lms.apps.LmsConfig.ready``.
"""

from django.core.exceptions import EmptyResultSet, FieldError
from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


def _integer_range(field, connection) -> tuple[int | None, int | None]:
    """The range of the integer column ``field`` stores (a relation: its target's), or (None, None)."""
    try:
        while field.is_relation:
            field = field.target_field
    except (AttributeError, FieldError):  # a relation over several columns: not an integer column
        return None, None
    if not isinstance(field, IntegerField):
        return None, None
    return connection.ops.integer_field_range(field.get_internal_type())


def _outside(value, low, high) -> bool:
    return isinstance(value, int) and ((low is not None and value < low) or (high is not None and value > high))


def _compared_field(lookup):
    """The field the right-hand side was prepared for: the lookup's own, or a relation's target."""
    field = lookup.lhs.output_field
    if hasattr(field, "path_infos"):
        return field.path_infos[-1].target_fields[-1]
    return field


class _DropsOutOfRangeIn:
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = _integer_range(_compared_field(self), connection)
            self.rhs = [value for value in self.rhs if not _outside(value, low, high)]
        return super().process_rhs(compiler, connection)


@IntegerField.register_lookup
class IntegerFieldIn(_DropsOutOfRangeIn, In):
    pass


@ForeignObject.register_lookup
class RelatedIntegerIn(_DropsOutOfRangeIn, RelatedIn):
    pass


@ForeignObject.register_lookup
class RelatedIntegerExact(RelatedExact):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and _outside(self.rhs, *_integer_range(_compared_field(self), connection)):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)
