import pytest

from kompeten_core.private_files import private_storage
from tests.courses.registration import factories


@pytest.fixture
def batch(db):
    return factories.registration_batch(capacity=2)


@pytest.fixture
def stored_documents():
    """The names of the documents in private storage, now (call it again to compare); empty at the start."""
    storage = private_storage()
    try:
        for name in storage.listdir("courses/registration")[1]:
            storage.delete(f"courses/registration/{name}")
    except FileNotFoundError:
        pass

    def listing() -> set[str]:
        storage = private_storage()
        try:
            return set(storage.listdir("courses/registration")[1])
        except FileNotFoundError:
            return set()

    return listing
