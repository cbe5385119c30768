"""Builders for the host site's tests: people with a role, made through the real service (``lms.services``)."""

from lms import services
from tests.factories import PASSWORD

__all__ = ["PASSWORD", "make_user"]


def make_user(role: str, **overrides):
    n = make_user.counter = getattr(make_user, "counter", 0) + 1
    data = {
        "username": f"{role.split()[0].lower()}{n}",
        "email": f"{role.split()[0].lower()}{n}@contoh.id",
        "full_name": f"{role} Nomor {n}",
        "password": PASSWORD,
        "role": role,
    }
    data.update(overrides)
    return services.user_create(**data)
