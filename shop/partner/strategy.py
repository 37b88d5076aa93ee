"""The storefront's strategy: Oscar's default (first stock record, stock required, no tax)
with the rule of what may be sold now, `catalogue.selectors.product_is_on_sale`.

Everything that shows or sells a product asks Oscar's strategy (product cards and pages,
the basket, the checkout's checks); the placement checks the same rule again under its locks.
"""

from oscar.apps.partner import strategy as oscar_strategy
from oscar.core.loading import get_class

from shop.gifts.strategy import GiftBoxAvailability
from shop.partner.selectors import product_sellable

NoLongerSold = get_class("partner.availability", "NoLongerSold")
UnavailablePrice = get_class("partner.prices", "Unavailable")


class OnSaleRequired(oscar_strategy.StockRequired):
    """Availability mixin: what the shop does not sell now is "No longer sold", whatever
    its stock."""

    def availability_policy(self, product, stockrecord):
        if not product_sellable(product=product, stockrecord=stockrecord):
            return NoLongerSold(product.get_title())
        return super().availability_policy(product, stockrecord)

    def parent_availability_policy(self, product, children_stock):
        if not product_sellable(product=product):
            return NoLongerSold(product.get_title())
        return super().parent_availability_policy(product, children_stock)


class PositivePriceNoTax(oscar_strategy.NoTax):
    """Pricing mixin: a price of zero or less (a row older than the database's check) is
    no price at all, so it never lowers a basket's total."""

    def pricing_policy(self, product, stockrecord):
        if stockrecord is not None and stockrecord.price is not None and stockrecord.price <= 0:
            return UnavailablePrice()
        return super().pricing_policy(product, stockrecord)


class Default(
    oscar_strategy.UseFirstStockRecord,
    GiftBoxAvailability,
    OnSaleRequired,
    PositivePriceNoTax,
    oscar_strategy.Structured,
):
    """The shop's strategy: Oscar's default (the first stock record, its price as set, no tax
    added), selling only what may be sold now."""


class Selector(oscar_strategy.Selector):
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
