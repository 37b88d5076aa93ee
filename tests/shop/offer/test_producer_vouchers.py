"""A producer runs its own codes from its dashboard: it pays their discount, they lower only
its products, another producer can neither see nor end them, and bad input is refused with a
sentence, writing nothing."""

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from shop.checkout.placement import order_place
from tests.factories import ProductFactory, VendorFactory, vendor_user, vietnam_ensure
from tests.shop.checkout.helpers import address, basket_of
from vendors.models import LedgerEntry

Voucher = get_model("voucher", "Voucher")

pytestmark = pytest.mark.django_db

PAGE = "/dashboard/producer/vouchers/"


def _when(days: int) -> str:
    return (timezone.localtime() + timezone.timedelta(days=days)).strftime("%Y-%m-%d %H:%M")


def form(**fields) -> dict:
    data = {
        "code": "binhlieu27",
        "percent": "15",
        "amount": "",
        "starts_at": _when(0),
        "ends_at": _when(30),
        "once_per_customer": "on",
    }
    data.update(fields)
    return data


def test_a_producer_creates_a_code_that_lowers_only_its_own_products(producer):
    vietnam_ensure()
    vendor = producer.vendor

    response = producer.post(PAGE, form(), follow=True)

    assert "The code BINHLIEU27 is ready; you pay its discounts." in response.content.decode()
    assert "BINHLIEU27" in response.content.decode()
    honey = ProductFactory(vendor=vendor, stock=("100000", 10))
    tea = ProductFactory(vendor=VendorFactory(legal_name="HTX Chè"), stock=("100000", 10))
    basket = basket_of((honey, 1), (tea, 1))
    basket.vouchers.add(Voucher.objects.get(code="BINHLIEU27"))
    order = order_place(
        basket=basket,
        user=UserFactory(),
        shipping_address=address(),
        payment_method="cod",
        status="Awaiting delivery payment",
    )
    sales = {e.vendor_id: e.amount for e in LedgerEntry.objects.filter(order=order, kind="sale")}
    assert sales[vendor.pk] == Decimal("85000") + 30000  # 15% off its own 100.000 ₫
    assert sorted(sales.values()) == [Decimal("115000"), Decimal("130000")]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"code": "TẾT 27"}, "Use 4 to 20 letters (A–Z) or digits, without spaces."),
        ({"amount": "20000"}, "Give either a percentage or an amount off, not both."),
        ({"percent": "95"}, "Ensure this value is less than or equal to 90."),
        ({"ends_at": _when(-1)}, "The end must come after the start."),
        ({"ends_at": _when(400)}, "A code runs for a year at most."),
        (
            {"uses_per_customer": "3"},
            "Untick “Once per customer” to let a customer use the code more often.",
        ),
        (
            {"uses_per_customer": "1", "once_per_customer": ""},
            "Ensure this value is greater than or equal to 2.",
        ),
    ],
)
def test_bad_input_is_refused_with_a_sentence(producer, fields, message):
    response = producer.post(PAGE, form(**fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Voucher.objects.exists()


def test_a_code_anyone_holds_is_refused(producer):
    producer.post(PAGE, form())

    response = producer.post(PAGE, form(code="BINHLIEU27"))

    assert "The code BINHLIEU27 is taken: choose another." in response.content.decode()
    assert Voucher.objects.count() == 1


def test_another_producer_neither_sees_nor_ends_the_code(producer):
    producer.post(PAGE, form())
    voucher = Voucher.objects.get(code="BINHLIEU27")
    client = Client()
    client.force_login(vendor_user(VendorFactory()))

    listed = client.get(PAGE).content.decode()
    ended = client.post(f"{PAGE}{voucher.pk}/end/")

    assert "BINHLIEU27" not in listed
    assert ended.status_code == 404
    voucher.refresh_from_db()
    assert voucher.end_datetime > timezone.now()


def test_the_producer_ends_its_code_and_the_basket_refuses_it(producer):
    producer.post(PAGE, form())
    voucher = Voucher.objects.get(code="BINHLIEU27")

    response = producer.post(f"{PAGE}{voucher.pk}/end/", follow=True)

    assert "The code BINHLIEU27 has ended." in response.content.decode()
    voucher.refresh_from_db()
    assert voucher.end_datetime <= timezone.now()


def test_staff_are_not_shown_a_producers_page(staff):
    assert staff.get(PAGE).status_code == 403


def test_a_producers_code_for_three_uses_per_customer_is_listed_and_asks_a_guest_to_sign_in(
    producer,
):
    vietnam_ensure()
    honey = ProductFactory(vendor=producer.vendor, stock=("100000", 10))

    listed = producer.post(
        PAGE, form(once_per_customer="", uses_per_customer="3"), follow=True
    ).content.decode()
    guest = Client()
    guest.cookies["django_language"] = "en"
    guest.post(f"/basket/add/{honey.pk}/", {"quantity": 1})
    refused = guest.post("/basket/vouchers/add/", {"code": "BINHLIEU27"}, follow=True)

    assert "3 times per customer" in listed
    assert (
        "The code BINHLIEU27 can be used 3 times per customer: sign in to use it."
        in refused.content.decode()
    )
