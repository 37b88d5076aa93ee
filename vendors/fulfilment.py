"""Write side of orders per producer: fulfilments, their status changes, the producer's ledger
and payouts. Every function runs in the caller's transaction (or opens one) and locks the rows
it changes, so two clicks or two workers never write twice."""

import logging
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from vendors.models import Fulfilment, LedgerEntry, Vendor

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

Status = Fulfilment.Status

# Which status may follow which. Packing is optional: a parcel may be shipped straight away;
# a parcel handed to the carrier can no longer be cancelled by the producer.
TRANSITIONS: dict[str, set[str]] = {
    Status.NEW: {Status.PACKED, Status.SHIPPED, Status.CANCELLED},
    Status.PACKED: {Status.SHIPPED, Status.CANCELLED},
    Status.SHIPPED: {Status.DELIVERED},
    Status.DELIVERED: set(),
    Status.CANCELLED: set(),
}


def _whole_dong(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def fulfilments_create_for_order(
    *, order: "Order", shipping_fees: Mapping[int, Decimal] | None = None
) -> list[Fulfilment]:
    """One fulfilment per producer with lines in the order, with its sale and commission.

    `shipping_fees` maps a producer's id to its parcel's fee (none given: free shipping). The
    sale is the producer's lines as the buyer paid them (tax and discounts included) plus its
    fee; the commission is the producer's rate of the goods, in whole đồng. Runs in the
    caller's transaction; a second call for the same order writes nothing. Returns the
    fulfilments it created.
    """
    shipping_fees = shipping_fees or {}
    # Lock the order: two calls at once for one order would otherwise both see no parcels.
    Order.objects.select_for_update().filter(pk=order.pk).first()
    goods_by_partner: dict[int, Decimal] = {}
    for line in order.lines.all():
        if line.partner_id is None:
            logger.warning("Order %s line %s has no partner: no fulfilment", order.number, line.pk)
            continue
        goods_by_partner[line.partner_id] = (
            goods_by_partner.get(line.partner_id, Decimal("0")) + line.line_price_incl_tax
        )
    vendors = Vendor.objects.filter(partner_id__in=goods_by_partner).order_by("pk")
    existing = set(Fulfilment.objects.filter(order=order).values_list("vendor_id", flat=True))
    without_vendor = set(goods_by_partner) - {vendor.partner_id for vendor in vendors}
    if without_vendor:
        logger.warning(
            "Order %s has lines of partners %s with no producer", order.number, without_vendor
        )

    created = []
    for vendor in vendors:
        if vendor.pk in existing:
            continue
        goods = _whole_dong(goods_by_partner[vendor.partner_id])
        fee = _whole_dong(Decimal(shipping_fees.get(vendor.pk, 0)))
        fulfilment = Fulfilment.objects.create(order=order, vendor=vendor, shipping_fee=fee)
        LedgerEntry.objects.create(
            vendor=vendor,
            kind=LedgerEntry.Kind.SALE,
            amount=goods + fee,
            order=order,
            fulfilment=fulfilment,
        )
        LedgerEntry.objects.create(
            vendor=vendor,
            kind=LedgerEntry.Kind.COMMISSION,
            amount=-_whole_dong(goods * vendor.commission_rate),
            order=order,
            fulfilment=fulfilment,
            # The rate may change later; the entry keeps the one it was taken at.
            note=f"{_percent(vendor.commission_rate)}%",
        )
        created.append(fulfilment)
        _after_commit_notify_vendor(fulfilment.pk)
    return created


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}"


def _after_commit_notify_vendor(fulfilment_id: int) -> None:
    from vendors.tasks import notify_vendor_new_order

    # Robust: the order or status change is committed; a queue that is down costs the mail
    # (logged), not an error page for the person who made the change.
    transaction.on_commit(lambda: notify_vendor_new_order.delay(fulfilment_id), robust=True)


def _after_commit_notify_buyer(fulfilment_id: int, event: str) -> None:
    from vendors.tasks import notify_buyer

    transaction.on_commit(lambda: notify_buyer.delay(fulfilment_id, event), robust=True)


def _locked(fulfilment: Fulfilment, *, to: str) -> Fulfilment:
    """The fulfilment's row, locked, after checking that it may move to `to`."""
    locked = (
        Fulfilment.objects.select_for_update()
        .select_related("order", "vendor")
        .get(pk=fulfilment.pk)
    )
    if to not in TRANSITIONS[locked.status]:
        raise ValidationError(
            _("This parcel is %(current)s: it cannot be marked %(target)s.")
            % {
                "current": locked.get_status_display().lower(),
                "target": Status(to).label.lower(),
            },
            code="transition",
        )
    return locked


def _refresh(fulfilment: Fulfilment, locked: Fulfilment) -> Fulfilment:
    # The caller's object shows the new state too.
    fulfilment.refresh_from_db()
    return fulfilment


@transaction.atomic
def fulfilment_mark_packed(*, fulfilment: Fulfilment) -> Fulfilment:
    locked = _locked(fulfilment, to=Status.PACKED)
    locked.status = Status.PACKED
    locked.packed_at = timezone.now()
    locked.save(update_fields=["status", "packed_at"])
    return _refresh(fulfilment, locked)


