"""Read side of orders per producer: a producer's parcels, its ledger and the balances owed."""

from collections.abc import Iterator
from decimal import Decimal

from django.db.models import DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from vendors.models import Fulfilment, LedgerEntry, Vendor

Kind = LedgerEntry.Kind
_ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=14, decimal_places=0))


def fulfilments_for_vendor(*, vendor: Vendor, status: str = "") -> QuerySet[Fulfilment]:
    """The producer's parcels, newest first, optionally of one status."""
    fulfilments = Fulfilment.objects.filter(vendor=vendor).select_related("order")
    if status:
        fulfilments = fulfilments.filter(status=status)
    return fulfilments


def _sum(condition: Q | None = None) -> Coalesce:
    return Coalesce(Sum("amount", filter=condition), _ZERO)


# Sales and commissions count net of their reversals, so a cancelled parcel adds nothing.
# What the producer sold includes the discounts the platform paid for: its share is as at
# the price before them.
_SOLD_KINDS = [Kind.SALE, Kind.PLATFORM_DISCOUNT]
_SOLD = Q(kind__in=_SOLD_KINDS) | Q(kind=Kind.REVERSAL, reverses__kind__in=_SOLD_KINDS)
_COMMISSION = Q(kind=Kind.COMMISSION) | Q(kind=Kind.REVERSAL, reverses__kind=Kind.COMMISSION)
_PAYOUTS = Q(kind=Kind.PAYOUT)


def ledger_entries_for_vendor(*, vendor: Vendor) -> QuerySet[LedgerEntry]:
    return LedgerEntry.objects.filter(vendor=vendor).select_related("order", "reverses")


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


__all__ = [
    "LEDGER_CSV_HEADER",
    "fulfilments_for_vendor",
    "ledger_csv_rows",
    "ledger_entries_for_vendor",
    "ledger_summary",
    "vendors_with_balances",
]
