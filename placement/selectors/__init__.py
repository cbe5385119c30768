"""Reads of the placement plugin. Each returns rows that carry what their page shows (no queries later)."""
