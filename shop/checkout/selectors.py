"""Reads of the checkout: an order's parcels per producer, as its pages and mails show them."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext
from oscar.core.loading import get_model

from shop.checkout.placement import PAYMENT_METHOD_NAMES, PAYMENT_METHODS
from vendors.models import Fulfilment

PaymentSource = get_model("payment", "Source")


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
    return {code: gettext(name) for code, name in PAYMENT_METHOD_NAMES.items()}


def order_payment_method(*, order) -> str:
    """The way the buyer chose to pay ("card", "cod", "bank_transfer"; "" if unknown)."""
    code = (
        PaymentSource.objects.filter(order=order, source_type__code__in=PAYMENT_METHODS)
        .order_by("pk")
        .values_list("source_type__code", flat=True)
        .first()
    )
    return code or ""


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
