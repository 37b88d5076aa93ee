"""Reads of shipping: a basket split into one parcel per producer, each with its fee and
delivery estimate. The basket page, the checkout preview, the shipping method and the order
placement all read the same figures from here."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import prefetch_related_objects
from oscar.core.loading import get_model

from shop.gifts.selectors import gift_box_line_parts
from shop.money import round_dong
from shop.shipping.models import ProducerShippingRule, default_rule
from vendors.fulfilment_selectors import carried_share_add, parcel_discount_add
from vendors.models import Vendor
from vendors.preorders import preorder_deposit

ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")

# Weight in kilograms comes from the product attribute "weight" (a variant's own, else its
# parent's); a product without one counts as half a kilogram, the weight of a typical OCOP
# jar or packet.
WEIGHT_ATTRIBUTE = "weight"
DEFAULT_ITEM_WEIGHT_KG = Decimal("0.5")


@dataclass
class Parcel:
    """One producer's share of a basket."""

    vendor: Vendor | None
    lines: list = field(default_factory=list)
    goods: Decimal = Decimal("0")
    weight_kg: Decimal = Decimal("0")
    fee: Decimal = Decimal("0")
    # The part of the goods' discounts the platform pays (vouchers and offers it funds): the
    # producer is credited it, so its share is as at the price before those discounts.
    # Discounts a producer funds are simply off `goods`.
    platform_discount: Decimal = Decimal("0")
    # Each code's (or offer's) part of the goods' discounts, for the pages that show it.
    discounts: list = field(default_factory=list)
    days_min: int = 0
    days_max: int = 0
    # A parcel of pre-ordered goods (vendors.preorders) ships from a date, later than the
    # producer's goods in stock: its own parcel. `preorder_percents` is each pre-ordered
    # product's deposit share; `deposit` is paid now and `balance` on delivery.
    ships_from: date | None = None
    preorder_percents: dict = field(default_factory=dict)
    deposit: Decimal = Decimal("0")
    # Goods of other producers this producer packs and sends (a gift box's packing
    # producer): part of `goods`, but each share is sold in its own producer's ledger.
    carried: list = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return self.goods + self.fee

    @property
    def is_preorder(self) -> bool:
        return self.ships_from is not None

    @property
    def balance(self) -> Decimal:
        """What the carrier collects when a pre-ordered parcel is delivered (0 otherwise)."""
        return self.total - self.deposit if self.is_preorder else Decimal("0")

    @property
    def due_now(self) -> Decimal:
        return self.total - self.balance

    @property
    def is_free(self) -> bool:
        return self.fee == 0

    @property
    def goods_before_discounts(self) -> Decimal:
        return self.goods + sum((discount.amount for discount in self.discounts), Decimal("0"))


