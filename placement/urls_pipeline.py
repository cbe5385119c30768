"""URLs of the placement plugin: pipeline."""

urlpatterns: list = []
