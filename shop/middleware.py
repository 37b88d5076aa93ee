"""Language choice: Vietnamese unless the reader picked another language with the switch;
requests carrying NUL bytes turned away; compression and cache headers of public pages."""

import hashlib

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.middleware.gzip import GZipMiddleware
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import quote_etag
from django.utils.translation import gettext as _

from shop import page_cache


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
    """Django's compression of HTML pages and JSON, except answers that carry a CSRF token.

    A secret in a compressed page that also echoes what a visitor typed can be guessed from
    the compressed sizes (BREACH). Storefront pages carry no token for anonymous readers, so
    they are compressed; forms with a token (sign-in, checkout, dashboards) are sent as they
    are. Django's own padding and per-response token masking stay on top of that. The
    API's JSON is compressed too: it carries no token and no personal data."""

    compressed_types = ("text/html", "application/json")

    def process_response(self, request, response):
        # Django's CSRF middleware sends its cookie with every response that used the token.
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        # Pages and the API's JSON; other types (files, feeds) are left as their view sent them.
        if not response.get("Content-Type", "").startswith(self.compressed_types):
            return response
        return super().process_response(request, response)


class AnonymousPageCacheMiddleware:
    """Anonymous pages served from a shared server-side cache, and marked for other caches.

    A page is public when the request carried no cookie but the language choice (so no
    session, basket or messages shaped it), the visitor is not signed in and the response
    sets no cookie; `Vary: Cookie` keeps the two languages apart in caches downstream. Such
    a page gets `Cache-Control: public, max-age=60` (unless its view chose its own) and an
    ETag, and a conditional GET that matches is answered 304.

    When shop.page_cache gives the request a key (the full address with known parameters
    only, host, scheme, language and compression), the answer is also kept server-side until
    the catalogue changes (the version in the entry) or its timeout, and the next request
    with that key is answered from it without running anything below. Placed right under the
    security middleware: a kept answer already holds the policy header, the compressed body
    and every header the stack below wrote, and a hit skips all of it."""

    max_age = 60
    # Vary headers a kept answer may carry, because the key already separates what they name
    # (the API is kept for JSON clients only, with the same answer for any origin; an embed
    # is keyed on the origin of its Referer).
    keyed_vary = {"cookie", "accept-encoding"}
    keyed_vary_under = {"/api/": {"accept", "origin"}, "/embed/": {"referer"}}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_cache.request_key(request)
        version = ""
        if key is not None:
            entry, version = page_cache.lookup(key)
            request.page_cache_version = version
            if entry is not None and page_cache.run_hit_hook(request, entry):
                return self.answer_from(request, entry)
        response = self.get_response(request)
        if not self.is_public(request, response):
            return response
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=self.max_age)
        patch_vary_headers(response, ("Cookie",))
        if not response.streaming and not response.has_header("ETag"):
            response["ETag"] = quote_etag(
                hashlib.md5(response.content, usedforsecurity=False).hexdigest()
            )
        if key is not None and version and self.may_keep(request, response):
            page_cache.store(key, self.entry_of(response, version))
            response[page_cache.STATUS_HEADER] = "miss"
        return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def answer_from(request, entry):
        response = HttpResponse(entry.content, status=entry.status)
        for name, value in entry.headers:
            response[name] = value
        response[page_cache.STATUS_HEADER] = "hit"
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    @staticmethod
    def entry_of(response, version: str) -> page_cache.Entry:
        return page_cache.Entry(
            version=version,
            status=response.status_code,
            headers=[
                (name, value)
                for name, value in response.items()
                if name.lower() != page_cache.STATUS_HEADER.lower()
            ],
            content=response.content,
            on_hit=getattr(response, "page_cache_on_hit", None),
        )

    @classmethod
    def may_keep(cls, request, response) -> bool:
        """Only a whole 200 page for every anonymous reader: GET (a HEAD answer may have
        lost its body), nothing private, no Vary the key does not cover."""
        if request.method != "GET" or response.streaming:
            return False
        # A message added while this very page was rendered is for its reader alone.
        if getattr(getattr(request, "_messages", None), "_queued_messages", None):
            return False
        if len(response.content) > page_cache.MAX_BODY_BYTES:
            return False
        control = response.get("Cache-Control", "")
        if "public" not in control or "private" in control or "no-store" in control:
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        keyed = cls.keyed_vary.union(
            *(
                names
                for prefix, names in cls.keyed_vary_under.items()
                if request.path.startswith(prefix)
            )
        )
        return vary <= keyed

    @staticmethod
    def is_public(request, response) -> bool:
        user = getattr(request, "user", None)
        control = response.get("Cache-Control", "")
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and (not control or ("public" in control and "private" not in control))
            and (
                response.get("Content-Type", "").startswith("text/html")
                or (
                    request.path.startswith("/api/")
                    and response.get("Content-Type", "").startswith("application/json")
                )
            )
            and not response.cookies
            and not page_cache.carries_personal_cookie(request)
            and not getattr(user, "is_authenticated", False)
        )
