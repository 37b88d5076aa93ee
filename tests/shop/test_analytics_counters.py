"""Oscar's analytics counters are kept by shop/analytics.py: each event counts once, and two
requests creating a product's counter row at the same moment both succeed."""

import pytest
from django.db import connection
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


@pytest.mark.django_db
def test_a_first_basket_addition_racing_another_still_reaches_the_basket():
    """Another shopper's request creates the product's counter row just after this request's
    UPDATE found none, so this request's INSERT finds the row taken. Before, on PostgreSQL,
    the failed INSERT broke the request's transaction and "Add to basket" answered 500; now
    the addition goes through and both count."""
    product = ProductFactory(stock=("85000", 20))
    written = []

    def other_request_after_the_update(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not written and sql.startswith('UPDATE "analytics_productrecord"'):
            written.append(True)
            # Its own cursor: the UPDATE's row count stays the one this request reads.
            ProductRecord.objects.bulk_create(
                [ProductRecord(product=product, num_basket_additions=1)]
            )
        return result

    with connection.execute_wrapper(other_request_after_the_update):
        response = Client().post(f"/basket/add/{product.pk}/", {"quantity": 1})

    assert written, "the request never updated the counter"
    assert response.status_code == 302
    assert ProductRecord.objects.get(product=product).num_basket_additions == 2


@pytest.mark.django_db
def test_a_signed_in_buyers_orders_add_to_the_products_and_the_buyers_totals():
    from tests.factories import placed_order

    product = ProductFactory(stock=("85000", 20))
    buyer = vendor_user(email="mua.hang@example.vn")
    # Oscar's order creator announces each order placed, as at checkout.
    first = placed_order([(product, 2)], user=buyer)
    second = placed_order([(product, 1)], user=buyer)

    assert ProductRecord.objects.get(product=product).num_purchases == 3
    mine = UserRecord.objects.get(user=buyer)
    assert (mine.num_orders, mine.num_order_items) == (2, 3)
    assert mine.total_spent == first.total_incl_tax + second.total_incl_tax
    assert mine.date_last_order == second.date_placed
