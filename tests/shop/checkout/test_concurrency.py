"""Twenty buyers race for the last five units on PostgreSQL: row locks let exactly five
through, the others hear it sold out, and the stock never goes below zero."""

import threading
from decimal import Decimal

import pytest
from django.db import connection
from oscar.core.loading import get_model

from catalogue.services import places_sync
from shop.basket.models import Basket
from shop.checkout.placement import SoldOut, order_place
from tests.factories import ProductFactory
from tests.shop.checkout.helpers import address, basket_of
from vendors.models import Fulfilment, LedgerEntry

Order = get_model("order", "Order")
OrderLine = get_model("order", "Line")
ShippingAddress = get_model("order", "ShippingAddress")
StockRecord = get_model("partner", "StockRecord")

BUYERS = 20
UNITS = 5


@pytest.mark.integration
@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_buyers_get_exactly_the_last_five_units():
    places_sync()
    product = ProductFactory(title="Trà hoa vàng Ba Chẽ", stock=(Decimal("150000"), UNITS))
    basket_ids = [basket_of((product, 1)).pk for _ in range(BUYERS)]
    start = threading.Barrier(BUYERS)
    outcomes: dict[int, object] = {}

    def buyer(number: int, basket_id: int) -> None:
        # Each thread has its own database connection and commits for real.
        try:
            basket = Basket.objects.get(pk=basket_id)
            shipping = address()
            start.wait(timeout=60)
            try:
                outcomes[number] = order_place(
                    basket=basket,
                    user=None,
                    guest_email=f"khach{number}@example.vn",
                    shipping_address=shipping,
                    payment_method="cod",
                    status="Awaiting delivery payment",
                )
            except Exception as error:  # noqa: BLE001 - the assertions below tell them apart
                outcomes[number] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=buyer, args=(number, basket_id))
        for number, basket_id in enumerate(basket_ids)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(outcomes) == BUYERS
    orders = [o for o in outcomes.values() if isinstance(o, Order)]
    sold_out = [o for o in outcomes.values() if isinstance(o, SoldOut)]
    unexpected = [o for o in outcomes.values() if not isinstance(o, (Order, SoldOut))]
    assert unexpected == []
    assert len(orders) == UNITS
    assert len(sold_out) == BUYERS - UNITS
    for error in sold_out:
        assert error.titles == ["Trà hoa vàng Ba Chẽ"]
        # Each buyer's thread answers in the site's default language: "… has just sold out".
        assert "“Trà hoa vàng Ba Chẽ” vừa hết hàng" in error.message

    record = StockRecord.objects.get(product=product)
    assert record.num_in_stock == UNITS
    assert record.num_allocated == UNITS
    assert record.net_stock_level == 0

    # Whole orders or nothing: each placed order has its line, address, parcel and ledger;
    # the buyers who missed out left no rows behind and keep their open basket.
    assert Order.objects.count() == UNITS
    assert OrderLine.objects.count() == UNITS
    assert ShippingAddress.objects.count() == UNITS
    assert Fulfilment.objects.count() == UNITS
    assert LedgerEntry.objects.count() == 2 * UNITS
    assert set(Fulfilment.objects.values_list("order_id", flat=True)) == {o.pk for o in orders}
    assert Basket.objects.filter(pk__in=basket_ids, status=Basket.SUBMITTED).count() == UNITS
    assert Basket.objects.filter(pk__in=basket_ids, status=Basket.OPEN).count() == BUYERS - UNITS
