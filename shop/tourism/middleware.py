"""Request hook of the tourism app: the partner's reference followed from a widget."""

from __future__ import annotations

import re

from catalogue.numbers import id_parse
from shop.tourism.models import TourismPartner, Widget
from shop.tourism.services import basket_referral_record, widget_event_count

REF_PATTERN = re.compile(r"^[0-9a-f]{4,16}$")


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
