"""URLs of the placement plugin: public."""

urlpatterns: list = []
