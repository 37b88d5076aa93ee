"""Oscar's checkout session, forked: a second "Place order" after the order went through says
so, instead of asking for products."""

from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.checkout import exceptions
from oscar.apps.checkout.session import CheckoutSessionMixin as CoreCheckoutSessionMixin
from oscar.core.loading import get_model

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
