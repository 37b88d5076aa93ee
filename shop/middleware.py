"""Language choice: Vietnamese unless the reader picked another language with the switch;
requests carrying NUL bytes turned away; compression and cache headers of public pages."""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.middleware.gzip import GZipMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _


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


class NulByteRejectMiddleware:
    """A NUL byte in the path, the query string or a form is refused with 400.

    No text of ours contains one, and PostgreSQL refuses it in any string, so a lookup with
    `?q=%00` would fail with a 500 wherever a view passes the value on. Multipart bodies are
    left to the forms, whose fields refuse NUL themselves (reading them here would stop views
    from choosing how uploads are handled)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The public API keeps its contract instead: any value it cannot use is ignored and
        # named in the answer (search.query.SearchQuery drops NUL; keys are matched whole).
        if not request.path_info.startswith("/api/") and self.carries_nul(request):
            return HttpResponseBadRequest(
                _("This address or form contains a character that is not allowed."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)

    @staticmethod
    def carries_nul(request) -> bool:
        if "\x00" in request.path_info:
            return True
        sources = [request.GET]
        if request.content_type == "application/x-www-form-urlencoded":
            sources.append(request.POST)
        return any(
            "\x00" in key or any("\x00" in value for value in values)
            for source in sources
            for key, values in source.lists()
        )


class TokenFreeGZipMiddleware(GZipMiddleware):
    """Django's compression of HTML pages, except those that carry a CSRF token.

    A secret in a compressed page that also echoes what a visitor typed can be guessed from
    the compressed sizes (BREACH). Storefront pages carry no token for anonymous readers, so
    they are compressed; forms with a token (sign-in, checkout, dashboards) are sent as they
    are. Django's own padding and per-response token masking stay on top of that."""

    def process_response(self, request, response):
        # Django's CSRF middleware sends its cookie with every response that used the token.
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        # Pages only for now: the API's schema test (schemathesis over WSGI) asks for gzip
        # but reads the body without decoding it, so JSON stays plain until that is fixed.
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        return super().process_response(request, response)


class AnonymousPageCacheMiddleware:
    """Lets shared caches keep an HTML page for a short while when nothing in it is personal.

    The page is public only when the request carried no cookie but the language choice (so
    no session, basket or messages shaped it), the visitor is not signed in and the response
    sets no cookie; `Vary: Cookie` keeps the two languages apart. Anything else is left as
    the view made it. Placed above the session and CSRF middleware to see their cookies."""

    max_age = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_public(request, response):
            patch_cache_control(response, public=True, max_age=self.max_age)
            patch_vary_headers(response, ("Cookie",))
        return response

    @staticmethod
    def is_public(request, response) -> bool:
        user = getattr(request, "user", None)
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.has_header("Cache-Control")
            and response.get("Content-Type", "").startswith("text/html")
            and not response.cookies
            and set(request.COOKIES) <= {settings.LANGUAGE_COOKIE_NAME}
            and not getattr(user, "is_authenticated", False)
        )
