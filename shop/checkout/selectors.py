"""Reads of the checkout: an order's parcels per producer, as its pages and mails show them."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from shop.orders.selectors import order_due_now, order_payment_method
from shop.orders.statuses import PaymentMethod
from shop.shipping.models import ProducerShippingRule
from vendors.fulfilment_selectors import order_discounts_by_parcel, parcel_key
from vendors.models import Fulfilment


@dataclass
class OrderParcel:
    vendor: object
    lines: list = field(default_factory=list)
    goods: Decimal = Decimal("0")
    fee: Decimal = Decimal("0")
    # What each code or offer took off the goods (vendors.fulfilment_selectors.ParcelDiscount).
    discounts: list = field(default_factory=list)
    # The producer's delivery time in days, from its shipping rule; None when it has none.
    days_min: int | None = None
    days_max: int | None = None
    # A pre-ordered parcel: the day it ships from, what was paid ahead and what the courier
    # collects on delivery.
    ships_from: date | None = None
    deposit: Decimal = Decimal("0")
    balance: Decimal = Decimal("0")

    @property
    def total(self) -> Decimal:
        """What the parcel costs the buyer: for cash on delivery, what its carrier collects."""
        return self.goods + self.fee

    @property
    def goods_before_discounts(self) -> Decimal:
        return self.goods + sum((discount.amount for discount in self.discounts), Decimal("0"))

    @property
    def has_window(self) -> bool:
        return self.days_min is not None and self.days_max is not None


@dataclass
class OrderSummary:
    parcels: list
    payment_method: str
    payment_method_label: str
    fees: Decimal
    total: Decimal
    # What was paid (or is to pay) at the order; less than the total when pre-ordered
    # parcels have a balance due on delivery.
    due_now: Decimal = Decimal("0")

    @property
    def balance(self) -> Decimal:
        return self.total - self.due_now

    @property
    def is_cod(self) -> bool:
        return self.payment_method == PaymentMethod.COD


def payment_method_labels() -> dict[str, str]:
    return {code: str(label) for code, label in PaymentMethod.choices}


def order_summary(*, order) -> OrderSummary:
    """The order's lines grouped by producer, each parcel with its fee, and the total."""
    fulfilments = list(
        Fulfilment.objects.filter(order=order)
        .select_related("vendor", "vendor__shipping_rule")
        .order_by("pk")
    )
    lines = list(order.lines.select_related("preorder").order_by("pk"))
    discounts = order_discounts_by_parcel(order=order)
    parcels = []
    for fulfilment in fulfilments:
        mine = [line for line in lines if fulfilment.holds_line(line)]
        rule = _shipping_rule_of(fulfilment.vendor)
        parcels.append(
            OrderParcel(
                vendor=fulfilment.vendor,
                lines=mine,
                goods=sum((line.line_price_incl_tax for line in mine), Decimal("0")),
                fee=fulfilment.shipping_fee,
                discounts=discounts.get(parcel_key(fulfilment), []),
                days_min=rule.days_min if rule else None,
                days_max=rule.days_max if rule else None,
                ships_from=fulfilment.ships_from,
                deposit=fulfilment.deposit,
                balance=fulfilment.balance,
            )
        )
    # Lines of a partner that is no producer have no parcel of their own: shown together,
    # last, so that the parcels still add up to the order.
    shipped = {id(line) for parcel in parcels for line in parcel.lines}
    others = [line for line in lines if id(line) not in shipped]
    if others:
        # Keyed by `parcel_key`: (partner, pre-order parcel); these lines have no parcel.
        other_partners = {line.partner_id for line in others}
        parcels.append(
            OrderParcel(
                vendor=None,
                lines=others,
                goods=sum((line.line_price_incl_tax for line in others), Decimal("0")),
                discounts=[
                    discount
                    for (partner_id, _parcel), found in discounts.items()
                    if partner_id in other_partners
                    for discount in found
                ],
            )
        )
    method = order_payment_method(order=order)
    return OrderSummary(
        parcels=parcels,
        payment_method=method,
        payment_method_label=payment_method_labels().get(method, ""),
        fees=order.shipping_incl_tax,
        total=order.total_incl_tax,
        due_now=order_due_now(order=order),
    )


def _shipping_rule_of(vendor):
    try:
        return vendor.shipping_rule
    except ProducerShippingRule.DoesNotExist:
        return None
