"""Admin: questions."""
