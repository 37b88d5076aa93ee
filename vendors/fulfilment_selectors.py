"""Read side of orders per producer: a producer's parcels, its ledger and the balances owed."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import DecimalField, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from vendors.carriers import carrier_name, tracking_url
from vendors.models import Fulfilment, LedgerEntry, ParcelEvent, Vendor
from vendors.statuses import ParcelStep

Kind = LedgerEntry.Kind
_ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=14, decimal_places=0))


def fulfilments_for_vendor(*, vendor: Vendor, status: str = "") -> QuerySet[Fulfilment]:
    """The producer's parcels, newest first, optionally of one status."""
    fulfilments = Fulfilment.objects.filter(vendor=vendor).select_related("order")
    if status:
        fulfilments = fulfilments.filter(status=status)
    return fulfilments


def parcels_for_vendor_list(*, vendor: Vendor, status: str = "") -> QuerySet[Fulfilment]:
    """The producer's parcels for its orders list, with what each row shows in the same few
    queries however many rows a page has: the order and its shipping address, and the
    order's lines of this producer only (`order.producer_lines`)."""
    Line = get_model("order", "Line")
    return (
        fulfilments_for_vendor(vendor=vendor, status=status)
        .select_related("order__shipping_address", "vendor")
        .prefetch_related(
            Prefetch(
                "order__lines",
                queryset=Line.objects.filter(partner_id=vendor.partner_id)
                # The product (and a variant's parent) for the English title of each line.
                .select_related("preorder", "product__parent")
                .order_by("pk"),
                to_attr="producer_lines",
            )
        )
    )


@dataclass
class ParcelRow:
    """A row of the producer's orders list: the parcel, the buyer as the parcel is addressed,
    its lines and what the buyer pays for it (goods after discounts, and its shipping fee)."""

    fulfilment: Fulfilment
    lines: list

    @property
    def order(self):
        return self.fulfilment.order

    @property
    def buyer(self) -> str:
        # The name on the parcel, which the producer prints on it anyway; never the e-mail.
        address = self.order.shipping_address
        return address.name if address else ""

    @property
    def place(self) -> str:
        address = self.order.shipping_address
        return address.line4 if address else ""

    @property
    def goods(self) -> Decimal:
        return sum((line.line_price_incl_tax for line in self.lines), Decimal("0"))

    @property
    def total(self) -> Decimal:
        return self.goods + self.fulfilment.shipping_fee


def parcel_rows(*, fulfilments) -> list[ParcelRow]:
    """Rows of `parcels_for_vendor_list` (a page of it) for the template."""
    return [
        ParcelRow(
            fulfilment=fulfilment,
            lines=[line for line in fulfilment.order.producer_lines if fulfilment.holds_line(line)],
        )
        for fulfilment in fulfilments
    ]


@dataclass(frozen=True)
class ParcelDiscount:
    """What one code (or offer without a code) took off a parcel's goods, and whether the
    parcel's producer pays it (else the platform does: shop.offer)."""

    label: str
    amount: Decimal
    producer_pays: bool


def parcel_discount_add(discounts: list, *, offer, code: str, amount: Decimal) -> None:
    """Count `amount` of `offer` (applied with `code`, or none) into a parcel's list."""
    label = code or getattr(offer, "name", "")
    producer_pays = bool(getattr(offer, "is_producer_funded", False))
    for index, known in enumerate(discounts):
        if known.label == label and known.producer_pays == producer_pays:
            discounts[index] = ParcelDiscount(label, known.amount + amount, producer_pays)
            return
    discounts.append(ParcelDiscount(label, amount, producer_pays))


@dataclass
class CarriedShare:
    """Another producer's goods in a parcel (a gift box packed by one producer): what they
    sold for and what the platform pays of their discounts, both owed to `producer`."""

    producer: Vendor
    goods: Decimal = Decimal("0")
    platform_discount: Decimal = Decimal("0")


def carried_share_add(
    carried: list, *, producer: Vendor, goods: Decimal, platform_discount: Decimal
) -> None:
    """Count another producer's goods into a parcel's list, one entry per producer."""
    for known in carried:
        if known.producer.pk == producer.pk:
            known.goods += goods
            known.platform_discount += platform_discount
            return
    carried.append(CarriedShare(producer, goods, platform_discount))


