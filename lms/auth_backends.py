from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailOrUsernameBackend(ModelBackend):
    """Log in with either the username or the e-mail address (case-insensitive)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user_model = get_user_model()
        login = (username or kwargs.get(user_model.USERNAME_FIELD) or "").strip()
        if not login or password is None:
            return None
        field = "email__iexact" if "@" in login else "username__iexact"
        user = user_model._default_manager.filter(**{field: login}).order_by("pk").first()
        if user is None:
            user_model().set_password(password)  # same work as a real check: no timing oracle
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
