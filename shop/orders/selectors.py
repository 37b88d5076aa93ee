"""Reads of an order's life: how the buyer chose to pay and what is due."""

from decimal import Decimal

from django.db.models import Sum
from oscar.core.loading import get_model

from shop.orders.statuses import FulfilmentStatus, PaymentMethod
from vendors.models import Fulfilment, LedgerEntry

PaymentSource = get_model("payment", "Source")
Order = get_model("order", "Order")


def orders_of_buyer(*, user):
    """The orders placed from this account, newest first; nobody else's."""
    return Order.objects.filter(user=user).order_by("-date_placed", "-pk")


def order_payment_method(*, order) -> str:
    """The way the buyer chose to pay ("card", "cod", "bank_transfer"; "" if unknown)."""
    code = (
        PaymentSource.objects.filter(order=order, source_type__code__in=PaymentMethod.values)
        .order_by("pk")
        .values_list("source_type__code", flat=True)
        .first()
    )
    return code or ""


def order_cash_due(*, order) -> Decimal:
    """What the buyer hands the carriers: each parcel not cancelled, its goods and fee, as
    its sale entry in the producers' ledger recorded them."""
    parcels = Fulfilment.objects.filter(order=order).exclude(status=FulfilmentStatus.CANCELLED)
    return LedgerEntry.objects.filter(fulfilment__in=parcels, kind=LedgerEntry.Kind.SALE).aggregate(
        total=Sum("amount")
    )["total"] or Decimal("0")


def order_due_now(*, order) -> Decimal:
    """What the buyer pays when ordering: the order's total less the balances of its
    pre-ordered parcels, which their carriers collect on delivery."""
    return orders_due_now(orders=[order])[order.pk]


def orders_due_now(*, orders) -> dict[int, Decimal]:
    """`order_due_now` of each of `orders`, by order id, in one query (a list of orders)."""
    orders = list(orders)
    balances = dict(
        Fulfilment.objects.filter(order__in=[order.pk for order in orders])
        .values("order")
        .annotate(total=Sum("balance"))
        .values_list("order", "total")
    )
    return {
        order.pk: order.total_incl_tax - (balances.get(order.pk) or Decimal("0"))
        for order in orders
    }
