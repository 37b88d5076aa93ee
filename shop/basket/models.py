"""Oscar's basket models, with a basket whose lines arrive with what pricing each one reads.

Every line is priced and checked by the strategy (`shop.partner.strategy`) several times per
request (totals, offers, the line's row, the parcels): each time it reads the product's first
stock record, its producer and its product class. Loading those with the lines keeps the
basket page and "add to basket" at the same number of queries whatever the basket holds.
"""

from oscar.apps.basket.abstract_models import AbstractBasket


class Basket(AbstractBasket):
    def all_lines(self):
        if self.id is None or self._lines is not None:
            return super().all_lines()
        # Oscar's lines (its joins, prefetches and order), with what the strategy reads added.
        self._lines = (
            super()
            .all_lines()
            .select_related(
                "product__vendor",
                "product__product_class",
                "product__parent__vendor",
                "product__parent__product_class",
            )
            .prefetch_related("product__stockrecords")
        )
        return self._lines


from oscar.apps.basket.models import *  # noqa: E402, F403
