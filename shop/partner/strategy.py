"""The storefront's strategy: Oscar's default (first stock record, stock required, no tax)
with the rule of what may be sold now, `catalogue.selectors.product_is_on_sale`; for a
member of an approved tourism partner, basket lines priced at the producer's wholesale tier
for their quantity (shop.wholesale).

Everything that shows or sells a product asks Oscar's strategy (product cards and pages,
the basket, the checkout's checks); the placement checks the same rule again under its locks.
"""

from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from oscar.apps.partner import prices as oscar_prices
from oscar.apps.partner import strategy as oscar_strategy
from oscar.core.loading import get_class

from shop.gifts.strategy import GiftBoxAvailability
from shop.partner.selectors import product_sellable
from shop.wholesale.selectors import (
    tier_for_quantity,
    tiers_for_products,
    wholesale_partner_for_user,
)
from vendors.preorders import preorder_terms_active, preorder_terms_is_active

NoLongerSold = get_class("partner.availability", "NoLongerSold")
PreOrder = get_class("partner.availability", "PreOrder")
UnavailablePrice = get_class("partner.prices", "Unavailable")


class OnSaleRequired(oscar_strategy.StockRequired):
    """Availability mixin: what the shop does not sell now is "No longer sold", whatever
    its stock."""

    def availability_policy(self, product, stockrecord):
        if not product_sellable(product=product, stockrecord=stockrecord):
            return NoLongerSold(product.get_title())
        terms = self.preorder_terms_for(product)
        if terms is not None and stockrecord is not None:
            # Sold ahead of the harvest: whatever its stock, up to the producer's cap.
            return PreOrder(terms, product.get_title())
        return super().availability_policy(product, stockrecord)

    def preorder_terms_for(self, product):
        """The product's terms when they sell it as a pre-order now, else None. A product
        loaded with its terms (the storefront's lists select them in the product's row)
        answers from them; any other asks the request's one read of every open term."""
        if type(product).preorder_terms.is_cached(product):
            try:
                terms = product.preorder_terms
            except ObjectDoesNotExist:
                return None
            return terms if preorder_terms_is_active(terms=terms) else None
        return self.preorder_terms().get(product.pk)

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
    GiftBoxAvailability,
    OnSaleRequired,
    PositivePriceNoTax,
    oscar_strategy.Structured,
):
    """The shop's strategy: Oscar's default (the first stock record, its price as set, no tax
    added), selling only what may be sold now."""


class WholesaleUnitPrice(oscar_prices.FixedPrice):
    """A basket line's unit price at a producer's wholesale tier, with the retail price it
    replaces (the basket shows both)."""

    is_wholesale = True

    def __init__(self, currency, excl_tax, *, retail_excl_tax, min_quantity: int):
        super().__init__(currency, excl_tax, tax=Decimal("0"))
        self.retail_excl_tax = retail_excl_tax
        self.min_quantity = min_quantity


class SignedIn(Default):
    """The strategy of a signed-in reader. Products are priced as by Default; a basket
    line is priced at the quantity tier of its product when the reader belongs to an
    approved tourism partner, asked once, when a line is first priced (pages that price
    no line, such as the catalogue, cost no extra query)."""

    def __init__(self, request=None, user=None):
        super().__init__(request)
        self.user = user
        self._partner = None
        self._partner_known = False
        self._tiers: dict = {}

    @property
    def wholesale_partner(self):
        if not self._partner_known:
            self._partner = wholesale_partner_for_user(user=self.user)
            self._partner_known = True
        return self._partner

    def _tiers_of(self, line) -> list:
        if line.product_id not in self._tiers:
            # Every line of the basket in one query, on the first line priced.
            basket = getattr(line, "basket", None)
            ids = {line.product_id}
            if basket is not None and basket.pk is not None:
                ids |= {other.product_id for other in basket.all_lines()}
            found = tiers_for_products(product_ids=ids)
            self._tiers.update({product_id: found.get(product_id, []) for product_id in ids})
        return self._tiers[line.product_id]

    def fetch_for_line(self, line, stockrecord=None):
        info = super().fetch_for_line(line, stockrecord)
        price = info.price
        if not price.exists or self.wholesale_partner is None:
            return info
        tier = tier_for_quantity(
            tiers=self._tiers_of(line), quantity=line.quantity, retail=price.excl_tax
        )
        if tier is None:
            return info
        return oscar_strategy.PurchaseInfo(
            price=WholesaleUnitPrice(
                price.currency,
                tier.price,
                retail_excl_tax=price.excl_tax,
                min_quantity=tier.min_quantity,
            ),
            availability=info.availability,
            stockrecord=info.stockrecord,
        )


class Selector(oscar_strategy.Selector):
    def strategy(self, request=None, user=None, **kwargs):
        if user is None and request is not None:
            user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return SignedIn(request, user=user)
        return Default(request)
