"""Oscar's basket models, with a basket whose lines arrive with what pricing each one reads.

Every line is priced and checked by the strategy (`shop.partner.strategy`) several times per
request (totals, offers, the line's row, the parcels): each time it reads the product's first
stock record, its producer and its product class. Loading those with the lines keeps the
basket page and "add to basket" at the same number of queries whatever the basket holds.
"""

from django.utils.encoding import smart_str
from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine

from catalogue.models import reader_reads_english


class Basket(AbstractBasket):
    def all_lines(self):
        if self.id is None or self._lines is not None:
            return super().all_lines()
        self._lines = (
            self.lines.select_related(
                "stockrecord",
                "product__vendor",
                "product__product_class",
                "product__parent__vendor",
                "product__parent__product_class",
            )
            .prefetch_related("attributes", "product__images", "product__stockrecords")
            .order_by(self._meta.pk.name)
        )
        return self._lines


class Line(AbstractLine):
    @property
    def description(self):
        # Oscar describes a line by the product's Vietnamese title (its `__str__`); the English
        # site names it by the English title when the producer wrote one. Options stay as is.
        text = super().description
        if reader_reads_english():
            english = self.product.english_title()
            vietnamese = smart_str(self.product)
            if english and text.startswith(vietnamese):
                text = english + text[len(vietnamese) :]
        return text


from oscar.apps.basket.models import *  # noqa: E402, F403
