"""The checkout's pages: the Vietnamese address form, parcels by producer on the basket page
and the preview, a cash-on-delivery order, and a second click on "Place order"."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from shop.checkout import placement
from shop.checkout.forms import ShippingAddressForm
from shop.shipping.models import ProducerShippingRule
from tests.factories import ProductFactory, VendorFactory, commune
from tests.shop.checkout.helpers import address_form_data

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def test_the_address_form_normalises_the_phone_and_fills_in_the_place():
    form = ShippingAddressForm(data=address_form_data(phone_number="0912.345.678"))

    assert form.is_valid(), form.errors
    assert str(form.instance.phone_number) == "+84912345678"
    assert form.instance.line3 == "Phường Hoàn Kiếm"
    assert form.instance.line4 == "Thành phố Hà Nội"
    assert form.instance.country_id == "VN"


@pytest.mark.parametrize("phone", ["12345", "+1 650 253 0000", "0123456789", "09123456789012"])
def test_the_address_form_refuses_a_phone_that_is_not_vietnamese(phone):
    form = ShippingAddressForm(data=address_form_data(phone_number=phone))

    assert not form.is_valid()
    assert "phone_number" in form.errors


def test_the_address_form_refuses_a_commune_of_another_province():
    elsewhere = commune("Quảng Ninh", "Bình Liêu")

    form = ShippingAddressForm(data=address_form_data(commune=elsewhere.pk))

    assert not form.is_valid()
    assert "commune" in form.errors


def test_the_province_narrows_the_communes(client):
    place = commune("Quảng Ninh", "Bình Liêu")

    # The form's commune list asks the producers' application form's endpoint.
    url = str(ShippingAddressForm().fields["commune"].widget.attrs["data-communes-url"])
    answer = client.get(url, {"province": place.province_id}).json()
    refused = client.get(url, {"province": "x"})

    names = [c["name"] for c in answer["communes"]]
    assert "Xã Bình Liêu" in names
    assert "Phường Hoàn Kiếm" not in names
    assert refused.status_code == 400 and "communes" not in refused.json()


def fill_basket(client, items):
    for product, quantity in items:
        assert client.post(f"/basket/add/{product.pk}/", {"quantity": quantity}).status_code == 302


def to_preview(client, email="khach@example.vn"):
    assert client.post("/checkout/", {"username": email, "options": "anonymous"}).status_code == 302
    response = client.post("/checkout/shipping-address/", address_form_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    assert client.get("/checkout/shipping-method/", follow=True).status_code == 200
    # The payment step (shop/payments) comes before the preview.
    assert client.post("/checkout/payment-method/", {"method": "cod"}).status_code == 302
    return client.get("/checkout/preview/")


@pytest.fixture
def two_producers():
    noodles = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
    ProducerShippingRule.objects.create(vendor=noodles, base_fee=25000, days_min=2, days_max=4)
    honey = VendorFactory(legal_name="HTX Mật ong Mèo Vạc")
    ProducerShippingRule.objects.create(
        vendor=honey, base_fee=35000, free_above=300000, days_min=3, days_max=6
    )
    return (
        ProductFactory(vendor=noodles, title="Miến dong sợi nhỏ", stock=(Decimal("85000"), 9)),
        ProductFactory(vendor=honey, title="Mật ong bạc hà", stock=(Decimal("160000"), 9)),
    )


def test_basket_and_preview_group_the_lines_by_producer(english, two_producers):
    noodle, honey = two_producers
    fill_basket(english, [(noodle, 2), (honey, 2)])

    for page in (english.get("/basket/"), to_preview(english)):
        text = page.content.decode()
        assert "Parcels by producer" in text
        assert "HTX Miến dong Bình Liêu" in text and "HTX Mật ong Mèo Vạc" in text
        # No English title: the Vietnamese one, marked as Vietnamese for screen readers.
        assert '<span lang="vi">Miến dong sợi nhỏ</span> × 2' in text
        assert "25.000" in text  # the noodle parcel's fee
        assert "Delivered in 2–4 days" in text and "Delivered in 3–6 days" in text
        assert "Free" in text  # 320.000 ₫ of honey ships free
        # 170.000 + 25.000 + 320.000 ₫
        assert "515.000" in text


def test_the_basket_page_splits_the_basket_once(english, two_producers, monkeypatch):
    from shop.shipping import selectors

    noodle, honey = two_producers
    fill_basket(english, [(noodle, 2), (honey, 2)])
    splits = []
    real = selectors.basket_parcels

    def counted(*, basket):
        splits.append(basket.pk)
        return real(basket=basket)

    monkeypatch.setattr(selectors, "basket_parcels", counted)

    page = english.get("/basket/")

    # The charge, the parcels shown and the total come from one split.
    assert "515.000" in page.content.decode()
    assert len(splits) == 1


def test_cash_on_delivery_order_through_the_pages(client, two_producers):
    noodle, honey = two_producers
    fill_basket(client, [(noodle, 1), (honey, 1)])
    to_preview(client)

    response = client.post("/checkout/preview/", {"action": "place_order", "privacy_consent": "on"})

    assert response.status_code == 302
    assert response["Location"].endswith("/checkout/thank-you/")
    order = Order.objects.get()
    assert order.status == "Awaiting delivery payment"
    assert order.shipping_incl_tax == Decimal("60000")
    assert order.total_incl_tax == Decimal("305000")
    assert str(order.shipping_address.phone_number) == "+84912345678"


def test_a_second_click_on_place_order_places_no_second_order(english, two_producers):
    noodle, _honey = two_producers
    fill_basket(english, [(noodle, 1)])
    to_preview(english)
    english.post("/checkout/preview/", {"action": "place_order", "privacy_consent": "on"})

    again = english.post(
        "/checkout/preview/", {"action": "place_order", "privacy_consent": "on"}, follow=True
    )

    assert Order.objects.count() == 1
    order = Order.objects.get()
    assert f"Your order {order.number} has already been placed" in again.content.decode()


def test_a_product_sold_out_at_the_click_shows_the_preview_with_a_message(
    english, two_producers, monkeypatch
):
    noodle, _honey = two_producers
    fill_basket(english, [(noodle, 2)])
    to_preview(english)
    # Another buyer takes the stock between the page's checks and the row lock.
    real_check = placement._stock_take_check

    def taken_meanwhile(lines):
        noodle.stockrecords.update(num_in_stock=1)
        real_check(lines)

    monkeypatch.setattr(placement, "_stock_take_check", taken_meanwhile)

    response = english.post(
        "/checkout/preview/", {"action": "place_order", "privacy_consent": "on"}
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert "Sorry, “Miến dong sợi nhỏ” has just sold out" in text
    assert Order.objects.count() == 0
    assert english.get("/basket/").content.decode().count("Miến dong sợi nhỏ") >= 1
