"""A buyer in Chromium: a basket of two producers shows a parcel for each; the address form's
commune list follows the province."""

from decimal import Decimal

import pytest

from shop.shipping.models import ProducerShippingRule
from tests.e2e.checkout_steps import (
    address_fill,
    address_submit,
    basket_add,
    checkout_as_guest,
    payment_choose,
)
from tests.factories import ProductFactory, VendorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_basket_parcels_and_the_vietnamese_address_form(live_server, page, site_data, screenshot):
    noodles = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
    ProducerShippingRule.objects.create(vendor=noodles, base_fee=25000, days_min=2, days_max=4)
    honey = VendorFactory(legal_name="HTX Ong mật Lục Hồn")
    ProducerShippingRule.objects.create(vendor=honey, base_fee=30000, days_min=3, days_max=5)
    products = [
        ProductFactory(vendor=noodles, title="Miến dong 500g", stock=(Decimal("85000"), 9)),
        ProductFactory(vendor=honey, title="Mật ong 500ml", stock=(Decimal("160000"), 9)),
    ]
    basket_add(page, live_server.url, products)

    page.goto(f"{live_server.url}/basket/")
    text = page.locator("#basket_totals").inner_text().replace("\xa0", " ")
    assert "HTX Miến dong Bình Liêu" in text and "HTX Ong mật Lục Hồn" in text
    assert "25.000 ₫" in text and "30.000 ₫" in text
    assert "300.000 ₫" in text  # 85.000 + 160.000 + both fees
    screenshot(page, "basket-parcels-vi")

    checkout_as_guest(page, live_server.url, "khach@example.vn")

    commune = page.locator("#id_commune")
    assert commune.is_disabled()
    address_fill(page)
    labels = commune.locator("option").all_inner_texts()
    assert "Phường Hoàn Kiếm" in labels and "Xã Bình Liêu" not in labels
    assert commune.input_value() and "Hoàn Kiếm" in commune.locator("option:checked").inner_text()
    screenshot(page, "checkout-address-vi")
    address_submit(page)

    # The payment step (shop/payments) comes before the preview.
    page.goto(f"{live_server.url}/checkout/payment-method/")
    payment_choose(page, "cod")
    text = page.locator("body").inner_text().replace("\xa0", " ")
    assert "Phường Hoàn Kiếm" in text
    assert "HTX Miến dong Bình Liêu" in text
    screenshot(page, "checkout-preview-vi")
