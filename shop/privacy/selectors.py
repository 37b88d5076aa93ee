"""Reading personal data: what the shop holds about one account (its copy), whether an
account may be erased now, and whether a consent is still current.

The copy holds what the buyer gave or did and what the shop tells them about it. It leaves
out other people's data and the shop's own working records: producers' ledgers and
commissions, staff notes on orders, other members of a producer or partner, login attempts
(security logs kept for a short time), payment processor ids. docs/decisions.md says why.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.orders.statuses import OrderStatus
from shop.privacy.models import ConsentPurpose, ConsentRecord
from shop.tourism.models import TourismPartner
from vendors.models import Fulfilment, Vendor
from vendors.statuses import FulfilmentStatus

Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")
ProductReview = get_model("reviews", "ProductReview")
ProductAlert = get_model("customer", "ProductAlert")
WishList = get_model("wishlists", "WishList")
Basket = get_model("basket", "Basket")
Email = get_model("communication", "Email")

#: Parcels that may still move: an account with one of them is not erased yet.
OPEN_PARCEL_STATUSES = (
    FulfilmentStatus.NEW,
    FulfilmentStatus.AWAITING_HARVEST,
    FulfilmentStatus.PACKED,
    FulfilmentStatus.SHIPPED,
)
#: Orders still waiting for money that may arrive.
OPEN_ORDER_STATUSES = (OrderStatus.AWAITING_TRANSFER,)


def consent_is_current(*, user: AbstractBaseUser, purpose: str) -> bool:
    """Whether the account gave `purpose` its consent under the policy now in force."""
    return ConsentRecord.objects.filter(
        user=user, purpose=purpose, policy_version=settings.PRIVACY_POLICY_VERSION
    ).exists()


def checkout_consent_needed(*, user) -> bool:
    """A guest ticks the box at every order (nothing remembers them); an account once per
    version of the policy."""
    if user is None or not user.is_authenticated:
        return True
    return not consent_is_current(user=user, purpose=ConsentPurpose.ORDERS)


def checkout_consent_given(*, user, order_number: str) -> bool:
    """Whether "Place order" recorded the consent this checkout needs: an account's under
    the policy now in force, a guest's for this very order."""
    if user is not None and user.is_authenticated:
        return consent_is_current(user=user, purpose=ConsentPurpose.ORDERS)
    return ConsentRecord.objects.filter(
        user__isnull=True,
        order_number=order_number,
        purpose=ConsentPurpose.ORDERS,
        policy_version=settings.PRIVACY_POLICY_VERSION,
    ).exists()


def orders_of(*, user: AbstractBaseUser) -> QuerySet:
    """The account's orders, and the orders placed as a guest with the account's address
    (a confirmed address: its holder placed them)."""
    condition = Q(user=user)
    if user.email:
        condition |= Q(user__isnull=True, guest_email__iexact=user.email)
    return Order._default_manager.filter(condition)


def alerts_of(*, user: AbstractBaseUser) -> QuerySet:
    condition = Q(user=user)
    if user.email:
        condition |= Q(user__isnull=True, email__iexact=user.email)
    return ProductAlert._default_manager.filter(condition)


def erasure_refusals(*, user: AbstractBaseUser) -> list[str]:
    """Why the account cannot be erased now, in words for its holder; empty when it can."""
    reasons = []
    if user.is_staff or user.is_superuser:
        reasons.append(_("This is a staff account: another administrator must close it."))
    if Vendor.objects.filter(Q(partner__users=user) | Q(applicant=user)).exists():
        reasons.append(
            _(
                "This account manages a producer or its application. Write to us: the "
                "producer is handed over or closed first."
            )
        )
    if TourismPartner.objects.filter(members=user).exists():
        reasons.append(
            _(
                "This account manages a tourism partner. Write to us: the partner is "
                "handed over or closed first."
            )
        )
    orders = orders_of(user=user)
    open_numbers = sorted(
        set(
            Fulfilment.objects.filter(
                order__in=orders, status__in=OPEN_PARCEL_STATUSES
            ).values_list("order__number", flat=True)
        )
        | set(orders.filter(status__in=OPEN_ORDER_STATUSES).values_list("number", flat=True))
    )
    if open_numbers:
        reasons.append(
            _(
                "Your order %(numbers)s is not finished yet. Once every parcel is delivered "
                "or cancelled, you can delete your account."
            )
            % {"numbers": ", ".join(open_numbers)}
        )
    return reasons


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _address(address) -> dict[str, Any] | None:
    if address is None:
        return None
    return {
        "name": " ".join(p for p in (address.first_name, address.last_name) if p),
        "phone": str(getattr(address, "phone_number", "") or ""),
        "street": address.line1,
        "line2": address.line2,
        "commune": address.line3,
        "province": address.line4,
        "country": address.country.printable_name if address.country_id else "",
        "notes": getattr(address, "notes", "") or "",
    }


def _profile(user) -> dict[str, Any]:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "active": user.is_active,
    }


