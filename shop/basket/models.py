"""Oscar's basket models, with a basket whose lines arrive with what pricing each one reads.

Every line is priced and checked by the strategy (`shop.partner.strategy`) several times per
request (totals, offers, the line's row, the parcels): each time it reads the product's first
stock record, its producer and its product class. Loading those with the lines keeps the
basket page and "add to basket" at the same number of queries whatever the basket holds.
Lines keep a wholesale buyer's price for their current quantity (shop.wholesale).
"""

from django.utils.encoding import smart_str
from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine

from catalogue.models import reader_reads_english


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

    # Set by "add to basket" (shop.basket.views.BasketAddView), whose request adds one product
    # and then applies the offers anew, and nothing else: only there is the line kept.
    keep_added_line = False

    def add_product(self, product, quantity=1, options=None):
        # Oscar drops the lines it read after every addition and reads them again when the
        # offers are applied anew. A basket not saved yet, or whose lines were read this
        # request and were none, has after the addition one line, the one just created: it is
        # kept as the lines read, which spares reading it back with its product, stock,
        # pictures and options (four queries on a shopper's first addition).
        self.__dict__.pop("_lines_added", None)  # a second addition: read the lines again
        if not self.keep_added_line:
            return super().add_product(product, quantity, options)
        if self.id is None:
            # A basket saved now holds no line yet: nothing to read to learn its currency.
            self.save()
            self._lines_read_as([])
        read = self._lines
        was_empty = read is not None and read._result_cache is not None and not read._result_cache
        line, created = super().add_product(product, quantity, options)
        if was_empty and created and self._lines is None:
            self._lines_added = self._lines_read_as([line])
        return line, created

    def _lines_read_as(self, lines: list):
        """The lines' queryset, as if read from the database and found to be `lines`."""
        self._lines = None
        queryset = self.all_lines()
        queryset._result_cache = lines
        queryset._prefetch_done = True
        return queryset

    def reset_offer_applications(self):
        super().reset_offer_applications()
        # The lines kept by add_product stand in for a fresh read, once: without any discount,
        # as rows read again would be.
        kept = self.__dict__.pop("_lines_added", None)
        if kept is not None:
            for line in kept:
                line.clear_discount()
            self._lines = kept


class Line(AbstractLine):
    """Oscar's line; for a wholesale buyer the price it keeps follows its quantity.

    Oscar keeps the price a line was added at, warns when the price now differs and the
    checkout refuses to place the order until the buyer has seen the new one. A wholesale
    price depends on the quantity, so when a partner's member adds or changes a quantity the
    price kept is the one the basket then shows them; for every other buyer nothing changes."""

    @classmethod
    def from_db(cls, db, field_names, values):
        line = super().from_db(db, field_names, values)
        line._quantity_loaded = line.quantity
        return line

    def save(self, *args, **kwargs):
        quantity_changed = self._state.adding or self.quantity != getattr(
            self, "_quantity_loaded", None
        )
        if quantity_changed and self._wholesale_priced():
            self.__dict__.pop("_info", None)
            price = self.purchase_info.price
            if price.exists and price.is_tax_known:
                self.price_excl_tax = price.excl_tax
                self.price_incl_tax = price.incl_tax
                update_fields = kwargs.get("update_fields")
                if update_fields is not None:
                    kwargs["update_fields"] = {*update_fields, "price_excl_tax", "price_incl_tax"}
        super().save(*args, **kwargs)
        self._quantity_loaded = self.quantity

    def _wholesale_priced(self) -> bool:
        basket = self.basket if self.basket_id else None
        if basket is None or not basket.has_strategy:
            return False
        return getattr(basket.strategy, "wholesale_partner", None) is not None

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
