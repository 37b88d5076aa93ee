"""A buyer in Chromium: a basket of two producers shows a parcel for each; the address form's
commune list follows the province."""

from decimal import Decimal

import pytest

from shop.shipping.models import ProducerShippingRule
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
    for product in products:
        page.goto(f"{live_server.url}{product.get_absolute_url()}")
        page.locator("#add_to_basket_form [type=submit]").click()
        page.wait_for_load_state()

    page.goto(f"{live_server.url}/basket/")
    text = page.locator("#basket_totals").inner_text().replace("\xa0", " ")
    assert "HTX Miến dong Bình Liêu" in text and "HTX Ong mật Lục Hồn" in text
    assert "25.000 ₫" in text and "30.000 ₫" in text
    assert "300.000 ₫" in text  # 85.000 + 160.000 + both fees
    screenshot(page, "basket-parcels-vi")

    page.goto(f"{live_server.url}/checkout/")
    page.locator("#id_username").fill("khach@example.vn")
    page.locator("input[name=options][value=anonymous]").check()
    page.locator("form#login_form [type=submit], form [type=submit]").first.click()
    page.wait_for_url("**/checkout/shipping-address/")

    commune = page.locator("#id_commune")
    assert commune.is_disabled()
    page.locator("#id_first_name").fill("Trần Thị Lan")
    page.locator("#id_phone_number").fill("0912 345 678")
    page.locator("#id_line1").fill("12 Phố Hàng Bạc")
    page.locator("#id_province").select_option(label="Hà Nội")
    # (not wait_for_function: its string is eval'd in the page, which the policy forbids)
    page.locator("#id_commune option").nth(1).wait_for(state="attached")
    labels = commune.locator("option").all_inner_texts()
    assert "Phường Hoàn Kiếm" in labels and "Xã Bình Liêu" not in labels
    commune.select_option(label="Phường Hoàn Kiếm")
    screenshot(page, "checkout-address-vi")
    page.locator("#new_shipping_address [type=submit]").click()
    page.wait_for_load_state()

    # The payment step (shop/payments) comes before the preview.
    page.goto(f"{live_server.url}/checkout/payment-method/")
    page.locator("input[name=method][value=cod]").check()
    page.locator("#choose-payment").click()
    page.wait_for_url("**/checkout/preview/")
    text = page.locator("body").inner_text().replace("\xa0", " ")
    assert "Phường Hoàn Kiếm" in text
    assert "HTX Miến dong Bình Liêu" in text
    screenshot(page, "checkout-preview-vi")
