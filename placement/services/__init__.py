"""Writes of the placement plugin. Each refusal is a ``PlacementRefused`` with a translated message and a code."""

from django.core.exceptions import ValidationError


class PlacementRefused(ValidationError):
    """What a person asked for is not allowed (wrong actor, wrong state, bad value): nothing was changed."""
