"""Views of the placement plugin, one module per audience (public, seeker, employer, pipeline, tracer)."""
