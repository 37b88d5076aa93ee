"""Language choice: Vietnamese unless the reader picked another language with the switch."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class SwitchedLocaleMiddleware:
    """Like Django's LocaleMiddleware, but the browser's Accept-Language is not consulted.

    The site speaks Vietnamese first; English is one click away in the header and the
    choice is kept in the language cookie that `set_language` writes.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # The language holds for this request only: the thread goes back to the one it had, so
        # work done after the response in the same thread (an eager task, the next test)
        # does not inherit the reader's choice.
        with translation.override(language):
            response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
