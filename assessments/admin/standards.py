"""Admin: standards."""
