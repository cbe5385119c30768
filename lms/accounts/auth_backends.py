from axes.backends import AxesBackend
from django.contrib.auth import get_user_model


class EmailOrUsernameBackend(AxesBackend):
    """Log in with either the username or the e-mail address (case-insensitive).

    It is django-axes' backend first: a locked-out account or address is refused before the password is looked at
    (``AxesBackend.authenticate`` raises), so ``authenticate()`` must always be given the request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        super().authenticate(request, username=username, password=password, **kwargs)
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
