"""CORS for /api/: the pages of a partner's allowed domains may read the public API."""

from __future__ import annotations

from django.http import HttpResponse

from shop.tourism.selectors import origin_allowed, origin_allowed_by_any_partner, partner_for_key

API_PREFIX = "/api/"
CORS_MAX_AGE = "600"


def _api_key(request) -> str:
    return request.headers.get("X-OCOP-Key") or request.GET.get("key", "")


class ApiCorsMiddleware:
    """CORS for /api/: a page on a partner's allowed domain may read the API with that
    partner's key. A preflight carries no key, so it is answered for any approved partner's
    domain; the real request is then checked against the key's own partner."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        origin = request.headers.get("Origin")
        if request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method"):
            response = HttpResponse(status=204)
            if origin and origin_allowed_by_any_partner(origin=origin):
                response["Access-Control-Allow-Origin"] = origin
                response["Access-Control-Allow-Methods"] = "GET, OPTIONS"
                response["Access-Control-Allow-Headers"] = "X-OCOP-Key, Accept, Content-Type"
                response["Access-Control-Max-Age"] = CORS_MAX_AGE
            response["Vary"] = "Origin"
            return response
        response = self.get_response(request)
        if origin:
            # The API's key check already looked the partner up (shop.api.access).
            partner = getattr(request, "_ocop_partner", None)
            if not hasattr(request, "_ocop_partner"):
                partner = partner_for_key(key=_api_key(request))
            if partner is not None and origin_allowed(partner=partner, origin=origin):
                response["Access-Control-Allow-Origin"] = origin
                response["Access-Control-Expose-Headers"] = "Retry-After"
            response["Vary"] = "Origin" if "Vary" not in response else response["Vary"] + ", Origin"
        return response
