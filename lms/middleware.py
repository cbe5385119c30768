from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

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
        from django.utils.cache import patch_vary_headers

        patch_vary_headers(response, ("Cookie",))
        return response
