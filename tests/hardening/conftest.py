"""Hypothesis settings for the hardening tests: a profile per use, chosen with ``HYPOTHESIS_PROFILE``.

- ``hardening`` (the default, what CI runs): 200 examples per property test, at most 2 s per example (a parser
  that takes longer on a few kilobytes is as good as hung), no example database written into the checkout.
- ``hardening-long``: 5,000 examples per test, for a longer hunt on a developer's machine.
- ``hardening-quick``: 25 examples per test, for iterating on a parser.

Run ``pytest tests/hardening --hypothesis-show-statistics`` to see how many examples each test ran.
"""

import os
from datetime import timedelta

import pytest
from django.utils import translation
from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": timedelta(seconds=2),
    "database": None,
    "print_blob": True,
    # The database-backed properties share one test transaction (pytest-django's ``db``): nothing leaks out.
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("hardening", max_examples=200, **_COMMON)
settings.register_profile("hardening-long", max_examples=5_000, **_COMMON)
settings.register_profile("hardening-quick", max_examples=25, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "hardening"))


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared in English; the catalogues translate them for users."""
    with translation.override("en"):
        yield


@pytest.fixture
def admin_client(client, db):
    """A superuser in the Wagtail admin, reading it in English (on the host site a user's own language wins)."""
    from tests.factories import UserFactory

    user = UserFactory(is_superuser=True, is_staff=True)
    if hasattr(user, "preferred_language"):
        user.preferred_language = "en"
        user.save(update_fields=["preferred_language"])
    client.force_login(user)
    return client
