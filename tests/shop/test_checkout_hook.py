"""Placing an order through Oscar's checkout pages writes one parcel per producer and its
ledger entries, in the order's transaction."""

from decimal import Decimal

import pytest
from django.core import mail
from oscar.core.loading import get_model

from tests.factories import ProductFactory, VendorFactory, vietnam_ensure
from tests.shop.checkout.helpers import checkout_to_payment
from vendors.models import Fulfilment, LedgerEntry

Order = get_model("order", "Order")


@pytest.fixture
def vietnam(db):
    return vietnam_ensure()


def guest_checkout(client, products: list[tuple[object, int]], email="khach@example.vn"):
    """Walk Oscar's checkout as a guest paying cash on delivery, up to "Place order"."""
    return checkout_to_payment(client, products, method="cod", email=email)


def test_a_basket_of_two_producers_makes_one_order_two_parcels_and_their_ledger(
    client, vietnam, django_capture_on_commit_callbacks
):
    noodles = VendorFactory(legal_name="HTX Miến dong", commission_rate=Decimal("0.100"))
    honey = VendorFactory(legal_name="HTX Mật ong", commission_rate=Decimal("0.075"))
    noodle = ProductFactory(vendor=noodles, stock=(Decimal("85000"), 10))
    honey_jar = ProductFactory(vendor=honey, stock=(Decimal("123457"), 10))

    with django_capture_on_commit_callbacks(execute=True):
        response = guest_checkout(client, [(noodle, 2), (honey_jar, 1)])

    assert response.status_code == 302
    assert response["Location"].endswith("/checkout/thank-you/")
    order = Order.objects.get()
    assert order.guest_email == "khach@example.vn"
    parcels = {f.vendor: f for f in Fulfilment.objects.filter(order=order)}
    assert set(parcels) == {noodles, honey}
    assert all(f.status == Fulfilment.Status.NEW for f in parcels.values())
    assert [line.title for line in parcels[noodles].lines] == [noodle.title]

    entries = {(e.vendor, e.kind): e.amount for e in LedgerEntry.objects.filter(order=order)}
    assert entries == {
        # Goods plus the parcel's fee: producers without rules charge the default 30.000 ₫.
        (noodles, "sale"): Decimal("200000"),
        (noodles, "commission"): Decimal("-17000"),
        (honey, "sale"): Decimal("153457"),
        # 7.5% of 123.457 ₫ is 9.259,275 ₫: whole đồng.
        (honey, "commission"): Decimal("-9259"),
    }
    # Each producer hears of its own parcel.
    vendor_mails = [m for m in mail.outbox if m.to in (["" + noodles.email], [honey.email])]
    assert len(vendor_mails) == 2
    noodle_mail = next(m for m in vendor_mails if m.to == [noodles.email])
    assert str(order.number) in noodle_mail.subject
    assert noodle.title in noodle_mail.body
    assert honey_jar.title not in noodle_mail.body


def test_placing_the_order_again_writes_no_second_parcel(client, vietnam):
    from vendors.fulfilment import fulfilments_create_for_order

    product = ProductFactory()
    guest_checkout(client, [(product, 1)])
    order = Order.objects.get()

    assert fulfilments_create_for_order(order=order) == []
    assert Fulfilment.objects.count() == 1
    assert LedgerEntry.objects.count() == 2


def test_an_order_whose_parcels_cannot_be_written_is_not_placed(client, vietnam, monkeypatch):
    def broken(*, order, parcels=None):
        raise RuntimeError("ledger unavailable")

    monkeypatch.setattr("shop.checkout.placement.fulfilments_create_for_order", broken)
    product = ProductFactory()

    response = guest_checkout(client, [(product, 1)])

    assert response.status_code == 200
    assert Order.objects.count() == 0
    assert Fulfilment.objects.count() == 0
    product.stockrecords.get().refresh_from_db()
    assert product.stockrecords.get().num_allocated in (0, None)


def test_a_queue_down_after_commit_costs_the_mails_not_the_placed_order(
    client, vietnam, monkeypatch, django_capture_on_commit_callbacks
):
    from kombu.exceptions import OperationalError

    def queue_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to localhost:6379. Connection refused.")

    monkeypatch.setattr("vendors.tasks.notify_vendor_new_order.delay", queue_down)
    monkeypatch.setattr("shop.checkout.tasks.order_confirmation_send.delay", queue_down)
    product = ProductFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = guest_checkout(client, [(product, 1)])

    assert response.status_code == 302
    assert response["Location"].endswith("/checkout/thank-you/")
    assert Order.objects.count() == 1
    assert Fulfilment.objects.count() == 1
    assert mail.outbox == []
