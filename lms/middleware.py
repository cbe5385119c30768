from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from lms.selectors import language_for_request


class UserLocaleMiddleware(LocaleMiddleware):
    """Activate the language the person chose — never the browser's guess.

    Order: the signed-in user's preferred language, then the session, then the language cookie, then
    Bahasa Indonesia (``LANGUAGE_CODE``). Must come after AuthenticationMiddleware.
    """

    def process_request(self, request):
        language = language_for_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language() or settings.LANGUAGE_CODE)
        patch_vary_headers(response, ("Cookie",))
        return response


class TrustedProxyMiddleware:
    """Behind our own reverse proxy, take the client's address from ``X-Forwarded-For``.

    Only when the direct peer (``REMOTE_ADDR``) is one of ``KOMPETEN_TRUSTED_PROXIES``: anyone else could send
    that header. The right-most address not itself a trusted proxy is the client. Rate limits, login lockouts and
    the audit trail all read ``REMOTE_ADDR`` afterwards. Must come first.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = frozenset(getattr(settings, "KOMPETEN_TRUSTED_PROXIES", ()))

    def __call__(self, request):
        if self.trusted and request.META.get("REMOTE_ADDR") in self.trusted:
            chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
            for address in reversed(chain):
                if address not in self.trusted:
                    request.META["REMOTE_ADDR"] = address
                    break
        return self.get_response(request)
