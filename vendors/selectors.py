"""Read-side queries of producers: which producer a signed-in person works for, their
applications, and the staff's review lists."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Q, QuerySet

from vendors.models import Vendor, VendorStatusChange


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


__all__ = [
    "application_for_user",
    "latest_status_change",
    "producer_certificates",
    "producer_for_review",
    "producers_for_review",
    "status_counts",
    "vendor_for_user",
]
