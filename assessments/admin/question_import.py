"""Admin: question_import."""
