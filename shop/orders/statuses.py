"""The vocabulary of an order's life, defined once: the order's statuses, the ways to pay and
(from vendors, which stores them) a parcel's statuses.

Oscar keeps an order's status as free text; the values here are what the database holds, so
they stay as they are. Importable from settings: no models are loaded here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vendors.statuses import FULFILMENT_TRANSITIONS, FulfilmentStatus


class OrderStatus(models.TextChoices):
    AWAITING_DELIVERY_PAYMENT = "Awaiting delivery payment", _("Awaiting delivery payment")
    AWAITING_TRANSFER = "Awaiting transfer", _("Awaiting transfer")
    PAID = "Paid", _("Paid")
    CANCELLED = "Cancelled", _("Cancelled")


class PaymentMethod(models.TextChoices):
    """The codes are Oscar's payment source type codes."""

    CARD = "card", _("Card")
    COD = "cod", _("Cash on delivery")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer (VietQR)")


# Oscar's OSCAR_ORDER_STATUS_PIPELINE: which status may follow which. order.set_status() and
# Oscar's order dashboard both read it; the dashboard offers exactly these moves, and
# shop.orders.receivers gives each the same consequences as our own services. A paid or
# cancelled order does not move again (refunds are handled by hand).
ORDER_STATUS_PIPELINE: dict[str, tuple[str, ...]] = {
    OrderStatus.AWAITING_DELIVERY_PAYMENT.value: (
        OrderStatus.PAID.value,
        OrderStatus.CANCELLED.value,
    ),
    OrderStatus.AWAITING_TRANSFER.value: (OrderStatus.PAID.value, OrderStatus.CANCELLED.value),
    OrderStatus.PAID.value: (),
    OrderStatus.CANCELLED.value: (),
}


def status_at_placement(method: str) -> str:
    """What an order waits for once placed: a card order is placed after Stripe has the
    money, the others wait for it."""
    return {
        PaymentMethod.CARD: OrderStatus.PAID,
        PaymentMethod.COD: OrderStatus.AWAITING_DELIVERY_PAYMENT,
        PaymentMethod.BANK_TRANSFER: OrderStatus.AWAITING_TRANSFER,
    }[PaymentMethod(method)].value


__all__ = [
    "FULFILMENT_TRANSITIONS",
    "ORDER_STATUS_PIPELINE",
    "FulfilmentStatus",
    "OrderStatus",
    "PaymentMethod",
    "status_at_placement",
]
