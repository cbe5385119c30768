"""Management commands of the assessments plugin."""
