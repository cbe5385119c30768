"""Path converters for the codes in public certificate URLs: a value of the wrong shape (a NUL byte, a dot, a space,
a letter outside the alphabet) does not match, so it is a plain 404 and never reaches a database query."""

from django.urls import register_converter


class VerificationCodeConverter:
    """A certificate's verification code: ``secrets.token_urlsafe`` (URL-safe base64), at most 64 characters."""

    regex = r"[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class IssuerCodeConverter(VerificationCodeConverter):
    """An issuer's code (``ISSUER_CODE``): capital letters, digits and hyphens, 3 to 20 characters."""

    regex = r"[A-Z0-9-]{3,20}"


register_converter(VerificationCodeConverter, "certcode")
register_converter(IssuerCodeConverter, "issuercode")
