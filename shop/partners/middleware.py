"""Request hooks of the partners app: the partner's reference followed from a widget, and
CORS for the public API."""

from __future__ import annotations

import re

from django.http import HttpResponse

from catalogue.numbers import id_parse
from shop.partners.models import TourismPartner, Widget
from shop.partners.selectors import origin_allowed, partner_for_key
from shop.partners.services import basket_referral_record, widget_event_count

REF_PATTERN = re.compile(r"^[0-9a-f]{4,16}$")
API_PREFIX = "/api/"
CORS_MAX_AGE = "600"


class PartnerReferralMiddleware:
    """`?ref=<partner>&w=<widget>` on a shop page: the basket remembers the partner (the last
    one wins) and the widget's click is counted. Pages without `ref` cost nothing. Sits after
    Oscar's BasketMiddleware, which sets the basket cookie on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ref = request.GET.get("ref", "") if request.method == "GET" else ""
        if ref and REF_PATTERN.match(ref) and not request.path.startswith(("/embed/", "/api/")):
            self.record(request, ref)
        return self.get_response(request)

    def record(self, request, ref: str) -> None:
        partner = TourismPartner.objects.filter(
            ref=ref, status=TourismPartner.Status.APPROVED
        ).first()
        if partner is None or not hasattr(request, "basket"):
            return
        widget_id = id_parse(request.GET.get("w"))
        widget = None
        if widget_id is not None:
            widget = Widget.objects.filter(pk=widget_id, partner=partner).first()
        basket_referral_record(basket=request.basket, partner=partner, widget=widget)
        if widget is not None:
            widget_event_count(widget_id=widget.pk, kind="clicks")


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
            if origin and self.any_partner_allows(origin):
                response["Access-Control-Allow-Origin"] = origin
                response["Access-Control-Allow-Methods"] = "GET, OPTIONS"
                response["Access-Control-Allow-Headers"] = "X-OCOP-Key, Accept, Content-Type"
                response["Access-Control-Max-Age"] = CORS_MAX_AGE
            response["Vary"] = "Origin"
            return response
        response = self.get_response(request)
        if origin:
            # The API's key check already looked the partner up (shop.partners.api.access).
            partner = getattr(request, "_ocop_partner", None)
            if not hasattr(request, "_ocop_partner"):
                partner = partner_for_key(key=_api_key(request))
            if partner is not None and origin_allowed(partner=partner, origin=origin):
                response["Access-Control-Allow-Origin"] = origin
                response["Access-Control-Expose-Headers"] = "Retry-After"
            response["Vary"] = "Origin" if "Vary" not in response else response["Vary"] + ", Origin"
        return response

    @staticmethod
    def any_partner_allows(origin: str) -> bool:
        partners = TourismPartner.objects.filter(status=TourismPartner.Status.APPROVED).exclude(
            allowed_domains=""
        )
        return any(origin_allowed(partner=p, origin=origin) for p in partners)
