"""An order's status changed by staff on Oscar's order dashboard goes through the same
lifecycle as our own services: cancelling takes back the parcels not shipped (stock, ledger,
the buyer told), marking paid records the money; the dashboard offers only the pipeline's
moves."""

from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from shop.orders import lifecycle
from shop.orders.statuses import ORDER_STATUS_PIPELINE, OrderStatus, PaymentMethod
from tests.factories import ProductFactory, VendorFactory, vietnam_ensure
from tests.shop.checkout.helpers import checkout_to_payment
from vendors.fulfilment import fulfilment_mark_delivered, fulfilment_mark_shipped
from vendors.models import Fulfilment, LedgerEntry

Order = get_model("order", "Order")
OrderStatusChange = get_model("order", "OrderStatusChange")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(db):
    vietnam_ensure()
    return [
        ProductFactory(vendor=VendorFactory(legal_name="HTX Miến dong"), stock=("85000", 10)),
        ProductFactory(vendor=VendorFactory(legal_name="HTX Mật ong"), stock=("120000", 10)),
    ]


@pytest.fixture
def staff():
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _order(client, products, method):
    response = checkout_to_payment(client, [(products[0], 1), (products[1], 2)], method=method)
    assert response["Location"].endswith("/checkout/thank-you/")
    return Order.objects.get()


def _dashboard_status(staff, order, status):
    url = reverse("dashboard:order-detail", kwargs={"number": order.number})
    return staff.post(
        url, {"order_action": "change_order_status", "new_status": status}, follow=True
    )


def _owed(vendor) -> Decimal:
    return sum((entry.amount for entry in vendor.ledger_entries.all()), Decimal("0"))


def test_the_dashboard_offers_only_the_moves_of_the_pipeline(english, products, staff):
    order = _order(english, products, "cod")
    url = reverse("dashboard:order-detail", kwargs={"number": order.number})

    page = staff.get(url).content.decode()

    assert '<option value="Paid">' in page
    assert '<option value="Cancelled">' in page
    assert '<option value="Awaiting transfer">' not in page
    assert set(ORDER_STATUS_PIPELINE[order.status]) == {OrderStatus.PAID, OrderStatus.CANCELLED}


def test_cancelling_on_the_dashboard_cancels_the_parcels_and_reverses_the_ledger(
    english, products, staff, django_capture_on_commit_callbacks
):
    order = _order(english, products, "cod")
    noodles, honey = Fulfilment.objects.filter(order=order).order_by("pk")
    fulfilment_mark_shipped(fulfilment=honey, carrier="VNPost", tracking_code="EE123456789VN")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = _dashboard_status(staff, order, OrderStatus.CANCELLED)

    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert OrderStatusChange.objects.filter(
        order=order, old_status=OrderStatus.AWAITING_DELIVERY_PAYMENT, new_status="Cancelled"
    ).exists()
    noodles.refresh_from_db()
    honey.refresh_from_db()
    # The parcel not yet shipped is taken back; the one with the carrier stays as it is.
    assert noodles.status == Fulfilment.Status.CANCELLED
    assert noodles.cancel_reason == "Cửa hàng đã hủy đơn hàng."
    assert honey.status == Fulfilment.Status.SHIPPED
    assert _owed(noodles.vendor) == 0
    assert _owed(honey.vendor) > 0
    assert StockRecord.objects.get(product=products[0]).num_allocated == 0
    assert [m.to for m in mail.outbox] == [["khach@example.vn"]]
    assert "Cửa hàng đã hủy đơn hàng." in mail.outbox[0].body


def test_marking_a_transfer_paid_on_the_dashboard_records_the_money(english, products, staff):
    order = _order(english, products, "bank_transfer")
    assert order.status == OrderStatus.AWAITING_TRANSFER

    _dashboard_status(staff, order, OrderStatus.PAID)

    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    paid = order.payment_events.get()
    assert paid.amount == order.total_incl_tax
    source = order.sources.get()
    assert source.source_type.code == PaymentMethod.BANK_TRANSFER
    assert source.amount_debited == order.total_incl_tax
    # Nothing is left to record when the parcels arrive later.
    assert not lifecycle.order_payment_received(
        order=order, method=PaymentMethod.BANK_TRANSFER, amount=1, reference="again"
    )


def test_cash_marked_paid_on_the_dashboard_is_not_collected_again_on_delivery(
    english, products, staff
):
    order = _order(english, products, "cod")

    _dashboard_status(staff, order, OrderStatus.PAID)
    for parcel in Fulfilment.objects.filter(order=order):
        fulfilment_mark_shipped(fulfilment=parcel, carrier="VNPost", tracking_code="EE123456789VN")
        fulfilment_mark_delivered(fulfilment=parcel)

    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.payment_events.get().amount == order.total_incl_tax


def test_a_paid_order_cannot_be_cancelled_on_the_dashboard(english, products, staff):
    order = _order(english, products, "cod")
    for parcel in Fulfilment.objects.filter(order=order):
        fulfilment_mark_shipped(fulfilment=parcel, carrier="VNPost", tracking_code="EE123456789VN")
        fulfilment_mark_delivered(fulfilment=parcel)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID

    response = _dashboard_status(staff, order, OrderStatus.CANCELLED)

    assert "Invalid form submission" in response.content.decode()
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert not LedgerEntry.objects.filter(kind=LedgerEntry.Kind.REVERSAL).exists()


def test_the_lifecycle_moves_an_order_only_along_the_pipeline(english, products):
    order = _order(english, products, "cod")
    lifecycle.order_cancel(order=order, reason="Khách đổi ý")

    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert list(order.status_changes.values_list("new_status", flat=True)) == ["Cancelled"]
    # A second cancel changes nothing; money arriving for a cancelled order cannot make it
    # paid behind the pipeline's back.
    lifecycle.order_cancel(order=order, reason="Khách đổi ý")
    assert order.status_changes.count() == 1
    with pytest.raises(InvalidOrderStatus):
        lifecycle.order_payment_received(
            order=order, method=PaymentMethod.COD, amount=1, reference="late"
        )
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert not order.payment_events.exists()
