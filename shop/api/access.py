"""Keys, throttles and errors of the public API.

A request may carry a partner's publishable key (header X-OCOP-Key or ?key=). With a valid
key it is limited per key and per address at the partner rates; without one it is served at
a lower per-address rate (the site's own pages use the API that way). A key that is unknown
or suspended is refused, so a partner notices a rotated key at once.
"""

import logging
import time

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import exception_handler

from customer.client_address import client_address
from shop.tourism.selectors import partner_for_key

UNSET = object()

logger = logging.getLogger(__name__)


def request_partner(request):
    """The approved partner whose key the request carries, or None. Kept on Django's request
    under DRF's, where ApiCorsMiddleware finds it on the way out without a second query."""
    cached = getattr(request, "_ocop_partner", UNSET)
    if cached is UNSET:
        key = request.headers.get("X-OCOP-Key") or request.query_params.get("key", "")
        cached = partner_for_key(key=key) if key else None
        holder = getattr(request, "_request", request)
        holder._ocop_partner = cached
        holder._ocop_key_given = bool(key)
    return cached


class KnownKeyOrAnonymous(BasePermission):
    def has_permission(self, request, view) -> bool:
        partner = request_partner(request)
        if request._ocop_key_given and partner is None:
            raise exceptions.PermissionDenied(
                _("This key is unknown or suspended. Copy the current key from your partner area.")
            )
        return True


class _Throttle(SimpleRateThrottle):
    def timer(self) -> float:
        # DRF keeps `time.time` as a class attribute; read the clock at each call instead, so
        # a clock replaced while the module was first imported (freezegun) is not kept.
        return time.time()

    def get_rate(self):
        # Read at each request, so settings changed by tests or at run time apply.
        return settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].get(self.scope)

    def allow_request(self, request, view) -> bool:
        # The rates live in the cache. With the cache unreachable the API still answers,
        # unthrottled for that while, rather than failing every call; the outage is logged.
        try:
            return super().allow_request(request, view)
        except Exception:  # noqa: BLE001 - any backend's connection error
            logger.warning("api throttle skipped: the cache is unreachable", exc_info=True)
            return True

    def get_ident(self, request) -> str:
        # The site's one reading of the client address, which trusts X-Forwarded-For only as
        # far as TRUSTED_PROXY_COUNT says (DRF's own reading trusts it when NUM_PROXIES is unset).
        return client_address(request)


class PartnerKeyThrottle(_Throttle):
    """All requests made with one key, wherever they come from."""

    scope = "partner_key"

    def get_cache_key(self, request, view):
        partner = request_partner(request)
        if partner is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": partner.pk}


class PartnerAddressThrottle(_Throttle):
    """One address using a key: a single visitor cannot use up the partner's whole quota."""

    scope = "partner_address"

    def get_cache_key(self, request, view):
        partner = request_partner(request)
        if partner is None:
            return None
        ident = f"{partner.pk}:{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AnonymousAddressThrottle(_Throttle):
    scope = "anonymous_address"

    def get_cache_key(self, request, view):
        if request_partner(request) is not None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def anonymous_answer_allowed(request) -> bool:
    """A product list served from the page cache (shop.page_cache) counts against the caller's
    anonymous rate like any other answer; over the rate, the request goes on to the view,
    which refuses it with 429 and the wait."""
    return AnonymousAddressThrottle().allow_request(Request(request), None)


def api_exception_handler(exc, context):
    """DRF's answers, with a plain sentence and the wait for 429."""
    response = exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.Throttled):
        wait = int(exc.wait or 1)
        response.data = {
            "detail": _("Too many requests. Try again in %(seconds)s seconds.") % {"seconds": wait},
            "retry_after": wait,
        }
        response["Retry-After"] = str(wait)
    return response
