"""Factories that work with any user model: ``lms.User`` on the host site, ``auth.User`` on a plugin host."""

import factory
from django.conf import settings
from django.contrib.auth import get_user_model

PASSWORD = "rahasia-kuat-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"peserta{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@contoh.id")
    full_name = factory.Sequence(lambda n: f"Peserta Nomor {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if not _has_field(model_class, "full_name"):
            first, _, last = kwargs.pop("full_name", "").partition(" ")
            kwargs.setdefault("first_name", first)
            kwargs.setdefault("last_name", last)
        user = super()._create(model_class, *args, **kwargs)
        return user

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def _has_field(model_class, name: str) -> bool:
    return any(field.name == name for field in model_class._meta.get_fields())


def user_model_has_full_name() -> bool:
    return _has_field(get_user_model(), "full_name")


def image_bytes(kind: str = "PNG", size: tuple[int, int] = (8, 8)) -> bytes:
    """A real, tiny image (uploads are re-encoded from their pixels, so a fake header is refused)."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=kind)
    return out.getvalue()
