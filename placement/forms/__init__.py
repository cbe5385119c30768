"""Forms of the placement plugin, one module per audience (employer, demand, seeker, pipeline, tracer); import them
from their module."""
