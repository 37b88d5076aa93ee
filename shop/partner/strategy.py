"""The storefront's strategy: Oscar's default (first stock record, stock required, no tax)
with the rule of what may be sold now, `catalogue.selectors.product_is_on_sale`.

Everything that shows or sells a product asks Oscar's strategy (product cards and pages,
the basket, the checkout's checks); the placement checks the same rule again under its locks.
"""

from oscar.apps.partner import strategy as oscar_strategy
from oscar.core.loading import get_class

from shop.partner.selectors import product_sellable
from vendors.preorders import preorder_terms_active

NoLongerSold = get_class("partner.availability", "NoLongerSold")
PreOrder = get_class("partner.availability", "PreOrder")
UnavailablePrice = get_class("partner.prices", "Unavailable")


class OnSaleRequired(oscar_strategy.StockRequired):
    """Availability mixin: what the shop does not sell now is "No longer sold", whatever
    its stock."""

    def availability_policy(self, product, stockrecord):
        if not product_sellable(product=product, stockrecord=stockrecord):
            return NoLongerSold(product.get_title())
        terms = self.preorder_terms().get(product.pk)
        if terms is not None and stockrecord is not None:
            # Sold ahead of the harvest: whatever its stock, up to the producer's cap.
            return PreOrder(terms, product.get_title())
        return super().availability_policy(product, stockrecord)

    def preorder_terms(self) -> dict:
        """The products sold as pre-orders now, read once per strategy (once a request)."""
        if getattr(self, "_preorder_terms", None) is None:
            self._preorder_terms = preorder_terms_active()
        return self._preorder_terms

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
    OnSaleRequired,
    PositivePriceNoTax,
    oscar_strategy.Structured,
):
    """The shop's strategy: Oscar's default (the first stock record, its price as set, no tax
    added), selling only what may be sold now."""


class Selector(oscar_strategy.Selector):
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
