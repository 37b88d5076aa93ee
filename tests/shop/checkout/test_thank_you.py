"""The thank-you page: the order as the producers' parcels, each with its lines, fee,
delivery time and, paid on delivery, what its courier collects; the buyer's phone as the
reader dials it."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.template import Context, Template
from django.utils import translation
from oscar.core.loading import get_model
from phonenumber_field.phonenumber import PhoneNumber

from shop.shipping.models import ProducerShippingRule
from tests.factories import ProductFactory, VendorFactory
from tests.shop.checkout.helpers import checkout_to_payment
from tests.shop.checkout.test_checkout_pages import fill_basket, to_preview

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_producers():
    noodles = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
    ProducerShippingRule.objects.create(vendor=noodles, base_fee=25000, days_min=2, days_max=4)
    honey = VendorFactory(legal_name="HTX Mật ong Mèo Vạc")
    ProducerShippingRule.objects.create(vendor=honey, base_fee=35000, days_min=3, days_max=6)
    return (
        ProductFactory(vendor=noodles, title="Miến dong sợi nhỏ", stock=(Decimal("85000"), 9)),
        ProductFactory(vendor=honey, title="Mật ong bạc hà", stock=(Decimal("160000"), 9)),
    )


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def parcels_on(page: str) -> list[str]:
    """The text of each parcel shown on the page, in order."""
    sections = re.findall(r'<section class="card mb-3 order-parcel".*?</section>', page, re.S)
    return [text_of(section) for section in sections]


def amount(text: str) -> Decimal:
    return Decimal(text.replace(".", ""))


def place_cod_order(client, two_producers):
    noodle, honey = two_producers
    response = checkout_to_payment(client, [(noodle, 2), (honey, 1)], method="cod")
    assert response.status_code == 302
    assert response["Location"].endswith("/checkout/thank-you/")
    return client.get("/checkout/thank-you/").content.decode()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "vi",
            {
                "parcel": "Kiện",
                "shipping": "Giao hàng",
                "window": "Giao trong",
                "pay": "Trả cho người giao hàng khi nhận",
                "phone": "0912 345 678",
            },
        ),
        (
            "en",
            {
                "parcel": "Parcel",
                "shipping": "Shipping",
                "window": "Delivered in",
                "pay": "To pay the courier on delivery",
                "phone": "+84 912 345 678",
            },
        ),
    ],
)
def test_a_cash_on_delivery_thank_you_page_shows_each_producers_parcel(
    client, two_producers, language, words
):
    client.cookies["django_language"] = language

    page = place_cod_order(client, two_producers)

    noodles, honey = parcels_on(page)
    assert f"{words['parcel']} 1: HTX Miến dong Bình Liêu" in noodles
    assert "Miến dong sợi nhỏ × 2" in noodles and "170.000" in noodles
    assert "Mật ong" not in noodles
    assert f"{words['shipping']} 25.000" in noodles
    assert f"{words['window']} 2–4" in noodles
    assert f"{words['pay']} 195.000" in noodles

    assert f"{words['parcel']} 2: HTX Mật ong Mèo Vạc" in honey
    assert "Mật ong bạc hà × 1" in honey and "Miến dong" not in honey
    assert f"{words['shipping']} 35.000" in honey
    assert f"{words['window']} 3–6" in honey
    assert f"{words['pay']} 195.000" in honey

    # The amounts the couriers collect add up to the order's total.
    order = Order.objects.get()
    collected = [
        amount(re.search(rf"{words['pay']} ([\d.]+)", parcel).group(1))
        for parcel in (noodles, honey)
    ]
    assert sum(collected) == order.total_incl_tax == Decimal("390000")
    assert "390.000" in text_of(page)

    assert words["phone"] in text_of(page)
    assert "+84912345678" not in page


def test_the_preview_shows_the_phone_as_the_reader_dials_it(client, two_producers):
    noodle, _honey = two_producers
    fill_basket(client, [(noodle, 1)])

    page = text_of(to_preview(client).content.decode())

    assert "Điện thoại: 0912 345 678" in page
    assert "+84912345678" not in page


@pytest.mark.parametrize(
    ("language", "number", "shown"),
    [
        ("vi", "+84912345678", "0912 345 678"),
        ("en", "+84912345678", "+84 912 345 678"),
        # A number from abroad is dialled internationally in any language.
        ("vi", "+33612345678", "+33 6 12 34 56 78"),
        ("vi", "<b>not a phone</b>", "&lt;b&gt;not a phone&lt;/b&gt;"),
        ("en", "", ""),
    ],
)
def test_the_phone_filter(language, number, shown):
    template = Template("{% load site_tags %}[{{ number|phone }}]")
    value = PhoneNumber.from_string(number) if number.startswith("+") else number
    with translation.override(language):
        assert template.render(Context({"number": value})) == f"[{shown}]"


def test_a_discount_on_goods_of_no_producer_is_shown_with_those_goods():
    """Lines of a partner that is no producer form the last parcel; a code that took
    something off them is listed there, so its goods add up before and after it."""
    from oscar.test import factories as oscar_factories

    from shop.checkout.selectors import order_summary

    partner = oscar_factories.PartnerFactory(name="Kho của sàn")
    product = oscar_factories.create_product(
        title="Túi quà giấy", price=Decimal("30000"), num_in_stock=5, partner_name="Kho của sàn"
    )
    order = oscar_factories.OrderFactory(total_incl_tax=Decimal("25000"))
    line = oscar_factories.OrderLineFactory(
        order=order,
        product=product,
        partner=partner,
        partner_sku="TUI-1",
        title="Túi quà giấy",
        stockrecord=product.stockrecords.first(),
        line_price_incl_tax=Decimal("25000"),
        line_price_excl_tax=Decimal("25000"),
        line_price_before_discounts_incl_tax=Decimal("30000"),
        line_price_before_discounts_excl_tax=Decimal("30000"),
    )
    discount = oscar_factories.OrderDiscountFactory(
        order=order, voucher_code="TET5", amount=Decimal("5000")
    )
    get_model("order", "OrderLineDiscount").objects.create(
        line=line, order_discount=discount, is_incl_tax=True, amount=Decimal("5000")
    )

    (parcel,) = order_summary(order=order).parcels

    assert parcel.vendor is None
    assert [(found.label, found.amount) for found in parcel.discounts] == [
        ("TET5", Decimal("5000"))
    ]
    assert parcel.goods_before_discounts == Decimal("30000")
