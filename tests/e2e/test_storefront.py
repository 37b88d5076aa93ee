"""A shopper in Chromium: home page, a product, the language switch."""

from datetime import date
from decimal import Decimal

import pytest

from tests.factories import CertificateFactory, ProductFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_shopper_goes_from_home_page_to_a_certified_product_and_reads_it_in_english(
    live_server, page, site_data, screenshot
):
    honey = ProductFactory(title="Mật ong hoa Ban Điện Biên 500ml", stock=(Decimal("250000"), 12))
    CertificateFactory(product=honey, stars=4, certificate_number="DB-2025-0117")

    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "vi"
    screenshot(page, "home-vi")

    page.get_by_role("link", name="Mật ong hoa Ban Điện Biên 500ml").first.click()
    page.wait_for_url(f"**{honey.get_absolute_url()}")
    text = page.locator("body").inner_text().replace("\xa0", " ")
    assert "250.000 ₫" in text
    assert "DB-2025-0117" in text
    assert page.locator(".ocop-stars").first.is_visible()
    screenshot(page, "product-vi")

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.url.endswith(honey.get_absolute_url())
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Place of origin" in page.locator("body").inner_text()
    screenshot(page, "product-en")


def test_expired_certificate_shows_no_stars_in_the_browser(live_server, page, site_data):
    certificate = CertificateFactory(stars=5, issued_on=date(2020, 1, 1))

    page.goto(f"{live_server.url}{certificate.product.get_absolute_url()}")

    assert page.get_by_role("heading", name=certificate.product.title).is_visible()
    assert page.locator(".ocop-stars").count() == 0
