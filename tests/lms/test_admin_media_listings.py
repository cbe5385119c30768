"""Wagtail's documents and images listings (``lms/wagtail_admin/overrides.py``): the usage-count filter works in a
search.

Wagtail's own listing hands a filter on its ``usage_count`` annotation to the search backend, which cannot translate
it: ``?q=…&usage_count_min=…`` was a 500 (``'Coalesce' object has no attribute 'target'``).
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from lms.models import User
from tests.factories import image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    client.force_login(User.objects.create_superuser("kepala", "kepala@example.com", "x"))
    return client


def _documents():
    root = Collection.get_first_root_node()
    for title in ("Laporan praktik panel", "Laporan praktik kabel", "Jadwal kelas"):
        get_document_model().objects.create(
            title=title, collection=root, file=ContentFile(b"isi", name=f"{title[:6]}.txt")
        )


def _images():
    root = Collection.get_first_root_node()
    for title in ("Laporan praktik panel", "Laporan praktik kabel", "Jadwal kelas"):
        get_image_model().objects.create(
            title=title, collection=root, file=ImageFile(io.BytesIO(image_bytes(size=(8, 8))), name="foto.png")
        )


@pytest.mark.parametrize(
    ("make", "url"),
    [
        (_documents, "/admin/documents/"),
        (_documents, "/admin/documents/results/"),
        (_images, "/admin/images/"),
        (_images, "/admin/images/results/"),
    ],
)
def test_a_search_filtered_by_usage_count_lists_what_matches_both(admin, make, url):
    # Given three unused files, two of them matching the search "laporan"
    make()
    # When a member of staff searches and asks for those used at most 0 times, then at least once
    unused = admin.get(url, {"q": "laporan", "usage_count_min": "0", "usage_count_max": "0"})
    used = admin.get(url, {"q": "laporan", "usage_count_min": "1"})
    # Then the listing answers, with the two matching files in the first case and none in the second
    assert unused.status_code == 200
    assert [item.title for item in unused.context["object_list"]] == ["Laporan praktik kabel", "Laporan praktik panel"]
    assert used.status_code == 200
    assert list(used.context["object_list"]) == []


@pytest.mark.parametrize("url", ["/admin/documents/", "/admin/images/"])
@pytest.mark.parametrize("q", ["", "laporan"])
def test_a_usage_count_beyond_any_integer_lists_nothing_instead_of_a_500(admin, url, q):
    # Given files in the listing
    _documents() if "documents" in url else _images()
    # When the filter asks for a usage count of 40 digits (SQLite cannot bind such an integer), searching or not
    response = admin.get(url, {"q": q, "usage_count_min": "9" * 40})
    # Then the listing answers, with nothing used that often
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []


def test_the_listings_stay_behind_the_admin_sign_in(client):
    # Given someone not signed in
    # When they ask for a listing mounted ahead of Wagtail's
    response = client.get("/admin/documents/", {"q": "laporan", "usage_count_min": "1"})
    # Then they are sent to the admin's sign-in page, as Wagtail's own listing does
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
