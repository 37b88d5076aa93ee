"""A code typed into the basket: refused with a sentence that says why (not started, ended,
used up by this buyer, a guest for a once-per-customer code, another producer's products),
and then the basket is unchanged; accepted, it lowers the total. The order placement asks
again, under a lock, so a code that ended or was used meanwhile is not charged twice."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from shop.checkout.placement import VoucherRefused, order_place
from tests.factories import ProductFactory, VendorFactory, vietnam_ensure
from tests.shop.checkout.helpers import address, basket_of
from tests.shop.offer.helpers import voucher_make

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


@pytest.fixture
def noodles(db):
    vietnam_ensure()
    return ProductFactory(
        vendor=VendorFactory(legal_name="HTX Miến dong Bình Liêu"), stock=("100000", 20)
    )


def buyer_client(language: str = "en", user=None) -> Client:
    client = Client()
    client.cookies["django_language"] = language
    if user is not None:
        client.force_login(user)
    return client


def basket_with_code(client, product, code: str) -> str:
    """Put the product in the basket, type the code; the basket page the buyer lands on."""
    assert client.post(f"/basket/add/{product.pk}/", {"quantity": 1}).status_code == 302
    response = client.post("/basket/vouchers/add/", {"code": code}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def place(basket, user):
    return order_place(
        basket=basket,
        user=user,
        guest_email="" if user else "khach@example.vn",
        shipping_address=address(),
        payment_method="cod",
        status="Awaiting delivery payment",
    )


def test_a_valid_code_lowers_the_basket_total(noodles):
    voucher_make("TET2027", percent=10)

    page = basket_with_code(buyer_client(user=UserFactory()), noodles, "TET2027")

    assert "Coupon &#x27;TET2027&#x27; added to cart" in page
    assert "90.000\xa0₫" in page  # the goods after the discount


def test_a_code_not_yet_started_is_refused_with_its_start(noodles):
    voucher_make("TET2027", starts_in=timedelta(days=3), ends_in=timedelta(days=10))
    client = buyer_client(user=UserFactory())

    page = basket_with_code(client, noodles, "TET2027")

    assert "The code TET2027 can be used from" in page
    assert "90.000\xa0₫" not in page
    assert not Basket.objects.filter(vouchers__code="TET2027").exists()


def test_a_code_past_its_date_is_refused(noodles):
    voucher_make("TET2026", starts_in=timedelta(days=-40), ends_in=timedelta(days=-2))

    page = basket_with_code(buyer_client(user=UserFactory()), noodles, "TET2026")

    assert "The code TET2026 ended on" in page
    assert not Basket.objects.filter(vouchers__code="TET2026").exists()


def test_a_code_past_its_date_is_refused_in_vietnamese(noodles):
    voucher_make("TET2026", starts_in=timedelta(days=-40), ends_in=timedelta(days=-2))

    page = basket_with_code(buyer_client("vi", user=UserFactory()), noodles, "TET2026")

    assert "Mã TET2026 đã hết hạn vào" in page


def test_a_once_per_customer_code_is_refused_the_second_time_and_not_to_another_buyer(noodles):
    voucher = voucher_make("CHAO2027", usage="Once per customer")
    first = UserFactory()
    basket = basket_of((noodles, 1))
    basket.vouchers.add(voucher)
    place(basket, first)

    again = basket_with_code(buyer_client(user=first), noodles, "CHAO2027")
    other = basket_with_code(buyer_client(user=UserFactory()), noodles, "CHAO2027")

    assert "You have already used the code CHAO2027 in an earlier order" in again
    assert "Coupon &#x27;CHAO2027&#x27; added to cart" in other


def test_a_guest_is_asked_to_sign_in_for_a_once_per_customer_code(noodles):
    voucher_make("CHAO2027", usage="Once per customer")

    page = basket_with_code(buyer_client(), noodles, "CHAO2027")

    assert "The code CHAO2027 can be used once per customer: sign in to use it." in page
    assert not Basket.objects.filter(vouchers__code="CHAO2027").exists()


def test_a_guest_keeps_a_code_open_to_everyone_when_the_order_is_placed(noodles):
    client = buyer_client()
    voucher_make("TET2027", percent=10)
    basket_with_code(client, noodles, "TET2027")
    basket = Basket.objects.get(vouchers__code="TET2027")

    order = place(basket, None)

    assert order.total_incl_tax == Decimal("90000") + Decimal("30000")


def test_another_producers_code_is_refused_and_names_its_producer(noodles):
    honey_maker = VendorFactory(legal_name="HTX Mật ong Bình Liêu")
    voucher_make("MATONG15", vendor=honey_maker, percent=15)

    page = basket_with_code(buyer_client(user=UserFactory()), noodles, "MATONG15")

    assert "The code MATONG15 is for products of HTX Mật ong Bình Liêu only" in page
    assert not Basket.objects.filter(vouchers__code="MATONG15").exists()


def test_a_code_that_ended_after_it_was_added_is_refused_at_placement(noodles):
    voucher = voucher_make("TET2027", percent=10)
    basket = basket_of((noodles, 1))
    basket.vouchers.add(voucher)
    voucher.end_datetime = voucher.start_datetime + timedelta(hours=1)
    voucher.save()

    with pytest.raises(VoucherRefused) as refused:
        place(basket, UserFactory())

    # Placed without a request: in the site's language.
    assert "Mã TET2027 đã hết hạn vào" in refused.value.message
    assert "hãy kiểm tra tổng tiền mới" in refused.value.message
    assert not basket.vouchers.exists()
    assert not Order.objects.exists()


def test_one_buyer_cannot_use_a_once_per_customer_code_in_two_baskets(noodles):
    voucher = voucher_make("CHAO2027", usage="Once per customer")
    buyer = UserFactory()
    first, second = basket_of((noodles, 1)), basket_of((noodles, 1))
    first.vouchers.add(voucher)
    second.vouchers.add(voucher)
    place(first, buyer)

    with pytest.raises(VoucherRefused) as refused:
        place(second, buyer)

    assert "Bạn đã dùng mã CHAO2027 trong một đơn hàng trước" in refused.value.message
    assert Order.objects.count() == 1


def test_a_code_for_two_uses_per_buyer_is_refused_the_third_time_and_not_to_another(noodles):
    voucher = voucher_make("TET2027", percent=10, per_customer=2)
    buyer = UserFactory()
    for _time in range(2):
        basket = basket_of((noodles, 1))
        basket.vouchers.add(voucher)
        place(basket, buyer)

    again = basket_with_code(buyer_client(user=buyer), noodles, "TET2027")
    other = basket_with_code(buyer_client(user=UserFactory()), noodles, "TET2027")

    assert (
        "You have already used the code TET2027 2 times, as often as it can be used per "
        "customer." in again
    )
    assert "90.000\xa0₫" not in again
    assert Basket.objects.filter(vouchers__code="TET2027", owner=buyer).count() == 0
    assert "Coupon &#x27;TET2027&#x27; added to cart" in other


def test_a_code_limited_per_buyer_is_refused_in_vietnamese_to_a_guest(noodles):
    voucher_make("TET2027", per_customer=3)

    page = basket_with_code(buyer_client("vi"), noodles, "TET2027")

    assert "Mã TET2027 được dùng 3 lần cho mỗi khách hàng: hãy đăng nhập để sử dụng." in page
    assert not Basket.objects.filter(vouchers__code="TET2027").exists()


def test_a_buyer_cannot_spend_a_code_beyond_its_uses_in_baskets_filled_earlier(noodles):
    voucher = voucher_make("TET2027", per_customer=2)
    buyer = UserFactory()
    baskets = [basket_of((noodles, 1)) for _basket in range(3)]
    for basket in baskets:
        basket.vouchers.add(voucher)
    place(baskets[0], buyer)
    place(baskets[1], buyer)

    with pytest.raises(VoucherRefused) as refused:
        place(baskets[2], buyer)

    assert "Bạn đã dùng mã TET2027 đủ 2 lần" in refused.value.message
    assert Order.objects.count() == 2
    assert not baskets[2].vouchers.exists()
