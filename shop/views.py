"""Small project-level views."""

import asyncio
import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET
from health_check.views import HealthCheckView

from shop.health import checks_create, health_report

logger = logging.getLogger(__name__)


class HealthView(HealthCheckView):
    """/healthz for load balancers and monitors: every dependency checked at once, as JSON
    (shop.health), never cached; 200 when all answer, 503 when one fails."""

    async def get(self, request, *args, **kwargs):
        named = checks_create()
        with self.get_executor() as executor:
            results = await asyncio.gather(*(check.get_result(executor) for _, check in named))
        names = [name for name, _ in named]
        body, status = health_report(list(zip(names, results, strict=True)))
        return JsonResponse(body, status=status)


healthz = HealthView.as_view()


@require_GET
def switch_language(request: HttpRequest) -> HttpResponse:
    """The header's language switch: keeps the choice in the language cookie and goes back.

    A GET, so that no page has to carry a CSRF token (and set its cookie) only to offer the
    switch; changing someone's display language is harmless, so it needs no token. `next` is
    followed only when it stays on this site, never to another host."""
    language = request.GET.get("language", "")
    if language not in {code for code, _name in settings.LANGUAGES}:
        language = settings.LANGUAGE_CODE
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    # The answer depends on who asked: no cache may keep it for the next reader.
    add_never_cache_headers(response)
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form refused by the CSRF check: say how to go on, and give the reader the cookie.

    Cacheable pages send forms whose CSRF field a script fills (see csrf_fields); a reader
    without scripts is refused once. Asking for the token here makes the middleware set the
    cookie, so the page they go back to carries a real token and the next try works."""
    get_token(request)
    logger.info("CSRF check refused %s: %s", request.path, reason)
    return render(request, "csrf_failure.html", status=403)
