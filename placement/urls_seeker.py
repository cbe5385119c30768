"""URLs of the placement plugin: seeker."""

urlpatterns: list = []