def order_discounts_by_parcel(*, order) -> dict[tuple, list[ParcelDiscount]]:
    """What each code or offer took off each parcel of the order, keyed by `parcel_key`; in
    two queries, from the discounts Oscar records per order line. A producer's pre-ordered
    parcel has a key of its own, so its discount is not shown again on the ordinary one."""
    OrderLineDiscount = get_model("order", "OrderLineDiscount")
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    rows = list(
        OrderLineDiscount.objects.filter(line__order=order, amount__gt=0)
        .order_by("order_discount_id", "pk")
        .values_list(
            "line__partner_id",
            "line__preorder__fulfilment_id",
            "order_discount__offer_id",
            "order_discount__offer_name",
            "order_discount__voucher_code",
            "amount",
        )
    )
    offers = {
        offer.pk: offer
        for offer in ConditionalOffer.objects.filter(pk__in={row[2] for row in rows if row[2]})
    }
    by_parcel: dict[tuple, list[ParcelDiscount]] = {}
    for partner_id, preorder_parcel_id, offer_id, offer_name, code, amount in rows:
        offer = offers.get(offer_id)
        parcel_discount_add(
            by_parcel.setdefault((partner_id, preorder_parcel_id), []),
            offer=offer,
            code=code or (offer_name if offer is None else ""),
            amount=amount,
        )
    return by_parcel


def parcel_key(fulfilment) -> tuple:
    """A parcel's key in `order_discounts_by_parcel`: its producer's partner, and its own id
    when it holds pre-ordered lines."""
    return (fulfilment.vendor.partner_id, fulfilment.pk if fulfilment.is_preorder else None)


def fulfilment_discounts(*, fulfilment) -> list[ParcelDiscount]:
    """What each code took off this one parcel."""
    return order_discounts_by_parcel(order=fulfilment.order).get(parcel_key(fulfilment), [])


def _sum(condition: Q | None = None) -> Coalesce:
    return Coalesce(Sum("amount", filter=condition), _ZERO)


# Sales and commissions count net of their reversals, so a cancelled parcel adds nothing.
# What the producer sold includes the discounts the platform paid for: its share is as at
# the price before them.
# A pre-order's sale comes in two entries: its deposit and, once shipped, its balance.
_SOLD_KINDS = [Kind.SALE, Kind.DEPOSIT, Kind.BALANCE, Kind.PLATFORM_DISCOUNT]
_SOLD = Q(kind__in=_SOLD_KINDS) | Q(kind=Kind.REVERSAL, reverses__kind__in=_SOLD_KINDS)
_COMMISSION = Q(kind=Kind.COMMISSION) | Q(kind=Kind.REVERSAL, reverses__kind=Kind.COMMISSION)
_PAYOUTS = Q(kind=Kind.PAYOUT)


def ledger_entries_for_vendor(*, vendor: Vendor) -> QuerySet[LedgerEntry]:
    return LedgerEntry.objects.filter(vendor=vendor).select_related(
        "order", "reverses", "fulfilment"
    )


def ledger_summary(*, vendor: Vendor) -> dict[str, Decimal]:
    """What the producer sold, the commission, the payouts (negative) and the balance owed."""
    return LedgerEntry.objects.filter(vendor=vendor).aggregate(
        sold=_sum(_SOLD), commission=_sum(_COMMISSION), payouts=_sum(_PAYOUTS), balance=_sum()
    )


def vendors_with_balances() -> QuerySet[Vendor]:
    """Every producer with a ledger, with `sold`, `commission`, `payouts` and `balance`."""
    return (
        Vendor.objects.filter(ledger_entries__isnull=False)
        .annotate(
            sold=Coalesce(Sum("ledger_entries__amount", filter=_prefixed(_SOLD)), _ZERO),
            commission=Coalesce(
                Sum("ledger_entries__amount", filter=_prefixed(_COMMISSION)), _ZERO
            ),
            payouts=Coalesce(Sum("ledger_entries__amount", filter=_prefixed(_PAYOUTS)), _ZERO),
            balance=Coalesce(Sum("ledger_entries__amount"), _ZERO),
        )
        .order_by("legal_name")
    )


def _prefixed(condition: Q) -> Q:
    """The same condition seen from the producer (ledger_entries__...)."""
    prefixed = Q()
    prefixed.connector, prefixed.negated = condition.connector, condition.negated
    for child in condition.children:
        if isinstance(child, Q):
            prefixed.children.append(_prefixed(child))
        else:
            prefixed.children.append((f"ledger_entries__{child[0]}", child[1]))
    return prefixed


