"""A buyer in Chromium types a voucher code into the basket: another producer's code is
refused with the reason, the Tết code lowers the total."""

from decimal import Decimal

import pytest

from tests.factories import ProductFactory, VendorFactory
from tests.shop.offer.helpers import voucher_make

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _code_type(page, code: str) -> str:
    page.locator("#voucher_form_link a").click()
    page.locator("#voucher_form #id_code").fill(code)
    page.locator("#voucher_form [type=submit]").click()
    page.wait_for_load_state()
    return page.locator("body").inner_text().replace("\xa0", " ")


def test_a_buyer_applies_a_tet_code_in_the_basket(live_server, page, site_data, screenshot):
    noodles = ProductFactory(
        vendor=VendorFactory(legal_name="HTX Miến dong Bình Liêu"),
        title="Miến dong 500g",
        stock=(Decimal("100000"), 9),
    )
    voucher_make("MATONG15", vendor=VendorFactory(legal_name="HTX Mật ong Bình Liêu"))
    voucher_make("TET2027", percent=10)
    page.goto(f"{live_server.url}{noodles.get_absolute_url()}")
    page.locator("#add_to_basket_form [type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/basket/")

    refused = _code_type(page, "MATONG15")
    assert "Mã MATONG15 chỉ áp dụng cho sản phẩm của HTX Mật ong Bình Liêu" in refused

    applied = _code_type(page, "TET2027")
    screenshot(page, "basket-voucher-vi")
    assert "Đã áp dụng mã giảm giá 'TET2027'" in applied
    totals = page.locator("#basket_totals").inner_text().replace("\xa0", " ")
    assert "120.000 ₫" in totals  # 90.000 ₫ of noodles and the 30.000 ₫ parcel fee
