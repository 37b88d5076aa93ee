"""What a producer's dashboard home draws, read from that producer's own rows only: sales by
week (its ledger), its best-selling products (its order lines), its parcels waiting by age
and its certificates by months left before they expire."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, Exists, Max, OuterRef, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from vendors.fulfilment_selectors import _SOLD
from vendors.models import Fulfilment, LedgerEntry, Vendor

WEEKS = 12


@dataclass(frozen=True)
class WeekSales:
    start: date  # the Monday
    amount: Decimal


@dataclass(frozen=True)
class ProductSales:
    product_id: int | None
    title: str
    quantity: int
    amount: Decimal


@dataclass(frozen=True)
class Bucket:
    """A group of a chart: its label, how many fall in it, and its tone (how urgent)."""

    key: str
    short: str  # under its bar
    label: str  # in words, for the table read out
    count: int
    tone: str


def _start_of_week(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weeks_window(*, weeks: int = WEEKS, today: date | None = None) -> tuple[date, datetime]:
    """The Monday `weeks` weeks back (this week included), as a day and as the local
    midnight that opens it."""
    today = today or timezone.localdate()
    first = _start_of_week(today) - timedelta(weeks=weeks - 1)
    return first, datetime.combine(first, time.min, tzinfo=timezone.get_current_timezone())


def sales_by_week(
    *, vendor: Vendor, weeks: int = WEEKS, today: date | None = None
) -> list[WeekSales]:
    """What the producer sold each week, oldest first, as its ledger counts it (goods and
    shipping, discounts the platform paid included), by the week its orders were placed. A
    cancelled parcel's reversal carries the same order, so it takes the sale off the week it
    was made in, not the week it was cancelled."""
    first, since = weeks_window(weeks=weeks, today=today)
    rows = (
        LedgerEntry.objects.filter(_SOLD, vendor=vendor, order__date_placed__gte=since)
        .annotate(day=TruncDate("order__date_placed", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    totals = {first + timedelta(weeks=index): Decimal(0) for index in range(weeks)}
    for row in rows:
        week = _start_of_week(row["day"])
        if week in totals:
            totals[week] += row["total"] or 0
    return [WeekSales(start=week, amount=amount) for week, amount in totals.items()]


def top_products(
    *, vendor: Vendor, weeks: int = WEEKS, today: date | None = None, limit: int = 5
) -> list[ProductSales]:
    """The producer's products that brought the most over the same weeks (their order lines,
    after discounts, without shipping), lines of cancelled parcels left out."""
    Line = get_model("order", "Line")
    _first, since = weeks_window(weeks=weeks, today=today)
    cancelled = Fulfilment.objects.filter(
        order_id=OuterRef("order_id"), vendor=vendor, status=Fulfilment.Status.CANCELLED
    )
    rows = (
        Line.objects.filter(partner_id=vendor.partner_id, order__date_placed__gte=since)
        .exclude(Exists(cancelled))
        .values("product_id")
        .annotate(title=Max("title"), quantity=Sum("quantity"), amount=Sum("line_price_incl_tax"))
        .order_by("-amount", "-quantity", "title")[:limit]
    )
    return [
        ProductSales(
            product_id=row["product_id"],
            title=row["title"],
            quantity=row["quantity"] or 0,
            amount=row["amount"] or Decimal(0),
        )
        for row in rows
    ]


# Days a parcel has waited to be sent (from its order), in the groups the chart shows.
AGE_BUCKETS = (
    ("0-1", "0–1", _("0–1 days"), 0, 2, "green"),
    ("2-3", "2–3", _("2–3 days"), 2, 4, "honey"),
    ("4-7", "4–7", _("4–7 days"), 4, 8, "amber"),
    ("8+", "> 7", _("over 7 days"), 8, None, "clay"),
)


def parcels_waiting_by_age(*, vendor: Vendor, now: datetime | None = None) -> list[Bucket]:
    """The producer's parcels not yet sent (new or packed) by how many whole days they have
    waited since the order was placed."""
    now = now or timezone.now()
    conditions = {}
    for key, _short, _label, low, high, _tone in AGE_BUCKETS:
        condition = Q(order__date_placed__lte=now - timedelta(days=low))
        if high is not None:
            condition &= Q(order__date_placed__gt=now - timedelta(days=high))
        conditions[key] = Count("pk", filter=condition)
    counts = Fulfilment.objects.filter(
        vendor=vendor, status__in=[Fulfilment.Status.NEW, Fulfilment.Status.PACKED]
    ).aggregate(**conditions)
    return [
        Bucket(key=key, short=short, label=str(label), count=counts[key] or 0, tone=tone)
        for key, short, label, _low, _high, tone in AGE_BUCKETS
    ]


# Whole months left before a valid certificate ends, in the groups the chart shows: the
# first is inside the 30 days in which the producer must file for re-evaluation.
MONTH_BUCKETS = (
    ("0", "< 1", _("under 1 month"), 0, 1, "clay"),
    ("1-2", "1–2", _("1–2 months"), 1, 3, "amber"),
    ("3-5", "3–5", _("3–5 months"), 3, 6, "honey"),
    ("6-11", "6–11", _("6–11 months"), 6, 12, "green"),
    ("12-23", "12–23", _("12–23 months"), 12, 24, "green"),
    ("24+", "24–36", _("24–36 months"), 24, None, "green"),
)


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 when less than one)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def certificates_by_months_left(*, vendor: Vendor, today: date | None = None) -> list[Bucket]:
    """The producer's certificates valid today by whole months left before they end."""
    from catalogue.selectors import valid_certificates

    today = today or timezone.localdate()
    ends = (
        valid_certificates(on=today)
        .filter(product__vendor=vendor)
        .values_list("valid_until", flat=True)
    )
    counts = dict.fromkeys((key for key, *_rest in MONTH_BUCKETS), 0)
    for end in ends:
        left = months_between(today, end)
        for key, _short, _label, low, high, _tone in MONTH_BUCKETS:
            if left >= low and (high is None or left < high):
                counts[key] += 1
                break
    return [
        Bucket(key=key, short=short, label=str(label), count=counts[key], tone=tone)
        for key, short, label, _low, _high, tone in MONTH_BUCKETS
    ]


__all__ = [
    "AGE_BUCKETS",
    "MONTH_BUCKETS",
    "WEEKS",
    "Bucket",
    "ProductSales",
    "WeekSales",
    "certificates_by_months_left",
    "months_between",
    "parcels_waiting_by_age",
    "sales_by_week",
    "top_products",
    "weeks_window",
]
