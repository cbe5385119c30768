"""The placement plugin's admin: figures."""
