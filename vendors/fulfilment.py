"""Write side of orders per producer: fulfilments, their status changes, the producer's ledger
and payouts. Every function runs in the caller's transaction (or opens one) and locks the rows
it changes, so two clicks or two workers never write twice."""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.money import is_whole_dong, round_dong, vnd
from vendors import preorders
from vendors.carriers import Carrier, carrier_code, tracking_code_clean
from vendors.fulfilment_selectors import carried_share_add
from vendors.models import Fulfilment, LedgerEntry, ParcelEvent, PreorderLine, Vendor
from vendors.preorders import ship_date_label
from vendors.selectors import product_producer
from vendors.signals import fulfilment_status_changed
from vendors.statuses import FULFILMENT_TRANSITIONS, STEP_OF_STATUS, ParcelStep

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

Status = Fulfilment.Status

# Which status may follow which (vendors/statuses.py).
TRANSITIONS = FULFILMENT_TRANSITIONS


class ParcelAmounts(Protocol):
    """A producer's share of an order as the buyer was shown it (shop.shipping's Parcel)."""

    vendor: Vendor | None
    goods: Decimal
    fee: Decimal
    # What discounts funded by the platform took off `goods` (0 if none).
    platform_discount: Decimal


@dataclass
class _LinesParcel:
    vendor: Vendor
    goods: Decimal
    fee: Decimal = Decimal("0")
    platform_discount: Decimal = Decimal("0")
    carried: list = field(default_factory=list)


def fulfilments_create_for_order(
    *, order: "Order", parcels: Sequence[ParcelAmounts] | None = None
) -> list[Fulfilment]:
    """One fulfilment per producer with lines in the order, with its sale and commission.

    `parcels` is the split the placement computed once for the buyer (each producer's goods,
    tax and discounts included, and its fee); without it (orders written outside the
    checkout) the order's lines are grouped by producer, with free shipping. The sale is the
    goods plus the fee, as the buyer pays them for the parcel; a discount the platform funds
    is credited back to the producer in an entry of its own; the commission is the
    producer's rate of its goods before that discount (and after any discount it funds
    itself), in whole đồng.
    Runs in the caller's transaction; a second call for the same order writes nothing.
    Returns the fulfilments it created.
    """
    # Lock the order: two calls at once for one order would otherwise both see no parcels.
    Order.objects.select_for_update().filter(pk=order.pk).first()
    if parcels is None:
        parcels = _parcels_of_lines(order)
    existing = {
        (vendor_id, ships_from is not None)
        for vendor_id, ships_from in Fulfilment.objects.filter(order=order).values_list(
            "vendor_id", "ships_from"
        )
    }
    without_vendor = [parcel for parcel in parcels if parcel.vendor is None]
    if without_vendor:
        logger.warning("Order %s has lines of partners with no producer", order.number)

    created = []
    # By producer, so the parcels' order does not depend on the basket's.
    for parcel in sorted((p for p in parcels if p.vendor), key=lambda p: p.vendor.pk):
        vendor = parcel.vendor
        ships_from = getattr(parcel, "ships_from", None)
        if (vendor.pk, ships_from is not None) in existing:
            continue
        goods = round_dong(parcel.goods)
        fee = round_dong(parcel.fee)
        platform_discount = round_dong(getattr(parcel, "platform_discount", 0))
        balance = round_dong(getattr(parcel, "balance", 0)) if ships_from else Decimal("0")
        deposit = goods + fee - balance if ships_from else Decimal("0")
        fulfilment = Fulfilment.objects.create(
            order=order,
            vendor=vendor,
            shipping_fee=fee,
            ships_from=ships_from,
            deposit=deposit,
            balance=balance,
            status=Status.AWAITING_HARVEST if ships_from else Status.NEW,
        )
        # The first step of the parcel's timeline; the buyer's mail for it is the order's
        # confirmation (shop.checkout), so none is queued here.
        placed_at = order.date_placed or fulfilment.created_at
        ParcelEvent.objects.create(fulfilment=fulfilment, step=ParcelStep.PLACED, at=placed_at)
        if ships_from:
            _preorder_lines_attach(fulfilment=fulfilment, parcel=parcel)
            ParcelEvent.objects.create(
                fulfilment=fulfilment, step=ParcelStep.AWAITING_HARVEST, at=placed_at
            )
        if balance:
            # Paid in two parts: the deposit now, the balance when the parcel ships.
            LedgerEntry.objects.create(
                vendor=vendor,
                kind=LedgerEntry.Kind.DEPOSIT,
                amount=deposit,
                order=order,
                fulfilment=fulfilment,
            )
        # Other producers' goods the parcel carries (a packed gift box) are sold in their
        # own ledgers, against this parcel so that cancelling it reverses them too; the
        # packing producer keeps the rest of the goods and the whole fee.
        carried = [] if ships_from else list(getattr(parcel, "carried", None) or [])
        for share in carried:
            share_goods = round_dong(share.goods)
            share_discount = round_dong(share.platform_discount)
            _sale_entries_create(
                vendor=share.producer,
                fulfilment=fulfilment,
                sale=share_goods,
                goods=share_goods,
                platform_discount=share_discount,
                # Where the producer reads who sends its goods.
                note=_carried_note(packer=vendor),
            )
            goods -= share_goods
            platform_discount -= share_discount
        _sale_entries_create(
            vendor=vendor,
            fulfilment=fulfilment,
            sale=None if balance else goods + fee,
            goods=goods,
            platform_discount=platform_discount,
        )
        created.append(fulfilment)
        _after_commit_notify_vendor(fulfilment.pk)
    return created