LEDGER_CSV_HEADER = ("date", "kind", "order", "reference", "note", "amount")


def ledger_csv_rows(*, vendor: Vendor) -> Iterator[tuple[str, ...]]:
    """The ledger as CSV rows, oldest first: ISO dates, kinds as codes, integer amounts."""
    yield LEDGER_CSV_HEADER
    entries = ledger_entries_for_vendor(vendor=vendor).order_by("created_at", "pk")
    for entry in entries:
        yield (
            timezone.localtime(entry.created_at).date().isoformat(),
            entry.kind,
            entry.order.number if entry.order_id else "",
            entry.reference,
            entry.note,
            str(int(entry.amount)),
        )


@dataclass
class TimelineStep:
    """One step of a parcel's timeline: done (with its time) or still to come."""

    step: str
    label: str
    at: datetime | None = None
    note: str = ""
    carrier: str = ""
    tracking_code: str = ""
    tracking_url: str = ""

    @property
    def done(self) -> bool:
        return self.at is not None


@dataclass
class ParcelTimeline:
    """A producer's parcel of an order as its buyer follows it."""

    fulfilment: Fulfilment
    lines: list = field(default_factory=list)
    steps: list[TimelineStep] = field(default_factory=list)

    @property
    def vendor(self) -> Vendor:
        return self.fulfilment.vendor

    @property
    def status(self) -> str:
        return self.fulfilment.status

    @property
    def status_label(self) -> str:
        return self.fulfilment.get_status_display()

    @property
    def carrier(self) -> str:
        return carrier_name(self.fulfilment.carrier) if self.fulfilment.carrier else ""

    @property
    def tracking_code(self) -> str:
        return self.fulfilment.tracking_code

    @property
    def tracking_url(self) -> str:
        return tracking_url(
            carrier=self.fulfilment.carrier, tracking_code=self.fulfilment.tracking_code
        )


# The way a parcel goes when nothing goes wrong; packing may be skipped. A pre-ordered
# parcel waits for its harvest first.
_AHEAD = (
    ParcelStep.AWAITING_HARVEST,
    ParcelStep.PACKED,
    ParcelStep.SHIPPED,
    ParcelStep.DELIVERED,
)


def _timeline(fulfilment: Fulfilment) -> list[TimelineStep]:
    labels = dict(ParcelStep.choices)
    steps = [
        TimelineStep(
            step=event.step,
            label=str(labels[event.step]),
            at=event.at,
            note=event.note,
            carrier=carrier_name(event.carrier) if event.carrier else "",
            tracking_code=event.tracking_code,
            tracking_url=tracking_url(carrier=event.carrier, tracking_code=event.tracking_code),
        )
        for event in fulfilment.events.all()
    ]
    reached = {step.step for step in steps}
    if ParcelStep.CANCELLED in reached or ParcelStep.DELIVERED in reached:
        return steps
    # What is still to come, without a time, after the last step reached.
    ahead = _AHEAD if fulfilment.is_preorder else _AHEAD[1:]
    last = max((ahead.index(s) for s in reached if s in ahead), default=-1)
    steps += [TimelineStep(step=s, label=str(labels[s])) for s in ahead[last + 1 :]]
    return steps


def order_parcels(*, order) -> list[ParcelTimeline]:
    """The order's parcels, one per producer, each with its lines and its timeline (steps
    reached with their times, then the steps still to come)."""
    fulfilments = (
        Fulfilment.objects.filter(order=order)
        .select_related("vendor")
        .prefetch_related(Prefetch("events", queryset=ParcelEvent.objects.order_by("at", "pk")))
        .order_by("pk")
    )
    lines = list(order.lines.select_related("product", "preorder").order_by("pk"))
    return [
        ParcelTimeline(
            fulfilment=fulfilment,
            lines=[line for line in lines if fulfilment.holds_line(line)],
            steps=_timeline(fulfilment),
        )
        for fulfilment in fulfilments
    ]


__all__ = [
    "LEDGER_CSV_HEADER",
    "ParcelRow",
    "ParcelTimeline",
    "TimelineStep",
    "fulfilments_for_vendor",
    "ledger_csv_rows",
    "ledger_entries_for_vendor",
    "ledger_summary",
    "order_parcels",
    "parcel_rows",
    "parcels_for_vendor_list",
    "vendors_with_balances",
]
