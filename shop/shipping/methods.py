"""Oscar's shipping methods, with ours: one parcel per producer, at each producer's rules."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403
from oscar.apps.shipping.methods import Base
from oscar.core import prices


class ProducerParcels(Base):
    """The order's shipping is the sum of its producers' parcel fees (no tax on top: VND
    prices here include everything)."""

    code = "producer-parcels"
    name = _("Delivery by each producer")
    description = _("Each producer sends its own parcel; the fee is the sum of their fees.")

    def calculate(self, basket):
        from shop.shipping.selectors import basket_shipping_total

        total = basket_shipping_total(basket=basket)
        return prices.Price(currency=basket.currency, excl_tax=total, incl_tax=total)
