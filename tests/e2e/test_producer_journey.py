"""A cooperative in Chromium: applies to sell, is approved by staff, lists its product with a
photo and its OCOP certificate, and shoppers find it in the storefront."""

import re
from io import BytesIO

import pytest
from django.conf import settings
from django.core import mail
from PIL import Image

from catalogue.models import Category, Commune, Product
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _png(path, size=(640, 480), colour=(190, 140, 30)):
    out = BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    path.write_bytes(out.getvalue())
    return str(path)


def _log_in(page, base, email, password):
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", password)
    page.click("button[name=login_submit]")
    page.wait_for_load_state()


def test_a_cooperative_applies_is_approved_lists_a_product_and_shoppers_find_it(
    live_server, browser, site_data, screenshot, tmp_path
):
    base = live_server.url
    commune = Commune.objects.select_related("province").get(
        province__short_name="Quảng Ninh", short_name="Bình Liêu"
    )
    staff_user = UserFactory(email="staff@ocop.test", is_staff=True, is_superuser=True)
    staff_user.set_password("staff-pass-2026")
    staff_user.save()

    applicant = browser.new_context(viewport={"width": 1280, "height": 900})
    applicant.add_cookies([{"name": "django_language", "value": "en", "url": base}])
    page = applicant.new_page()

    # 1. The application, through the public page.
    page.goto(f"{base}/sell/")
    page.fill("#id_account_email", "htx.dongsen@example.vn")
    page.fill("#id_password", "Mien-dong-2026!")
    page.fill("#id_password_again", "Mien-dong-2026!")
    page.select_option("#id_kind", "htx")
    page.fill("#id_legal_name", "Hợp tác xã Dong Sen Bình Liêu")
    page.fill("#id_tax_code", "5701234987")
    page.fill("#id_street_address", "Thôn Khe Mạ")
    page.select_option("#id_province", str(commune.province_id))
    page.wait_for_selector(f"#id_commune option[value='{commune.pk}']", state="attached")
    page.select_option("#id_commune", str(commune.pk))
    page.fill("#id_contact_name", "Hoàng Thị Sen")
    page.fill("#id_phone", "0912345678")
    page.fill("#id_email", "htx.dongsen@example.vn")
    page.fill("#id_certificates-0-product_name", "Miến dong Khe Mạ")
    page.select_option(
        "#id_certificates-0-category", str(Category.objects.get(ocop_code="I.3.b").pk)
    )
    page.select_option("#id_certificates-0-stars", "4")
    page.fill("#id_certificates-0-certificate_number", "QN-2025-0456")
    page.fill("#id_certificates-0-decision_number", "3456/QĐ-UBND")
    page.select_option("#id_certificates-0-issuer_kind", "province")
    page.fill("#id_certificates-0-issuer_name", "UBND tỉnh Quảng Ninh")
    page.fill("#id_certificates-0-issued_on", "2025-09-15")
    page.set_input_files("#id_certificates-0-scan", _png(tmp_path / "chung-nhan.png"))
    page.check("#id_privacy_consent")
    screenshot(page, "producer-apply")
    page.get_by_role("button", name="Send my application").click()
    page.wait_for_url("**/accounts/signup/sent/")

    # 1b. The link mailed to the sign-in address confirms it and signs the cooperative in.
    [link] = [
        url
        for message in mail.outbox
        for url in re.findall(r"https?://\S+", message.body)
        if "/accounts/signup/confirm/" in url
    ]
    page.goto(base + link.removeprefix(settings.SITE_URL))
    page.get_by_role("button", name="Confirm my address").click()
    page.wait_for_url("**/sell/application/")

    # 2. Staff approve it in the dashboard.
    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    staff.add_cookies([{"name": "django_language", "value": "en", "url": base}])
    desk = staff.new_page()
    _log_in(desk, base, "staff@ocop.test", "staff-pass-2026")
    desk.goto(f"{base}/dashboard/producers/")
    desk.get_by_role("link", name="Hợp tác xã Dong Sen Bình Liêu").first.click()
    desk.get_by_role("button", name="Approve").click()
    desk.wait_for_load_state()
    assert "Approved" in desk.locator("body").inner_text()
    staff.close()

    # 3. The cooperative, signed in since it confirmed its address, lists the product: price,
    # stock, a photo, published.
    page.goto(f"{base}/dashboard/catalogue/")
    page.get_by_role("link", name="Miến dong Khe Mạ").first.click()
    page.check("#id_is_public")
    page.click("a[href='#product_stock']")
    page.fill("#id_stockrecords-0-partner_sku", "MD-KM-500")
    page.fill("#id_stockrecords-0-price", "95000")
    page.fill("#id_stockrecords-0-num_in_stock", "30")
    page.click("a[href='#product_images']")
    page.set_input_files("#id_images-0-original", _png(tmp_path / "mien.png", colour=(120, 80, 40)))
    screenshot(page, "producer-listing")
    page.click("button[name=action][value=save]")
    page.wait_for_load_state()
    product = Product.objects.get(title="Miến dong Khe Mạ")
    assert product.is_public and product.images.count() == 1

    # 4. A shopper finds it, with its stars, price and producer.
    shopper = browser.new_context(viewport={"width": 1280, "height": 900})
    shop = shopper.new_page()
    shop.goto(f"{base}/search/?q=mien dong khe ma")
    shop.get_by_role("link", name="Miến dong Khe Mạ").first.click()
    text = shop.locator("body").inner_text().replace("\xa0", " ")
    assert "95.000 ₫" in text and "QN-2025-0456" in text
    assert "Hợp tác xã Dong Sen Bình Liêu" in text
    assert shop.locator(".ocop-stars").first.is_visible()
    screenshot(shop, "producer-product-live")
    shopper.close()
    applicant.close()
