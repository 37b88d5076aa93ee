"""Oscar's order placement, routed through our placement service (shop/checkout/placement.py):
the stock taken under row locks, one parcel per producer with its fee, the ledger, and the
mails after commit."""

from django.db import transaction
from oscar.apps.checkout.mixins import OrderPlacementMixin as CoreOrderPlacementMixin
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_model

from shop.checkout.addresses import address_data
from shop.checkout.placement import OrderPlacementError, order_place
from shop.orders.statuses import PaymentMethod, status_at_placement

Order = get_model("order", "Order")


class OrderPlacementMixin(CoreOrderPlacementMixin):
    #: The payment method of orders placed by this view; payment views set their own.
    payment_method = PaymentMethod.COD.value

    def get_payment_method(self) -> str:
        return self.payment_method

    def get_initial_order_status(self, basket):
        return status_at_placement(self.get_payment_method())

    def handle_order_placement(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        surcharges=None,
        **kwargs,
    ):
        try:
            order = self.place_order(
                order_number=order_number,
                user=user,
                basket=basket,
                shipping_address=shipping_address,
                shipping_method=shipping_method,
                shipping_charge=shipping_charge,
                order_total=order_total,
                billing_address=billing_address,
                surcharges=surcharges,
                **kwargs,
            )
        except OrderPlacementError as error:
            # Oscar's submit shows the preview again with this message and thaws the basket.
            raise UnableToPlaceOrder(error.message) from error
        # A second click that waited for the first finds its order: the basket the view froze
        # again is submitted like the first one.
        basket.submit()
        return self.handle_successful_order(order)

    def place_order(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        order_total,
        billing_address=None,
        surcharges=None,
        **kwargs,
    ):
        """Place the order through order_place; the shipping method, charge and total are
        worked out there again from the locked basket, so what Oscar computed earlier in the
        request is not trusted."""
        status = kwargs.pop("status", None) or self.get_initial_order_status(basket)
        request = kwargs.pop("request", None) or getattr(self, "request", None)
        payment_method = kwargs.pop("payment_method", None) or self.get_payment_method()
        guest_email = ""
        if not (user and user.is_authenticated):
            guest_email = self.checkout_session.get_guest_email() or ""
        # Payment events and sources belong to the order this call writes, not to one a
        # first click already placed.
        placed_before = Order.objects.filter(number=str(order_number)).exists()
        with transaction.atomic():
            order = order_place(
                basket=basket,
                user=user if user and user.is_authenticated else None,
                guest_email=guest_email,
                shipping_address=address_data(shipping_address) or {},
                billing_address=address_data(billing_address),
                payment_method=payment_method,
                order_number=str(order_number),
                status=status,
                request=request,
            )
            if not placed_before:
                self.save_payment_details(order)
        return order

    def send_order_placed_email(self, order):
        # order_place queues our own confirmation after commit (shop.checkout.tasks).
        pass