def _carried_note(*, packer: Vendor) -> str:
    # A ledger's notes are read long after the order, by its producer: in the site's own
    # language, whichever the buyer used.
    with translation.override(settings.LANGUAGE_CODE):
        return _("Gift box sent by %(packer)s") % {"packer": packer.legal_name}


def _sale_entries_create(
    *,
    vendor: Vendor,
    fulfilment: Fulfilment,
    sale: Decimal | None,
    goods: Decimal,
    platform_discount: Decimal,
    note: str = "",
) -> None:
    """A producer's sale in a parcel (none when `sale` is None: a deposit stands for it),
    the discount the platform pays back and the commission at the producer's rate of its
    goods before that discount."""
    order = fulfilment.order
    if sale is not None:
        LedgerEntry.objects.create(
            vendor=vendor,
            kind=LedgerEntry.Kind.SALE,
            amount=sale,
            order=order,
            fulfilment=fulfilment,
            note=note[:255],
        )
    if platform_discount:
        LedgerEntry.objects.create(
            vendor=vendor,
            kind=LedgerEntry.Kind.PLATFORM_DISCOUNT,
            amount=platform_discount,
            order=order,
            fulfilment=fulfilment,
        )
    LedgerEntry.objects.create(
        vendor=vendor,
        kind=LedgerEntry.Kind.COMMISSION,
        amount=-round_dong((goods + platform_discount) * vendor.commission_rate),
        order=order,
        fulfilment=fulfilment,
        # The rate may change later; the entry keeps the one it was taken at.
        note=f"{_percent(vendor.commission_rate)}%",
    )


def _preorder_lines_attach(*, fulfilment: Fulfilment, parcel: ParcelAmounts) -> None:
    """Mark the order lines of a pre-ordered parcel as its own (`Fulfilment.lines`)."""
    percents: dict[int, int] = getattr(parcel, "preorder_percents", {}) or {}
    for line in order_lines_of_partner(fulfilment):
        if line.product_id in percents:
            PreorderLine.objects.create(
                line=line, fulfilment=fulfilment, deposit_percent=percents[line.product_id]
            )


def order_lines_of_partner(fulfilment: Fulfilment):
    return fulfilment.order.lines.filter(partner_id=fulfilment.vendor.partner_id).order_by("pk")


def _parcels_of_lines(order: "Order") -> list[_LinesParcel]:
    goods_by_partner: dict[int, Decimal] = {}
    for line in order.lines.all():
        if line.partner_id is None:
            logger.warning("Order %s line %s has no partner: no fulfilment", order.number, line.pk)
            continue
        goods_by_partner[line.partner_id] = (
            goods_by_partner.get(line.partner_id, Decimal("0")) + line.line_price_incl_tax
        )
    vendors = Vendor.objects.filter(partner_id__in=goods_by_partner)
    without_vendor = set(goods_by_partner) - {vendor.partner_id for vendor in vendors}
    if without_vendor:
        logger.warning(
            "Order %s has lines of partners %s with no producer", order.number, without_vendor
        )
    parcels = [_LinesParcel(vendor=v, goods=goods_by_partner[v.partner_id]) for v in vendors]
    by_partner = {parcel.vendor.partner_id: parcel for parcel in parcels}
    for line in order.lines.select_related("product__vendor", "product__parent__vendor"):
        # A line on another producer's partner than its product's (a packed gift box's
        # component) is that product's producer's sale.
        producer = product_producer(product=line.product) if line.product_id else None
        parcel = by_partner.get(line.partner_id)
        if parcel is not None and producer is not None and producer.pk != parcel.vendor.pk:
            carried_share_add(
                parcel.carried,
                producer=producer,
                goods=line.line_price_incl_tax,
                platform_discount=Decimal("0"),
            )
    return parcels


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


