"""Read-side queries of the catalogue: stars, certificates, places, featured products."""

from datetime import date

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from catalogue.models import Category, OcopCertificate, Product
from vendors.models import Vendor


def valid_certificates(*, on: date | None = None) -> QuerySet[OcopCertificate]:
    """Certificates in force on a day: issued, not past their end, not revoked."""
    day = on or timezone.localdate()
    return OcopCertificate.objects.filter(
        is_revoked=False, issued_on__lte=day, valid_until__gte=day
    )


def certificate_valid_for_product(
    *, product: Product, on: date | None = None
) -> OcopCertificate | None:
    """The product's valid certificate (highest stars first), using prefetched rows if any."""
    day = on or timezone.localdate()
    cache = getattr(product, "_prefetched_objects_cache", {})
    if "ocop_certificates" in cache:
        candidates = [c for c in cache["ocop_certificates"] if c.status_on(day) == "valid"]
    else:
        candidates = list(valid_certificates(on=day).filter(product=product))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c.stars, c.valid_until))


def storefront_products() -> QuerySet[Product]:
    """Public, standalone or parent products with what the product cards need, in few queries."""
    return (
        Product.objects.base_queryset()
        .browsable()
        # A producer under review or suspended keeps its data but sells nothing.
        .filter(Q(vendor__isnull=True) | Q(vendor__status=Vendor.Status.APPROVED))
        .filter(hidden_at__isnull=True)
        .select_related("vendor", "vendor__partner", "origin_commune__province", "product_class")
        .prefetch_related(
            "ocop_certificates",
            "quality_marks",
            "categories",
            "images",
            Prefetch("stockrecords"),
        )
    )


def featured_products(*, limit: int = 8, on: date | None = None) -> list[Product]:
    """Certified products with stock, best rated first: the home page's showcase."""
    day = on or timezone.localdate()
    certified = valid_certificates(on=day).values("product_id")
    products = (
        storefront_products()
        .filter(id__in=certified, stockrecords__num_in_stock__gt=0)
        .distinct()
        .order_by("-date_updated")
    )
    ranked = sorted(products[: limit * 4], key=lambda p: -(p.ocop_stars or 0))
    return ranked[:limit]


def ocop_groups() -> QuerySet[Category]:
    """The six top-level OCOP groups in their official order."""
    return Category.get_root_nodes()


def user_manages_product(*, user, product: Product) -> bool:
    """Superusers, platform staff and the users of the product's producer manage it."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    if product.vendor_id and product.vendor.partner.users.filter(pk=user.pk).exists():
        return True
    # Staff who belong to no producer work for the platform; producer members never see
    # another producer's records.
    return user.is_staff and not user.partners.exists()


def product_is_on_sale(*, product: Product) -> bool:
    """Public, not held back by staff, and from an approved producer (or the platform)."""
    return (
        product.is_public
        and product.hidden_at is None
        and (product.vendor_id is None or product.vendor.status == Vendor.Status.APPROVED)
    )


def certificate_record(*, product: Product) -> list[OcopCertificate]:
    """Every certificate a product has held, newest first, for staff and its producer."""
    return sorted(product.ocop_certificates.all(), key=lambda c: c.issued_on, reverse=True)
