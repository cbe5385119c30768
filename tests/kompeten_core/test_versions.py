"""Version tokens for cached reads: stable until bumped; a bump inside a transaction takes effect again at commit."""

import pytest
from django.core.cache import cache
from django.db import transaction

from kompeten_core.versions import bump, tokens


def test_a_token_stays_the_same_until_it_is_bumped():
    first = tokens("a", "b")
    assert tokens("a", "b") == first
    bump("a")
    again = tokens("a", "b")
    assert again[0] != first[0] and again[1] == first[1]


def test_a_lost_token_is_a_new_one_never_an_old_one():
    [first] = tokens("a")
    cache.clear()  # evicted, or a cache that came back empty
    assert tokens("a") != (first,)


@pytest.mark.django_db(transaction=True)
def test_a_bump_inside_a_transaction_bumps_again_when_it_commits():
    # Given a token read inside a transaction right after a bump there
    with transaction.atomic():
        bump("a")
        [during] = tokens("a")  # what a reader before the commit may cache under
    # Then after the commit the token is another one
    assert tokens("a") != (during,)