def _order(order, parcels: list) -> dict[str, Any]:
    source = next(iter(order.sources.all()), None)
    return {
        "number": order.number,
        "placed": _when(order.date_placed),
        "status": order.status,
        "email": order.guest_email or (order.user.email if order.user_id else ""),
        "payment_method": source.source_type.code if source else "",
        "currency": order.currency,
        "goods_total": _money(order.total_excl_tax - order.shipping_excl_tax),
        "shipping": _money(order.shipping_incl_tax),
        "total": _money(order.total_incl_tax),
        "shipping_address": _address(order.shipping_address),
        "billing_address": _address(order.billing_address),
        "lines": [
            {
                "product": line.title,
                "producer": line.partner_name,
                "quantity": line.quantity,
                "price": _money(line.line_price_incl_tax),
            }
            for line in order.lines.all()
        ],
        "parcels": [
            {
                "producer": parcel.vendor.legal_name,
                "status": parcel.status,
                "shipping_fee": _money(parcel.shipping_fee),
                "carrier": parcel.carrier,
                "tracking_number": parcel.tracking_code,
                "cancel_reason": parcel.cancel_reason,
                "timeline": [
                    {
                        "step": event.step,
                        "at": _when(event.at),
                        "carrier": event.carrier,
                        "tracking_number": event.tracking_code,
                        "note": event.note,
                    }
                    for event in parcel.events.all()
                ],
            }
            for parcel in parcels
        ],
    }


def personal_data(*, user: AbstractBaseUser) -> dict[str, Any]:
    """Everything the shop holds about the account's holder, and nothing about anyone else,
    as plain values (strings, numbers, lists, dicts) ready for JSON or CSV."""
    orders = list(
        orders_of(user=user)
        .select_related("user", "shipping_address__country", "billing_address__country")
        .prefetch_related("lines", "sources__source_type")
        .order_by("date_placed", "pk")
    )
    parcels: dict[int, list] = {}
    for parcel in (
        Fulfilment.objects.filter(order__in=orders)
        .select_related("vendor")
        .prefetch_related("events")
        .order_by("pk")
    ):
        parcels.setdefault(parcel.order_id, []).append(parcel)

    reviews = (
        ProductReview._default_manager.filter(user=user)
        .select_related("product")
        .prefetch_related("photos")
        .order_by("date_created", "pk")
    )
    return {
        "generated_at": _when(timezone.now()),
        "privacy_policy_version": settings.PRIVACY_POLICY_VERSION,
        "profile": _profile(user),
        "addresses": [
            {**_address(address), "default_shipping": address.is_default_for_shipping}
            for address in UserAddress._default_manager.filter(user=user)
            .select_related("country")
            .order_by("pk")
        ],
        "orders": [_order(order, parcels.get(order.pk, [])) for order in orders],
        "reviews": [
            {
                "product": review.product.get_title() if review.product_id else "",
                "score": review.score,
                "title": review.title,
                "body": review.body,
                "status": review.get_status_display(),
                "written": _when(review.date_created),
                "photos": [photo.image.name for photo in review.photos.all()],
            }
            for review in reviews
        ],
        "product_alerts": [
            {
                "product": alert.product.get_title(),
                "email": alert.email,
                "status": alert.status,
                "created": _when(alert.date_created),
                "closed": _when(alert.date_closed or alert.date_cancelled),
            }
            for alert in alerts_of(user=user).select_related("product").order_by("pk")
        ],
        "wishlists": [
            {
                "name": wishlist.name,
                "visibility": wishlist.visibility,
                "created": _when(wishlist.date_created),
                "products": [
                    {"product": line.get_title(), "quantity": line.quantity}
                    for line in wishlist.lines.all()
                ],
            }
            for wishlist in WishList._default_manager.filter(owner=user)
            .prefetch_related("lines__product")
            .order_by("pk")
        ],
        "baskets": [
            {
                "status": basket.status,
                "created": _when(basket.date_created),
                "products": [
                    {"product": line.product.get_title(), "quantity": line.quantity}
                    for line in basket.all_lines()
                ],
            }
            for basket in Basket._default_manager.filter(owner=user, status__in=["Open", "Saved"])
        ],
        "consents": [
            {
                "purpose": consent.purpose,
                "policy_version": consent.policy_version,
                "method": consent.method,
                "order_number": consent.order_number,
                "given_at": _when(consent.given_at),
            }
            for consent in ConsentRecord.objects.filter(
                Q(user=user) | Q(user__isnull=True, email__iexact=user.email or "-")
            ).order_by("given_at", "pk")
        ],
        "emails_sent": [
            {"subject": email.subject, "sent": _when(email.date_sent)}
            for email in Email._default_manager.filter(user=user).order_by("pk")
        ],
        "producer_applications": [
            {
                "legal_name": vendor.legal_name,
                "kind": vendor.kind,
                "tax_code": vendor.tax_code,
                "contact_name": vendor.contact_name,
                "phone": vendor.phone,
                "email": vendor.email,
                "street_address": vendor.street_address,
                "status": vendor.status,
                "applied": _when(vendor.created_at),
            }
            for vendor in Vendor.objects.filter(applicant=user).order_by("pk")
        ],
        "tourism_partners": [
            {
                "organisation": partner.organisation,
                "contact_name": partner.contact_name,
                "email": partner.email,
                "phone": partner.phone,
                "website": partner.website,
                "status": partner.status,
                "joined": _when(partner.created_at),
            }
            for partner in TourismPartner.objects.filter(members=user).order_by("pk")
        ],
    }
