"""Cash on delivery: the order is paid when its last parcel is delivered, and only then does
the partner who brought the buyer earn its commission."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from shop.orders import lifecycle
from shop.orders.statuses import OrderStatus
from shop.tourism.models import PartnerLedgerEntry
from tests.shop.checkout.helpers import checkout_to_payment
from tests.tourism.factories import WidgetFactory
from vendors.fulfilment import (
    fulfilment_cancel,
    fulfilment_mark_delivered,
    fulfilment_mark_shipped,
)
from vendors.models import Fulfilment

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def _deliver(fulfilment):
    fulfilment_mark_shipped(fulfilment=fulfilment, carrier="VNPost", tracking_code="EE123456785VN")
    fulfilment_mark_delivered(fulfilment=fulfilment)


def _cod_order_from_a_widget(client, products):
    widget = WidgetFactory(product_ids=[p.pk for p in products])
    landing = client.get(
        products[0].get_absolute_url(), {"ref": widget.partner.ref, "w": widget.pk}
    )
    assert landing.status_code == 200
    response = checkout_to_payment(client, [(products[0], 1), (products[1], 1)], method="cod")
    assert response["Location"].endswith("/checkout/thank-you/")
    return Order.objects.get(), widget.partner


def test_the_order_is_paid_when_its_last_parcel_is_delivered(english, products):
    order, partner = _cod_order_from_a_widget(english, products)
    first, second = Fulfilment.objects.filter(order=order).order_by("pk")

    _deliver(first)
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_DELIVERY_PAYMENT
    assert not PartnerLedgerEntry.objects.exists()

    _deliver(second)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    paid = order.payment_events.get()
    assert paid.amount == order.total_incl_tax
    commission = PartnerLedgerEntry.objects.get()
    assert commission.partner == partner
    assert commission.amount == Decimal("10250")  # 5% of 205.000 ₫ of goods
    assert lifecycle.order_cash_collected_if_delivered(order=order) is False
    assert order.payment_events.count() == 1


def test_a_cancelled_parcel_is_not_collected(english, products):
    order, _partner = _cod_order_from_a_widget(english, products)
    first, second = Fulfilment.objects.filter(order=order).order_by("pk")

    fulfilment_cancel(fulfilment=first, reason="Hết hàng trong kho")
    _deliver(second)

    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    collected = order.payment_events.get().amount
    assert collected == order.total_incl_tax - Decimal("85000") - first.shipping_fee


def test_the_order_is_paid_when_its_last_open_parcel_is_cancelled_after_the_others_arrived(
    english, products
):
    order, _partner = _cod_order_from_a_widget(english, products)
    first, second = Fulfilment.objects.filter(order=order).order_by("pk")

    _deliver(first)
    fulfilment_cancel(fulfilment=second, reason="Hết hàng trong kho")

    # Nothing else is coming: the cash the carrier collected for the first parcel is all.
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    collected = order.payment_events.get().amount
    assert collected == order.total_incl_tax - Decimal("120000") - second.shipping_fee


def test_cancelling_the_order_after_a_delivery_does_not_mark_it_paid(english, products):
    order, _partner = _cod_order_from_a_widget(english, products)
    first, second = Fulfilment.objects.filter(order=order).order_by("pk")
    _deliver(first)

    lifecycle.order_cancel(order=order, reason="Khách đổi ý")

    # The cancellation takes back the parcel not yet shipped; that is no cash collected.
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert not order.payment_events.exists()
    assert not PartnerLedgerEntry.objects.exists()
    second.refresh_from_db()
    assert second.status == Fulfilment.Status.CANCELLED
