"""Read-side queries of producers: which producer a signed-in person works for, and what a
producer's public page shows."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from vendors.models import Vendor


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


def producer_certificates(*, vendor: Vendor, on: date | None = None) -> list:
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
    "producer_certificates",
    "producer_marks",
    "producer_products",
    "producer_public",
    "vendor_for_user",
]
