from assessments.signals import candidate_competent  # noqa: F401 - the signal the plugin promises
from tests.plugin_isolation import imported_top_level_packages


def test_assessments_imports_no_higher_app():
    assert imported_top_level_packages("assessments").isdisjoint({"lms", "certificates"})
