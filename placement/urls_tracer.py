"""URLs of the placement plugin: tracer."""

urlpatterns: list = []
