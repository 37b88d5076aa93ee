"""Reads of the checkout: an order's parcels per producer, as its pages and mails show them."""

from dataclasses import dataclass, field
from decimal import Decimal

from shop.orders.selectors import order_payment_method
from shop.orders.statuses import PaymentMethod
from vendors.models import Fulfilment


@dataclass
class OrderParcel:
    vendor: object
    lines: list = field(default_factory=list)
    goods: Decimal = Decimal("0")
    fee: Decimal = Decimal("0")

    @property
    def total(self) -> Decimal:
        return self.goods + self.fee


@dataclass
class OrderSummary:
    parcels: list
    payment_method: str
    payment_method_label: str
    fees: Decimal
    total: Decimal


def payment_method_labels() -> dict[str, str]:
    return {code: str(label) for code, label in PaymentMethod.choices}


def order_summary(*, order) -> OrderSummary:
    """The order's lines grouped by producer, each parcel with its fee, and the total."""
    fulfilments = list(
        Fulfilment.objects.filter(order=order).select_related("vendor").order_by("pk")
    )
    lines = list(order.lines.order_by("pk"))
    parcels = []
    for fulfilment in fulfilments:
        mine = [line for line in lines if line.partner_id == fulfilment.vendor.partner_id]
        parcels.append(
            OrderParcel(
                vendor=fulfilment.vendor,
                lines=mine,
                goods=sum((line.line_price_incl_tax for line in mine), Decimal("0")),
                fee=fulfilment.shipping_fee,
            )
        )
    method = order_payment_method(order=order)
    return OrderSummary(
        parcels=parcels,
        payment_method=method,
        payment_method_label=payment_method_labels().get(method, ""),
        fees=order.shipping_incl_tax,
        total=order.total_incl_tax,
    )
