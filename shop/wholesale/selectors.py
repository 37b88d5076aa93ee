"""Reads of wholesale: who buys wholesale, a product's tiers and the price of a quantity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from catalogue.models import Product
from shop.tourism.models import TourismPartner
from shop.wholesale.models import InvoiceDetails, WholesaleTier


@dataclass(frozen=True)
class Tier:
    min_quantity: int
    price: Decimal


def wholesale_partner_for_user(*, user) -> TourismPartner | None:
    """The approved tourism partner whose member `user` is, or None: only such a member
    sees and pays wholesale prices (a pending or suspended partner's do not)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return (
        TourismPartner.objects.filter(members=user, status=TourismPartner.Status.APPROVED)
        .order_by("pk")
        .first()
    )


def tiers_for_products(*, product_ids: Iterable[int]) -> dict[int, list[Tier]]:
    """Each product's tiers, lowest quantity first (a product without tiers is absent)."""
    found: dict[int, list[Tier]] = {}
    rows = WholesaleTier.objects.filter(product_id__in=set(product_ids)).order_by(
        "product_id", "min_quantity"
    )
    for product_id, quantity, price in rows.values_list("product_id", "min_quantity", "price"):
        found.setdefault(product_id, []).append(Tier(min_quantity=quantity, price=price))
    return found


def tiers_offered(*, tiers: list[Tier], retail: Decimal | None) -> list[Tier]:
    """The tiers that still lower the price: a producer may have cut its retail price below
    a tier set earlier, and that tier then offers nothing."""
    if retail is None:
        return []
    return [tier for tier in tiers if tier.price < retail]


def tier_for_quantity(*, tiers: list[Tier], quantity: int, retail: Decimal | None) -> Tier | None:
    """The tier a line of `quantity` units is priced at, or None for the retail price."""
    chosen = None
    for tier in tiers_offered(tiers=tiers, retail=retail):
        if quantity >= tier.min_quantity:
            chosen = tier
    return chosen


def _products_of(vendor):
    return (
        Product.objects.filter(vendor=vendor)
        .exclude(structure=Product.PARENT)
        .prefetch_related("stockrecords")
    )


def products_for_wholesale(*, vendor) -> list[tuple[Product, list[Tier]]]:
    """A producer's products that can be sold (not a parent of variants), each with its tiers."""
    products = list(_products_of(vendor).order_by("title"))
    tiers = tiers_for_products(product_ids=[product.pk for product in products])
    return [(product, tiers.get(product.pk, [])) for product in products]


def product_for_wholesale(*, vendor, product_id: int) -> tuple[Product, list[Tier]] | None:
    """One of the producer's own products with its tiers; None for anyone else's."""
    product = _products_of(vendor).filter(pk=product_id).first()
    if product is None:
        return None
    return product, tiers_for_products(product_ids=[product.pk]).get(product.pk, [])


def retail_price(*, product: Product) -> Decimal | None:
    """The price a retail buyer pays for one unit: the product's first stock record's."""
    records = sorted(product.stockrecords.all(), key=lambda record: record.pk)
    return records[0].price if records else None


def invoice_details_last(*, partner: TourismPartner) -> InvoiceDetails | None:
    """The partner's invoice details of its latest order: the checkout form starts from them."""
    return (
        InvoiceDetails.objects.filter(partner=partner, order__isnull=False)
        .order_by("-created_at", "-pk")
        .first()
    )


def invoice_details_for_basket(*, basket, partner: TourismPartner) -> InvoiceDetails | None:
    if basket is None or basket.pk is None:
        return None
    return InvoiceDetails.objects.filter(basket=basket, partner=partner, order__isnull=True).first()
