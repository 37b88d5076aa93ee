"""Order placement with one fulfilment per producer, written in the order's transaction."""

from django.db import transaction
from oscar.apps.checkout.mixins import OrderPlacementMixin as CoreOrderPlacementMixin

from shop.partners.services import partner_referral_attach_to_order
from vendors.fulfilment import fulfilments_create_for_order


class OrderPlacementMixin(CoreOrderPlacementMixin):
    def place_order(self, *args, **kwargs):
        # Oscar's checkout view catches errors of placement and shows the preview again, so
        # the request's own transaction would commit an order without its parcels: the
        # savepoint drops both together.
        with transaction.atomic():
            order = super().place_order(*args, **kwargs)
            fulfilments_create_for_order(order=order)
            partner_referral_attach_to_order(order=order, basket=order.basket)
        return order
