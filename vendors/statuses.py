"""A producer's parcel (Fulfilment): its statuses and which may follow which.

Kept free of models so the order vocabulary (shop.orders.statuses) can show it beside the
order's statuses, and settings may read both.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FulfilmentStatus(models.TextChoices):
    NEW = "new", _("New")
    # A pre-ordered parcel: placed, waiting for the harvest and its ship-from date.
    AWAITING_HARVEST = "awaiting_harvest", _("Awaiting harvest")
    PACKED = "packed", _("Packed")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


# Packing is optional: a parcel may be shipped straight away; a parcel handed to the carrier
# can no longer be cancelled. A pre-ordered parcel waits for the harvest, then moves on as a
# new one would (vendors.fulfilment refuses the move before its ship-from date).
FULFILMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    FulfilmentStatus.AWAITING_HARVEST: frozenset(
        {FulfilmentStatus.PACKED, FulfilmentStatus.SHIPPED, FulfilmentStatus.CANCELLED}
    ),
    FulfilmentStatus.NEW: frozenset(
        {FulfilmentStatus.PACKED, FulfilmentStatus.SHIPPED, FulfilmentStatus.CANCELLED}
    ),
    FulfilmentStatus.PACKED: frozenset({FulfilmentStatus.SHIPPED, FulfilmentStatus.CANCELLED}),
    FulfilmentStatus.SHIPPED: frozenset({FulfilmentStatus.DELIVERED}),
    FulfilmentStatus.DELIVERED: frozenset(),
    FulfilmentStatus.CANCELLED: frozenset(),
}


class ParcelStep(models.TextChoices):
    """The steps of a parcel's timeline: its placing, then each status it moved to."""

    PLACED = "placed", _("Order placed")
    AWAITING_HARVEST = "awaiting_harvest", _("Awaiting harvest")
    PACKED = "packed", _("Packed")
    SHIPPED = "shipped", _("Handed to the carrier")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


# The step a parcel reaches by moving to a status ("new" is where it starts: placed).
STEP_OF_STATUS: dict[str, str] = {
    FulfilmentStatus.NEW: ParcelStep.PLACED,
    FulfilmentStatus.AWAITING_HARVEST: ParcelStep.AWAITING_HARVEST,
    FulfilmentStatus.PACKED: ParcelStep.PACKED,
    FulfilmentStatus.SHIPPED: ParcelStep.SHIPPED,
    FulfilmentStatus.DELIVERED: ParcelStep.DELIVERED,
    FulfilmentStatus.CANCELLED: ParcelStep.CANCELLED,
}
