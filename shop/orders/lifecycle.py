"""The one owner of an order's life after placement: paid, cancelled, cash collected.

It sits above the producers' parcels (vendors) and below the payments (shop.payments tells it
the money arrived), so neither of those imports the other. Every status move goes through
Oscar's `order.set_status()` and OSCAR_ORDER_STATUS_PIPELINE; a move made elsewhere (staff on
Oscar's order dashboard) reaches the same functions through `order_status_changed`
(shop.orders.receivers).
"""

import contextvars
import logging
from contextlib import contextmanager
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from oscar.core.loading import get_model

from shop.orders.selectors import order_cash_due
from shop.orders.statuses import (
    FULFILMENT_TRANSITIONS,
    FulfilmentStatus,
    OrderStatus,
    PaymentMethod,
)
from shop.tourism.services import partner_commission_record, partner_commission_reverse
from vendors.fulfilment import fulfilment_cancel
from vendors.models import Fulfilment

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

# The payment event recording the money in is named after the status it leads to.
PAYMENT_EVENT_PAID = OrderStatus.PAID.value

# True while this module moves an order itself (a status change, or a cancellation taking its
# parcels back): the signal receivers then have nothing to add.
_moving = contextvars.ContextVar("order_lifecycle_moving", default=False)


def lifecycle_is_moving() -> bool:
    return _moving.get()


@contextmanager
def _own_move():
    token = _moving.set(True)
    try:
        yield
    finally:
        _moving.reset(token)


def _status_move(order: "Order", status: str) -> None:
    """Oscar's set_status: checked against the pipeline, recorded as a status change and
    announced with order_status_changed."""
    with _own_move():
        order.set_status(status)


def order_payment_received(*, order: "Order", method: str, amount: Decimal, reference: str) -> bool:
    """Record that the order's money arrived and mark it paid; the partner who brought the
    buyer earns its commission. Idempotent: returns False when the order was already
    recorded as paid."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        event_type, _created = PaymentEventType.objects.get_or_create(name=PAYMENT_EVENT_PAID)
        if PaymentEvent.objects.filter(order=order, event_type=event_type).exists():
            return False
        amount = Decimal(amount)
        # order_place wrote the chosen method as a source with nothing taken yet.
        source = Source.objects.filter(order=order, source_type__code=method).first()
        if source is None:
            source_type = SourceType.objects.filter(code=method).first() or (
                SourceType.objects.create(code=method, name=method)
            )
            source = Source(order=order, source_type=source_type, currency=order.currency)
        source.amount_allocated = amount
        source.amount_debited = amount
        source.reference = reference[:255]
        source.save()
        PaymentEvent.objects.create(
            order=order, amount=amount, reference=reference[:128], event_type=event_type
        )
        _status_move(order, OrderStatus.PAID)
        # The partner who brought the buyer earns its commission once the money is in.
        partner_commission_record(order=order)
    logger.info("Order %s paid by %s (%s ₫, %s)", order.number, method, amount, reference)
    return True


def order_cash_collected_if_delivered(*, order: "Order") -> bool:
    """Cash on delivery is paid to each producer's carrier with its parcel. Once every parcel
    that was not cancelled has been delivered, the order's money is in: it is recorded as
    paid. Returns True when this call marked it paid; safe to call after each delivery or
    cancellation of a parcel (the last open one cancelled leaves only delivered ones)."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status != OrderStatus.AWAITING_DELIVERY_PAYMENT:
            return False
        parcels = Fulfilment.objects.filter(order=order).exclude(status=FulfilmentStatus.CANCELLED)
        if not parcels.exists() or parcels.exclude(status=FulfilmentStatus.DELIVERED).exists():
            return False
        return order_payment_received(
            order=order,
            method=PaymentMethod.COD,
            amount=order_cash_due(order=order),
            reference=f"cod-{order.number}",
        )


# Parcels the order's cancellation takes back: those not yet with the carrier.
_CANCELLABLE = [
    status
    for status, after in FULFILMENT_TRANSITIONS.items()
    if FulfilmentStatus.CANCELLED in after
]


def order_cancel(*, order: "Order", reason: str, by: AbstractBaseUser | None = None) -> "Order":
    """Cancel every parcel not yet shipped (stock back on sale, ledger reversed, the buyer
    told why), the order, and the referring partner's commission. Safe to call twice."""
    # Its own move: the parcels it cancels must not read as "the rest was delivered, the cash
    # is in" (shop.orders.receivers) halfway through cancelling the order.
    with transaction.atomic(), _own_move():
        order = Order.objects.select_for_update().get(pk=order.pk)
        # A parcel already with the carrier cannot be cancelled: it is left as it is.
        for fulfilment in Fulfilment.objects.filter(order=order, status__in=_CANCELLABLE):
            fulfilment_cancel(fulfilment=fulfilment, reason=reason, cancelled_by=by)
        _status_move(order, OrderStatus.CANCELLED)
        partner_commission_reverse(order=order)
    return order


__all__ = [
    "PAYMENT_EVENT_PAID",
    "lifecycle_is_moving",
    "order_cancel",
    "order_cash_collected_if_delivered",
    "order_payment_received",
]
