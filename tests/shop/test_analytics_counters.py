"""Oscar's analytics counters are kept by shop/analytics.py: each event counts once, and two
requests creating a product's counter row at the same moment both succeed."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from oscar.core.loading import get_model

from tests.factories import ProductFactory, vendor_user

ProductRecord = get_model("analytics", "ProductRecord")
UserRecord = get_model("analytics", "UserRecord")


def _added(client: Client, product) -> None:
    response = client.post(f"/basket/add/{product.pk}/", {"quantity": 1})
    assert response.status_code == 302, response.content[:500]


@pytest.mark.django_db
def test_each_basket_addition_and_signed_in_view_counts_once():
    product = ProductFactory(stock=("85000", 20))
    shopper = Client()
    _added(shopper, product)
    _added(Client(), product)

    buyer = vendor_user(email="nguoi.mua@example.vn")
    signed_in = Client()
    signed_in.force_login(buyer)
    assert signed_in.get(product.get_absolute_url()).status_code == 200
    _added(signed_in, product)

    record = ProductRecord.objects.get(product=product)
    assert (record.num_basket_additions, record.num_views) == (3, 1)
    mine = UserRecord.objects.get(user=buyer)
    assert (mine.num_basket_additions, mine.num_product_views) == (1, 1)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the race needs two connections writing at once; SQLite locks the whole file",
)
@pytest.mark.django_db(transaction=True)
def test_a_first_basket_addition_racing_another_still_reaches_the_basket(reference_data):
    """Another shopper's request creates the product's counter row while this one adds the
    same product: this shopper's INSERT waits for it, then finds the row taken. Before, the
    failed INSERT broke the request's transaction and "Add to basket" answered 500."""
    product = ProductFactory(stock=("85000", 20))
    row_written, done = threading.Event(), threading.Event()

    def other_request():
        try:
            with transaction.atomic():
                ProductRecord.objects.create(product=product, num_basket_additions=1)
                row_written.set()
                # Held open until this shopper's INSERT is waiting on the same key.
                done.wait(timeout=1.0)
        finally:
            connection.close()

    other = threading.Thread(target=other_request)
    other.start()
    assert row_written.wait(timeout=10)
    try:
        response = Client().post(f"/basket/add/{product.pk}/", {"quantity": 1})
    finally:
        done.set()
        other.join()

    assert response.status_code == 302
    assert ProductRecord.objects.get(product=product).num_basket_additions == 2