def basket_parcels(*, basket) -> list[Parcel]:
    """The basket's lines grouped by producer (in the order first added), with each parcel's
    goods, weight, fee and delivery estimate. Lines whose partner is no producer form one
    last parcel without a producer, at the default rule."""
    by_partner: dict[int | None, Parcel] = {}
    lines = list(basket.all_lines())
    partner_ids = {line.stockrecord.partner_id for line in lines if line.stockrecord_id}
    vendors = {
        vendor.partner_id: vendor
        for vendor in Vendor.objects.filter(partner_id__in=partner_ids).select_related(
            "shipping_rule"
        )
    }
    # The basket page, the preview and the placement each read the parcels: a few queries
    # for the whole basket, not a few per line.
    products = [line.product for line in lines]
    prefetch_related_objects(products, "product_class", "parent__product_class")
    gift_parts = {
        line.pk: gift_box_line_parts(line=line, platform_discount=_platform_discount(line))
        for line in lines
    }
    products += [part.product for parts in gift_parts.values() for part in parts]
    weights = _weights_kg(products)
    for line in lines:
        if gift_parts[line.pk]:
            # A gift box goes out as its components, each in its producer's parcel (or all in
            # the packing producer's) with its share of the box's price (shop.gifts).
            for part in gift_parts[line.pk]:
                # Keyed like the producer's other goods in stock: one parcel for both.
                key = (part.vendor.pk if part.vendor else None, False)
                parcel = by_partner.setdefault(key, Parcel(vendor=part.vendor))
                if line not in parcel.lines:
                    parcel.lines.append(line)
                parcel.goods += part.amount
                parcel.platform_discount += part.platform_discount
                if part.vendor and part.producer and part.producer.pk != part.vendor.pk:
                    carried_share_add(
                        parcel.carried,
                        producer=part.producer,
                        goods=part.amount,
                        platform_discount=part.platform_discount,
                    )
                if part.product.get_product_class().requires_shipping:
                    parcel.weight_kg += weights[part.product.pk] * part.quantity
            continue
        partner_id = line.stockrecord.partner_id if line.stockrecord_id else None
        vendor = vendors.get(partner_id)
        terms = _preorder_terms_of(line) if vendor else None
        key = (vendor.pk if vendor else None, terms is not None)
        parcel = by_partner.setdefault(key, Parcel(vendor=vendor))
        parcel.lines.append(line)
        if terms is not None:
            parcel.ships_from = max(parcel.ships_from or terms.ships_from, terms.ships_from)
            parcel.preorder_percents[line.product.pk] = terms.deposit_percent
            if line.line_price_incl_tax_incl_discounts is not None:
                parcel.deposit += preorder_deposit(
                    price=line.line_price_incl_tax_incl_discounts, percent=terms.deposit_percent
                )
        if line.line_price_incl_tax_incl_discounts is not None:
            parcel.goods += line.line_price_incl_tax_incl_discounts
        parcel.platform_discount += _platform_discount(line)
        for application in line.discounts.all():
            if application.offer is not None and application.amount:
                voucher = application.offer.get_voucher()
                parcel_discount_add(
                    parcel.discounts,
                    offer=application.offer,
                    code=voucher.code if voucher else "",
                    amount=application.amount,
                )
        if line.product.get_product_class().requires_shipping:
            parcel.weight_kg += weights[line.product.pk] * line.quantity
    parcels = list(by_partner.values())
    for parcel in parcels:
        rule = _rule_of(parcel.vendor)
        parcel.goods = round_dong(parcel.goods)
        parcel.platform_discount = round_dong(parcel.platform_discount)
        needs_shipping = any(
            line.product.get_product_class().requires_shipping for line in parcel.lines
        )
        parcel.fee = (
            round_dong(rule.fee_for(goods=parcel.goods, weight_kg=parcel.weight_kg))
            if needs_shipping
            else Decimal("0")
        )
        parcel.days_min, parcel.days_max = rule.days_min, rule.days_max
        if parcel.is_preorder and not any(parcel.preorder_percents.values()):
            # No deposit asked: the whole parcel, fee included, is paid now.
            parcel.deposit = parcel.total
    # Producers' parcels first, pre-ordered ones after those in stock, the odd lines without
    # a producer last.
    return sorted(parcels, key=lambda parcel: (parcel.vendor is None, parcel.is_preorder))


def _preorder_terms_of(line):
    """The pre-order terms a basket line is sold under (its availability says), or None."""
    return getattr(line.purchase_info.availability, "preorder", None)


def basket_due_now(*, parcels) -> Decimal:
    """What the buyer pays when ordering a basket split into `parcels`: everything but the
    balances of pre-ordered parcels, which their carriers collect on delivery."""
    return sum((parcel.total - parcel.balance for parcel in parcels), Decimal("0"))


def basket_has_preorders(*, parcels) -> bool:
    return any(parcel.is_preorder for parcel in parcels)


def _platform_discount(line) -> Decimal:
    """What the offers the platform funds took off this line (an offer says who funds it:
    shop.offer; one that does not say is the platform's)."""
    return sum(
        (
            application.amount
            for application in line.discounts.all()
            if not getattr(application.offer, "is_producer_funded", False)
        ),
        Decimal("0"),
    )


def _weights_kg(products) -> dict[int, Decimal]:
    """Each product's weight in kilograms, read in one query."""
    ids = {product.pk for product in products} | {p.parent_id for p in products if p.parent_id}
    values = {
        value.product_id: value.value
        for value in ProductAttributeValue.objects.filter(
            product_id__in=ids, attribute__code=WEIGHT_ATTRIBUTE
        ).select_related("attribute")
    }
    weights = {}
    for product in products:
        weight = values.get(product.pk)
        if weight is None and product.parent_id:
            weight = values.get(product.parent_id)
        weights[product.pk] = Decimal(str(weight)) if weight is not None else DEFAULT_ITEM_WEIGHT_KG
    return weights


def _rule_of(vendor: Vendor | None) -> ProducerShippingRule:
    if vendor is None:
        return default_rule()
    try:
        return vendor.shipping_rule
    except ProducerShippingRule.DoesNotExist:
        return default_rule()


def basket_state(*, basket) -> tuple:
    """What the split depends on: each line's product, quantity and price."""
    return tuple(
        (line.pk, line.stockrecord_id, line.quantity, line.line_price_incl_tax_incl_discounts)
        for line in basket.all_lines()
    )


def method_parcels(*, method, basket) -> list[Parcel]:
    """The parcels the shipping method priced the basket with, so a page or the placement
    reuses that split instead of making another. Oscar wraps a discounted method (its
    `.method`), and a basket with nothing to ship gets Oscar's own method: then the basket
    is split here."""
    inner = getattr(method, "method", method)
    parcels_for = getattr(inner, "parcels_for", None)
    if parcels_for is not None:
        return parcels_for(basket)
    return basket_parcels(basket=basket)
