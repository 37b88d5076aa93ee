"""Read-side queries of producers: which producer a signed-in person works for, its dashboard
summary, its public page, applications, and the staff's review lists."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from vendors.models import Fulfilment, Vendor, VendorStatusChange


def vendor_for_user(*, user: AbstractBaseUser | AnonymousUser) -> Vendor | None:
    """The producer whose dashboard this person manages, or None.

    A person is a producer's member through Oscar's partner users (see
    `vendors.services.vendor_member_add`); staff act on every producer through staff pages
    and are no producer's member.
    """
    if not user.is_authenticated:
        return None
    return (
        Vendor.objects.select_related("partner", "commune__province")
        .filter(partner__users=user)
        .order_by("pk")
        .first()
    )


@dataclass
class ProducerOverview:
    """What a producer's dashboard home shows."""

    vendor: Vendor
    products: int = 0
    on_sale: int = 0
    unpublished: int = 0
    hidden: list = field(default_factory=list)
    low_stock: list = field(default_factory=list)
    certificates_valid: int = 0
    certificates_expiring: list = field(default_factory=list)
    uncertified: list = field(default_factory=list)
    parcels_to_ship: int = 0
    balance: Decimal = Decimal("0")


LOW_STOCK = 5


def producer_overview(*, vendor: Vendor, on: date | None = None) -> ProducerOverview:
    """Counts and the items needing attention: hidden listings, low stock, certificates,
    parcels to send, and what the platform owes the producer."""
    from catalogue.models import Product
    from catalogue.selectors import valid_certificates

    day = on or timezone.localdate()
    products = list(
        Product.objects.filter(vendor=vendor)
        .exclude(structure=Product.CHILD)
        .prefetch_related("ocop_certificates")
        .order_by("title")
    )
    overview = ProducerOverview(vendor=vendor, products=len(products))
    for product in products:
        if product.hidden_at:
            overview.hidden.append(product)
        elif product.is_public:
            overview.on_sale += 1
        else:
            overview.unpublished += 1
    valid = valid_certificates(on=day).filter(product__vendor=vendor).select_related("product")
    certified = set()
    for certificate in valid:
        certified.add(certificate.product_id)
        overview.certificates_valid += 1
        if certificate.valid_until <= day + timedelta(days=30):
            overview.certificates_expiring.append(certificate)
    overview.uncertified = [p for p in products if p.pk not in certified]
    StockRecord = get_model("partner", "StockRecord")

    overview.low_stock = list(
        StockRecord.objects.filter(partner=vendor.partner, product__vendor=vendor)
        .annotate(available=F("num_in_stock") - Coalesce(F("num_allocated"), Value(0)))
        .filter(available__lt=LOW_STOCK)
        .select_related("product")
        .order_by("available")[:20]
    )
    from vendors.fulfilment_selectors import ledger_summary
    from vendors.models import Fulfilment
    from vendors.preorders import preorder_today

    # A pre-order is to send too once its harvest day has come (it waits until then).
    overview.parcels_to_ship = Fulfilment.objects.filter(
        Q(status__in=[Fulfilment.Status.NEW, Fulfilment.Status.PACKED])
        | Q(status=Fulfilment.Status.AWAITING_HARVEST, ships_from__lte=preorder_today()),
        vendor=vendor,
    ).count()
    overview.balance = ledger_summary(vendor=vendor)["balance"]
    return overview


def application_for_user(*, user: AbstractBaseUser | AnonymousUser) -> Vendor | None:
    """The producer this person applied for, whatever its status, or None."""
    if not user.is_authenticated:
        return None
    return (
        Vendor.objects.select_related("commune__province")
        .filter(applicant=user)
        .order_by("-created_at")
        .first()
    )


def latest_status_change(*, vendor: Vendor) -> VendorStatusChange | None:
    """The decision that put the producer in its current status (with its reason)."""
    return (
        VendorStatusChange.objects.select_related("changed_by")
        .filter(vendor=vendor, status=vendor.status)
        .order_by("-created_at", "-pk")
        .first()
    )


def producers_for_review(*, status: str = "", query: str = "") -> QuerySet[Vendor]:
    """Producers for the staff list, oldest application first among those waiting."""
    producers = (
        Vendor.objects.select_related("commune__province", "applicant")
        .annotate(product_count=Count("products"))
        .order_by("status", "created_at")
    )
    if status:
        producers = producers.filter(status=status)
    if query:
        producers = producers.filter(Q(legal_name__icontains=query) | Q(tax_code__startswith=query))
    return producers


