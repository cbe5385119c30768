"""URLs: candidacy pages (see assessments.views.candidacy)."""

urlpatterns: list = []
