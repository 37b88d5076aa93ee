"""What a code took off shows on the parcel it lowered, and only there: the basket, the
checkout preview, the thank-you page, both order mails and the producer's parcel page. Free
shipping from a producer's amount still holds with a code in the basket."""

import re
from html import unescape

import pytest
from django.core import mail
from django.test import Client
from oscar.test.factories import UserFactory

from shop.checkout.placement import order_place
from shop.shipping.models import ProducerShippingRule
from tests.factories import ProductFactory, VendorFactory, vendor_user, vietnam_ensure
from tests.shop.checkout.helpers import address, basket_of
from tests.shop.checkout.test_checkout_pages import to_preview
from tests.shop.offer.helpers import voucher_make
from vendors.models import Fulfilment

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(db):
    """Noodles (85.000 ₫, 25.000 ₫ a parcel) and honey (160.000 ₫, shipping free from
    300.000 ₫, else 35.000 ₫) from two producers."""
    vietnam_ensure()
    noodles_maker = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
    ProducerShippingRule.objects.create(
        vendor=noodles_maker, base_fee=25000, days_min=2, days_max=4
    )
    honey_maker = VendorFactory(legal_name="HTX Mật ong Mèo Vạc")
    ProducerShippingRule.objects.create(
        vendor=honey_maker, base_fee=35000, free_above=300000, days_min=3, days_max=6
    )
    noodles = ProductFactory(vendor=noodles_maker, title="Miến dong", stock=("85000", 20))
    honey = ProductFactory(vendor=honey_maker, title="Mật ong bạc hà", stock=("160000", 20))
    return noodles_maker, honey_maker, noodles, honey


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split()).replace("\xa0", " ")


def between(text: str, start: str, end: str | None) -> str:
    """The part of the page's text from `start` up to `end` (or the end)."""
    begin = text.index(start)
    return text[begin : text.index(end, begin) if end else None]


def place(basket, user=None):
    return order_place(
        basket=basket,
        user=user or UserFactory(),
        shipping_address=address(),
        payment_method="cod",
        status="Awaiting delivery payment",
    )


def test_a_producers_code_shows_on_its_parcel_only_from_basket_to_mails(
    shop, django_capture_on_commit_callbacks
):
    noodles_maker, honey_maker, noodles, honey = shop
    voucher_make("MIENDONG10", vendor=noodles_maker, percent=10)
    client = Client()
    client.cookies["django_language"] = "vi"
    client.post(f"/basket/add/{noodles.pk}/", {"quantity": 2})
    client.post(f"/basket/add/{honey.pk}/", {"quantity": 1})
    client.post("/basket/vouchers/add/", {"code": "MIENDONG10"})

    basket = text_of(client.get("/basket/").content.decode())
    preview = text_of(to_preview(client).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        placed = client.post(
            "/checkout/preview/", {"action": "place_order", "privacy_consent": "on"}
        )
    assert placed.status_code == 302
    thanks = text_of(client.get("/checkout/thank-you/").content.decode())

    for page in (basket, preview):
        noodles_parcel = between(page, "HTX Miến dong Bình Liêu", "HTX Mật ong Mèo Vạc")
        honey_parcel = between(page, "HTX Mật ong Mèo Vạc", "Giao trong 3–6")
        # 170.000 ₫ of noodles, 17.000 ₫ off them, the noodles' fee.
        assert "Tiền hàng 170.000 ₫ Giảm giá MIENDONG10 −17.000 ₫ Giao hàng 25.000 ₫" in (
            noodles_parcel
        )
        assert "Giảm giá" not in honey_parcel
    noodles_parcel = between(thanks, "Kiện 1: HTX Miến dong Bình Liêu", "Kiện 2")
    assert "Miến dong × 2 170.000 ₫ Giảm giá MIENDONG10 −17.000 ₫" in noodles_parcel
    assert "Trả cho người giao hàng khi nhận 178.000 ₫" in noodles_parcel
    assert "Giảm giá" not in between(thanks, "Kiện 2", "Tổng cộng")

    bodies = {m.to[0]: m.body.replace("\xa0", " ") for m in mail.outbox}
    buyer_mail = bodies["khach@example.vn"]
    assert "Miến dong × 2: 170.000 ₫\n  Giảm giá MIENDONG10: −17.000 ₫\n" in buyer_mail
    assert buyer_mail.count("Giảm giá") == 1
    to_noodles, to_honey = bodies[noodles_maker.email], bodies[honey_maker.email]
    assert "Giảm giá MIENDONG10 (mã của bạn: bạn chịu khoản giảm): −17.000 ₫" in to_noodles
    assert "Giảm giá" not in to_honey


def test_the_producers_parcel_says_who_pays_each_discount(shop):
    noodles_maker, honey_maker, noodles, honey = shop
    basket = basket_of((noodles, 2), (honey, 1))
    basket.vouchers.add(voucher_make("TET2027", percent=10))
    order = place(basket)
    client = Client()
    client.cookies["django_language"] = "en"

    pages = {}
    for maker in (noodles_maker, honey_maker):
        client.force_login(vendor_user(maker))
        parcel = Fulfilment.objects.get(order=order, vendor=maker)
        pages[maker] = text_of(
            client.get(f"/dashboard/producer/orders/{parcel.pk}/").content.decode()
        )

    assert (
        "Discount TET2027 (the platform pays it to you) −17.000 ₫ "
        "The buyer pays for your goods 153.000 ₫"
    ) in pages[noodles_maker]
    assert (
        "Discount TET2027 (the platform pays it to you) −16.000 ₫ "
        "The buyer pays for your goods 144.000 ₫"
    ) in pages[honey_maker]
    assert "17.000" not in pages[honey_maker]


def test_free_shipping_from_a_producers_amount_holds_with_a_code_in_the_basket(shop):
    noodles_maker, honey_maker, noodles, honey = shop
    producers_code = voucher_make("MIENDONG10", vendor=noodles_maker, percent=10)
    platform_code = voucher_make("TET2027", percent=10)

    # 480.000 ₫ of honey, 432.000 ₫ after the platform's 10%: still free from 300.000 ₫.
    basket = basket_of((noodles, 1), (honey, 3))
    basket.vouchers.add(platform_code)
    fees = {f.vendor: f.shipping_fee for f in Fulfilment.objects.filter(order=place(basket))}
    assert fees == {noodles_maker: 25000, honey_maker: 0}

    # Another producer's code leaves the honey's free shipping alone.
    basket = basket_of((noodles, 4), (honey, 2))
    basket.vouchers.add(producers_code)
    fees = {f.vendor: f.shipping_fee for f in Fulfilment.objects.filter(order=place(basket))}
    assert fees == {noodles_maker: 25000, honey_maker: 0}

    # Free shipping is measured on what the buyer pays for the goods: 320.000 ₫ of honey,
    # 288.000 ₫ after the discount, pays the fee.
    basket = basket_of(
        (honey, 2),
    )
    basket.vouchers.add(platform_code)
    fees = {f.vendor: f.shipping_fee for f in Fulfilment.objects.filter(order=place(basket))}
    assert fees == {honey_maker: 35000}