def producer_for_review(*, pk: int) -> Vendor | None:
    """One producer with its members and review history, for staff."""
    return (
        Vendor.objects.select_related("commune__province", "applicant", "partner")
        .prefetch_related(
            "partner__users",
            "status_changes__changed_by",
        )
        .filter(pk=pk)
        .first()
    )


def producer_certificates(*, vendor: Vendor):
    """Every certificate filed for the producer's products, newest first."""
    from catalogue.models import OcopCertificate

    return (
        OcopCertificate.objects.select_related("product")
        .filter(product__vendor=vendor)
        .order_by("-issued_on", "pk")
    )


def status_counts() -> dict[str, int]:
    """How many producers are in each status, for the filter tabs."""
    rows = Vendor.objects.values("status").annotate(n=Count("pk"))
    counts = {status: 0 for status in Vendor.Status.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def producer_public(*, slug: str) -> Vendor | None:
    """An approved producer by slug; one under review or suspended has no public page."""
    return (
        Vendor.objects.select_related("commune__province")
        .filter(slug=slug, status=Vendor.Status.APPROVED)
        .first()
    )


def producer_products(*, vendor: Vendor) -> QuerySet:
    """The producer's products on sale, ready for the storefront's product cards."""
    from catalogue.selectors import storefront_products

    return storefront_products().filter(vendor=vendor).order_by("title", "pk")


def producer_public_certificates(*, vendor: Vendor, on: date | None = None) -> list:
    """Certificates valid on the day for the producer's products on sale, best rated first."""
    from catalogue.selectors import valid_certificates

    on_sale = producer_products(vendor=vendor).values("pk")
    return list(
        valid_certificates(on=on)
        .filter(product__in=on_sale)
        .select_related("product")
        .order_by("-stars", "product__title", "pk")
    )


def producer_marks(*, vendor: Vendor) -> QuerySet:
    """Quality marks carried by the producer's products on sale."""
    from catalogue.models import QualityMark

    on_sale = producer_products(vendor=vendor).values("pk")
    return QualityMark.objects.filter(products__in=on_sale).distinct().order_by("name")


__all__ = [
    "ProducerOverview",
    "application_for_user",
    "latest_status_change",
    "producer_certificates",
    "producer_for_review",
    "producer_marks",
    "producer_overview",
    "producer_products",
    "producer_public",
    "producer_public_certificates",
    "producers_for_review",
    "status_counts",
    "vendor_for_user",
]


def product_producer(*, product) -> Vendor | None:
    """Who sells a product: its producer, or for a variant recorded without one, its parent's.

    This is the one answer: the dashboard, search, parcels and the ledger all follow it (the
    last two through the stock record's partner, which must be this producer's partner).
    None is a product the shop sells itself.
    """
    if product.vendor_id is not None:
        return product.vendor
    if product.parent_id is not None and product.parent.vendor_id is not None:
        return product.parent.vendor
    return None


def stockrecords_not_with_producer() -> QuerySet:
    """Stock records whose partner is not the one `product_producer` names: held by another
    producer's partner, or, for a product without a producer, by any producer's partner.
    Parcels and ledger entries would go to a producer the dashboard and search don't show."""
    StockRecord = get_model("partner", "StockRecord")
    return (
        StockRecord.objects.annotate(
            expected_partner_id=Coalesce(
                F("product__vendor__partner_id"), F("product__parent__vendor__partner_id")
            )
        )
        .filter(
            (Q(expected_partner_id__isnull=False) & ~Q(partner_id=F("expected_partner_id")))
            | (Q(expected_partner_id__isnull=True) & Q(partner__vendor__isnull=False))
        )
        .select_related("partner", "product__vendor", "product__parent__vendor")
        .order_by("pk")
    )


def delivered_lines(*, user: AbstractBaseUser | AnonymousUser, product) -> QuerySet:
    """The order lines of `product` (or of one of its variants) that reached this buyer: lines
    of the buyer's orders whose producer's parcel is marked delivered.

    What allows a review: a parcel still on its way, cancelled, or an order placed as a guest
    proves nothing about the product in the buyer's hands.
    """
    Line = get_model("order", "Line")
    if not user.is_authenticated:
        return Line.objects.none()
    delivered = Fulfilment.objects.filter(
        order_id=OuterRef("order_id"),
        vendor__partner_id=OuterRef("partner_id"),
        status=Fulfilment.Status.DELIVERED,
    )
    return (
        Line.objects.filter(Q(product=product) | Q(product__parent=product), order__user=user)
        .filter(Exists(delivered))
        .order_by("pk")
    )
