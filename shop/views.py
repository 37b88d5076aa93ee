"""Small project-level views."""

import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def healthz(request):
    """Liveness: answers 200 while the database answers, 503 otherwise."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # a health check reports, it never raises
        logger.exception("Health check: database unreachable")
        checks["database"] = "error"
    healthy = all(v == "ok" for v in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


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
