"""Oscar's checkout session, forked: a second "Place order" after the order went through says
so, instead of asking for products; a product no longer sold is named with what to do."""

from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.checkout import exceptions
from oscar.apps.checkout.session import CheckoutSessionMixin as CoreCheckoutSessionMixin
from oscar.core.loading import get_class, get_model

NoLongerSold = get_class("partner.availability", "NoLongerSold")
Order = get_model("order", "Order")


class CheckoutSessionMixin(CoreCheckoutSessionMixin):
    def check_basket_is_not_empty(self, request):
        if request.basket.is_empty:
            order_id = request.session.get("checkout_order_id")
            order = Order.objects.filter(pk=order_id).first() if order_id else None
            if order is not None:
                raise exceptions.FailedPreCondition(
                    url=reverse("checkout:thank-you"),
                    message=_(
                        "Your order %(number)s has already been placed; it was not placed twice."
                    )
                    % {"number": order.number},
                )
        super().check_basket_is_not_empty(request)

    def check_basket_is_valid(self, request):
        # Oscar's own message would wrap ours ("… is no longer available to buy (… is no
        # longer sold)"); a taken-down product gets one plain sentence instead. Stock
        # shortages are Oscar's to report once these lines are gone.
        gone = [
            _("“%(title)s” is no longer sold: remove it from your basket to go on.")
            % {"title": line.product.get_title()}
            for line in request.basket.all_lines()
            if isinstance(request.strategy.fetch_for_line(line).availability, NoLongerSold)
        ]
        if gone:
            raise exceptions.FailedPreCondition(url=reverse("basket:summary"), messages=gone)
        super().check_basket_is_valid(request)
