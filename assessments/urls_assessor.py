"""URLs: assessor pages (see assessments.views.assessor)."""

urlpatterns: list = []
