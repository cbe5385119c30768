"""The placement plugin's part of the Wagtail admin, one module per concern."""
