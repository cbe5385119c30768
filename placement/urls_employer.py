"""URLs of the placement plugin: employer."""

urlpatterns: list = []
