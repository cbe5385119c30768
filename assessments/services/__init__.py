"""Writes of the assessments plugin, one module per area."""
