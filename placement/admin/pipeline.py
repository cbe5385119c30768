"""The placement plugin's admin: pipeline."""
