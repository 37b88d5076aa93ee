"""Staff confirming bank transfers: a second click, another order's number or an empty
reference changes nothing and says why; the page's queries do not grow with its orders."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.test.factories import create_order

from shop.orders.statuses import OrderStatus

pytestmark = pytest.mark.django_db

URL = "/dashboard/payments/transfers/"


def _awaiting(**kwargs):
    return create_order(status=OrderStatus.AWAITING_TRANSFER, **kwargs)


def test_a_double_click_on_mark_paid_pays_once_and_says_so(staff):
    order = _awaiting()

    first = staff.post(URL, {"number": order.number, "reference": "FT2611"}, follow=True)
    second = staff.post(URL, {"number": order.number, "reference": "FT2611"}, follow=True)

    assert first.status_code == 200 and "is marked paid" in first.content.decode()
    assert second.status_code == 200
    assert "is not waiting for a bank transfer" in second.content.decode()
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.payment_events.count() == 1


@pytest.mark.parametrize("number", ["cod", "404404", "", "9" * 500])
def test_an_order_not_awaiting_a_transfer_is_not_marked_paid(staff, number):
    cod = create_order(status=OrderStatus.AWAITING_DELIVERY_PAYMENT)
    number = cod.number if number == "cod" else number

    response = staff.post(URL, {"number": number, "reference": "FT2611"}, follow=True)

    assert response.status_code == 200
    assert "is not waiting for a bank transfer" in response.content.decode()
    cod.refresh_from_db()
    assert cod.status == OrderStatus.AWAITING_DELIVERY_PAYMENT
    assert not cod.payment_events.exists()


def test_an_empty_reference_is_asked_for_and_the_order_still_waits(staff):
    order = _awaiting()

    response = staff.post(URL, {"number": order.number, "reference": "  "}, follow=True)

    assert "Enter the reference shown on the bank statement." in response.content.decode()
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_TRANSFER


def test_the_page_makes_as_many_queries_for_three_orders_as_for_one(staff):
    _awaiting()
    with CaptureQueriesContext(connection) as one:
        assert staff.get(URL).status_code == 200
    _awaiting()
    _awaiting()
    with CaptureQueriesContext(connection) as three:
        page = staff.get(URL)

    assert page.content.decode().count('name="number"') == 3
    assert len(three) == len(one)