def _moved(locked: Fulfilment, old_status: str, *, at, note: str = "") -> None:
    """Everything that follows a parcel's move, in the move's transaction: the step on its
    timeline, the announcement to the packages above, and the buyer's mail after commit."""
    ParcelEvent.objects.create(
        fulfilment=locked,
        step=STEP_OF_STATUS[locked.status],
        at=at,
        carrier=locked.carrier if locked.status == Status.SHIPPED else "",
        tracking_code=locked.tracking_code if locked.status == Status.SHIPPED else "",
        note=note,
    )
    fulfilment_status_changed.send(
        sender=Fulfilment, fulfilment=locked, old_status=old_status, new_status=locked.status
    )
    _after_commit_notify_buyer(locked.pk, locked.status)


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
    if (
        locked.status == Status.AWAITING_HARVEST
        and to != Status.CANCELLED
        and locked.ships_from > preorders.preorder_today()
    ):
        raise ValidationError(
            _(
                "This pre-order ships from %(date)s, as the buyer was promised: you can pack "
                "and ship it from that day."
            )
            % {"date": ship_date_label(locked.ships_from)},
            code="too_early",
        )
    return locked


def _refresh(fulfilment: Fulfilment, locked: Fulfilment) -> Fulfilment:
    # The caller's object shows the new state too.
    fulfilment.refresh_from_db()
    return fulfilment


@transaction.atomic
def fulfilment_mark_packed(*, fulfilment: Fulfilment) -> Fulfilment:
    locked = _locked(fulfilment, to=Status.PACKED)
    old_status = locked.status
    locked.status = Status.PACKED
    locked.packed_at = timezone.now()
    locked.save(update_fields=["status", "packed_at"])
    _moved(locked, old_status, at=locked.packed_at)
    return _refresh(fulfilment, locked)


@transaction.atomic
def fulfilment_mark_shipped(
    *, fulfilment: Fulfilment, carrier: str, tracking_code: str
) -> Fulfilment:
    """Handed to the carrier: the allocated stock leaves the shelf and the buyer is told
    the carrier, the tracking number and the carrier's tracking page.

    `carrier` is one of vendors.carriers (its code, or its name as people write it); the
    tracking number is checked there too, and may be left out only for the producer's own
    delivery."""
    code = carrier_code(carrier)
    if not code:
        raise ValidationError(
            _("Choose the carrier from the list: %(carriers)s.")
            % {"carriers": ", ".join(str(label) for label in Carrier.labels)},
            code="carrier",
        )
    tracking_code = tracking_code_clean(carrier=code, tracking_code=tracking_code)
    locked = _locked(fulfilment, to=Status.SHIPPED)
    old_status = locked.status
    for line in _lines_with_locked_stock(locked):
        if line.num_allocated:
            line.consume_allocation(line.num_allocated)
    if locked.balance:
        # The rest of a pre-order's price is now due: the carrier collects it on delivery.
        LedgerEntry.objects.get_or_create(
            fulfilment=locked,
            kind=LedgerEntry.Kind.BALANCE,
            defaults={"vendor": locked.vendor, "amount": locked.balance, "order": locked.order},
        )
    locked.status = Status.SHIPPED
    locked.carrier = code
    locked.tracking_code = tracking_code
    locked.shipped_at = timezone.now()
    locked.save(update_fields=["status", "carrier", "tracking_code", "shipped_at"])
    _moved(locked, old_status, at=locked.shipped_at)
    return _refresh(fulfilment, locked)


@transaction.atomic
def fulfilment_mark_delivered(*, fulfilment: Fulfilment) -> Fulfilment:
    locked = _locked(fulfilment, to=Status.DELIVERED)
    old_status = locked.status
    locked.status = Status.DELIVERED
    locked.delivered_at = timezone.now()
    locked.save(update_fields=["status", "delivered_at"])
    # The order's lifecycle (shop.orders) hears it: the last parcel of a cash-on-delivery
    # order delivered means its money is in.
    _moved(locked, old_status, at=locked.delivered_at)
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
    old_status = locked.status
    for line in _lines_with_locked_stock(locked):
        if line.num_allocated:
            line.cancel_allocation(line.num_allocated)
    for entry in locked.ledger_entries.filter(
        kind__in=[
            LedgerEntry.Kind.SALE,
            LedgerEntry.Kind.DEPOSIT,
            LedgerEntry.Kind.BALANCE,
            LedgerEntry.Kind.PLATFORM_DISCOUNT,
            LedgerEntry.Kind.COMMISSION,
        ],
        reversed_by__isnull=True,
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
    _moved(locked, old_status, at=locked.cancelled_at, note=reason)
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
    if not is_whole_dong(amount) or amount <= 0:
        raise ValidationError(
            _("A payout is a whole number of đồng greater than zero."), code="amount"
        )
    # Lock the producer so two payouts recorded at once can't both pass the balance check.
    Vendor.objects.select_for_update().filter(pk=vendor.pk).first()
    balance = vendor.ledger_entries.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    if amount > balance:
        raise ValidationError(
            _("The payout is more than the balance owed (%(balance)s).")
            % {"balance": vnd(balance)},
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
    "ParcelAmounts",
    "fulfilment_cancel",
    "fulfilment_mark_delivered",
    "fulfilment_mark_packed",
    "fulfilment_mark_shipped",
    "fulfilments_create_for_order",
    "payout_record",
]
