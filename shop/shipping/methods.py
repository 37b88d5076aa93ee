"""Oscar's shipping methods, with ours: one parcel per producer, at each producer's rules."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403
from oscar.apps.shipping.methods import Base
from oscar.core import prices


class ProducerParcels(Base):
    """The order's shipping is the sum of its producers' parcel fees (no tax on top: VND
    prices here include everything).

    One instance per basket view or placement (the repository makes a new one each time): it
    splits the basket into parcels once and keeps them, so the charge, the parcels shown on
    the page, the total to pay and the parcels placed are the same figures."""

    code = "producer-parcels"
    name = _("Delivery by each producer")
    description = _("Each producer sends its own parcel; the fee is the sum of their fees.")

    def __init__(self):
        self._split = None

    def parcels_for(self, basket) -> list:
        from shop.shipping.selectors import basket_parcels, basket_state

        # Split again only if the basket's lines changed since (another line, quantity or
        # price): a view may change the basket after pricing it.
        state = (basket.pk, basket_state(basket=basket))
        if self._split is None or self._split[0] != state:
            self._split = (state, basket_parcels(basket=basket))
        return self._split[1]

    def calculate(self, basket):
        from decimal import Decimal

        total = sum((parcel.fee for parcel in self.parcels_for(basket)), Decimal("0"))
        return prices.Price(currency=basket.currency, excl_tax=total, incl_tax=total)