@transaction.atomic
def fulfilment_mark_shipped(
    *, fulfilment: Fulfilment, carrier: str, tracking_code: str
) -> Fulfilment:
    """Handed to the carrier: the allocated stock leaves the shelf and the buyer is told
    the carrier and tracking code."""
    carrier, tracking_code = carrier.strip(), tracking_code.strip()
    if not carrier or not tracking_code:
        raise ValidationError(
            _("Enter the carrier and the tracking code of the parcel."), code="tracking"
        )
    locked = _locked(fulfilment, to=Status.SHIPPED)
    for line in _lines_with_locked_stock(locked):
        if line.num_allocated:
            line.consume_allocation(line.num_allocated)
    locked.status = Status.SHIPPED
    locked.carrier = carrier[:64]
    locked.tracking_code = tracking_code[:64]
    locked.shipped_at = timezone.now()
    locked.save(update_fields=["status", "carrier", "tracking_code", "shipped_at"])
    _after_commit_notify_buyer(locked.pk, Status.SHIPPED)
    return _refresh(fulfilment, locked)


@transaction.atomic
def fulfilment_mark_delivered(*, fulfilment: Fulfilment) -> Fulfilment:
    locked = _locked(fulfilment, to=Status.DELIVERED)
    locked.status = Status.DELIVERED
    locked.delivered_at = timezone.now()
    locked.save(update_fields=["status", "delivered_at"])
    # The last parcel of a cash-on-delivery order delivered: its money is in.
    from shop.payments.services import order_cash_collected_if_delivered

    order_cash_collected_if_delivered(order=locked.order)
    return _refresh(fulfilment, locked)


@transaction.atomic
def fulfilment_cancel(
    *, fulfilment: Fulfilment, reason: str, cancelled_by: AbstractBaseUser | None = None
) -> Fulfilment:
    """Cancel a parcel not yet shipped: reverse its sale and commission, put its goods back
    on sale and tell the buyer why."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why the parcel is cancelled."), code="reason")
    locked = _locked(fulfilment, to=Status.CANCELLED)
    for line in _lines_with_locked_stock(locked):
        if line.num_allocated:
            line.cancel_allocation(line.num_allocated)
    for entry in locked.ledger_entries.filter(
        kind__in=[LedgerEntry.Kind.SALE, LedgerEntry.Kind.COMMISSION], reversed_by__isnull=True
    ):
        LedgerEntry.objects.create(
            vendor=entry.vendor,
            kind=LedgerEntry.Kind.REVERSAL,
            amount=-entry.amount,
            order=entry.order,
            fulfilment=locked,
            reverses=entry,
            note=reason[:255],
            created_by=cancelled_by if getattr(cancelled_by, "pk", None) else None,
        )
    locked.status = Status.CANCELLED
    locked.cancel_reason = reason
    locked.cancelled_at = timezone.now()
    locked.save(update_fields=["status", "cancel_reason", "cancelled_at"])
    _after_commit_notify_buyer(locked.pk, Status.CANCELLED)
    return _refresh(fulfilment, locked)


def _lines_with_locked_stock(fulfilment: Fulfilment):
    """The parcel's order lines, their stock records locked for the change that follows."""
    lines = list(fulfilment.lines.select_related("stockrecord"))
    stockrecord_ids = [line.stockrecord_id for line in lines if line.stockrecord_id]
    # Lock in key order so two parcels sharing products never deadlock.
    list(StockRecord.objects.select_for_update().filter(pk__in=stockrecord_ids).order_by("pk"))
    return lines


@transaction.atomic
def payout_record(
    *, vendor: Vendor, amount: Decimal, reference: str, recorded_by: AbstractBaseUser
) -> LedgerEntry:
    """Record a bank transfer to the producer: more than zero, at most what it is owed."""
    reference = reference.strip()
    if not reference:
        raise ValidationError(_("Enter the reference of the bank transfer."), code="reference")
    amount = Decimal(amount)
    if amount != amount.to_integral_value() or amount <= 0:
        raise ValidationError(
            _("A payout is a whole number of đồng greater than zero."), code="amount"
        )
    # Lock the producer so two payouts recorded at once can't both pass the balance check.
    Vendor.objects.select_for_update().filter(pk=vendor.pk).first()
    balance = vendor.ledger_entries.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    if amount > balance:
        raise ValidationError(
            _("The payout is more than the balance owed (%(balance)s).")
            % {"balance": currency(balance, "VND")},
            code="over_balance",
        )
    entry = LedgerEntry.objects.create(
        vendor=vendor,
        kind=LedgerEntry.Kind.PAYOUT,
        amount=-amount,
        reference=reference[:64],
        created_by=recorded_by,
    )
    logger.info("Payout of %s to producer %s recorded (%s)", amount, vendor.slug, reference)
    return entry


__all__ = [
    "TRANSITIONS",
    "fulfilment_cancel",
    "fulfilment_mark_delivered",
    "fulfilment_mark_packed",
    "fulfilment_mark_shipped",
    "fulfilments_create_for_order",
    "payout_record",
]
