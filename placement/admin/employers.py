"""The placement plugin's admin: employers."""
