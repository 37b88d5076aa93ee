"""Demo orders are placed as a buyer's order is: a way to pay, each producer's shipping fee,
totals and ledger that add up; loading twice places none twice, and no made-up buyer is
mailed."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum
from oscar.core.loading import get_class, get_model

from shop.checkout.selectors import order_summary
from vendors.models import Fulfilment, LedgerEntry, Vendor

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


def _seed() -> None:
    call_command("seed_demo", no_images=True, verbosity=0, stdout=StringIO(), stderr=StringIO())


def _demo_orders():
    return Order.objects.filter(number__startswith="OCOP-DEMO-").order_by("number")


def test_demo_orders_carry_a_way_to_pay_shipping_fees_and_totals_that_add_up():
    _seed()

    orders = list(_demo_orders())
    assert len(orders) >= 10
    approved = Vendor.objects.filter(status=Vendor.Status.APPROVED)
    assert set(approved.values_list("pk", flat=True)) <= set(
        Fulfilment.objects.values_list("vendor_id", flat=True)
    )
    for order in orders:
        summary = order_summary(order=order)
        assert summary.payment_method == "cod", order.number
        assert summary.fees == sum(parcel.fee for parcel in summary.parcels), order.number
        assert summary.total == sum(parcel.total for parcel in summary.parcels), order.number
        for parcel in summary.parcels:
            sale = LedgerEntry.objects.get(
                order=order, vendor=parcel.vendor, kind=LedgerEntry.Kind.SALE
            )
            assert sale.amount == parcel.total, (order.number, parcel.vendor.slug)
    # Noodles and honey charge their own flat fees below their free-shipping amounts.
    fees = dict(
        Fulfilment.objects.filter(order__number="OCOP-DEMO-0003").values_list(
            "vendor__slug", "shipping_fee"
        )
    )
    assert fees == {"htx-mien-dong-binh-lieu": 25000, "htx-ong-mat-luc-hon": 30000}
    assert sum(order.shipping_incl_tax for order in orders) > 0


def test_a_cash_order_delivered_in_full_is_paid_and_sold_out_stays_sold_out():
    _seed()

    delivered = Order.objects.get(number="OCOP-DEMO-0001")
    assert delivered.status == "Paid"
    cash = delivered.sources.get(source_type__code="cod")
    assert cash.amount_debited == delivered.total_incl_tax
    # The hand-written order with a cancelled parcel still waits for the rest of its cash.
    assert Order.objects.get(number="OCOP-DEMO-0004").status == "Awaiting delivery payment"
    strategy = Selector().strategy()
    for upc in ("OCOP-HY-0030", "OCOP-DB-0015"):
        product = Product.objects.get(upc=upc)
        assert not strategy.fetch_for_product(product).availability.is_available_to_buy, upc


def test_loading_twice_places_no_order_twice_and_mails_no_made_up_buyer(
    django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        _seed()
    placed = _demo_orders().count()
    entries = LedgerEntry.objects.count()
    balance = LedgerEntry.objects.aggregate(total=Sum("amount"))["total"]

    with django_capture_on_commit_callbacks(execute=True):
        _seed()

    assert _demo_orders().count() == placed
    assert LedgerEntry.objects.count() == entries
    assert LedgerEntry.objects.aggregate(total=Sum("amount"))["total"] == balance
    assert balance > Decimal("0")
    assert [message.to for message in mailoutbox] == []
