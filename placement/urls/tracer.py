"""URLs of the placement plugin: the tracer survey (answered through its link, no login) and the public outcomes."""

from django.urls import path

from placement.views import tracer

urlpatterns: list = [
    path("kerja/tracer/terima-kasih/", tracer.tracer_thanks, name="tracer_thanks"),
    path("kerja/tracer/<str:token>/", tracer.tracer_answer_view, name="tracer_answer"),
    path("kerja/hasil/", tracer.outcomes, name="outcomes"),
]
