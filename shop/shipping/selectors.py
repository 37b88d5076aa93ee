"""Reads of shipping: a basket split into one parcel per producer, each with its fee and
delivery estimate. The basket page, the checkout preview, the shipping method and the order
placement all read the same figures from here."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import prefetch_related_objects
from oscar.core.loading import get_model

from shop.money import round_dong
from shop.shipping.models import ProducerShippingRule, default_rule
from vendors.fulfilment_selectors import parcel_discount_add
from vendors.models import Vendor

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

    @property
    def total(self) -> Decimal:
        return self.goods + self.fee

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
    weights = _weights_kg(products)
    for line in lines:
        partner_id = line.stockrecord.partner_id if line.stockrecord_id else None
        vendor = vendors.get(partner_id)
        key = vendor.pk if vendor else None
        parcel = by_partner.setdefault(key, Parcel(vendor=vendor))
        parcel.lines.append(line)
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
    # Producers' parcels first, the odd lines without a producer last.
    return sorted(parcels, key=lambda parcel: parcel.vendor is None)


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
