import pytest
from django.urls import reverse

from tests.plugin_isolation import imported_top_level_packages


def test_certificates_imports_no_host_code():
    assert "lms" not in imported_top_level_packages("certificates")


@pytest.mark.django_db
def test_the_lookup_form_shows_a_translated_error_for_a_malformed_code(client):
    response = client.get(reverse("certificates:verify_lookup"), {"code": "<script>"}, HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 200
    assert response.context["searched"] is False
    assert response.context["form"].errors["code"] == ["Kode hanya berisi huruf, angka, dan - _ . /"]
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_code_is_reported_as_not_found(client):
    response = client.get(reverse("certificates:verify_lookup"), {"code": "KMP-2026-000001"})
    assert response.status_code == 200
    assert response.context["searched"] is True
    assert response.context["certificate"] is None
