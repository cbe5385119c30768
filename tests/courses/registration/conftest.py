import pytest

from courses.models import Application
from tests.courses.registration import factories


@pytest.fixture
def batch(db):
    return factories.registration_batch(capacity=2)


@pytest.fixture
def stored_documents():
    """The names of the documents in private storage, now (call it again to compare); empty at the start.

    Read through the documents' own field: it took its storage when the model was built, and a test elsewhere that
    overrides STORAGES leaves ``storages`` with new instances (in-memory ones hold nothing of each other's)."""
    storage = Application._meta.get_field("id_card").storage
    try:
        for name in storage.listdir("courses/registration")[1]:
            storage.delete(f"courses/registration/{name}")
    except FileNotFoundError:
        pass

    def listing() -> set[str]:
        try:
            return set(storage.listdir("courses/registration")[1])
        except FileNotFoundError:
            return set()

    return listing
