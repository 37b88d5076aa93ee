"""The producer console and Wagtail's admin in Chromium, at a phone's width (390 px) and a
laptop's (1366 px): a producer who logs in lands on their dashboard, nothing scrolls sideways,
the menu folds behind one button, and each screen is saved under var/screenshots/."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from cms.services import editorial_groups_ensure
from tests.e2e.test_phone_layout import _fits
from tests.factories import (
    CertificateFactory,
    ProductFactory,
    UserFactory,
    VendorFactory,
    placed_order,
    vendor_user,
)
from vendors.fulfilment import fulfilment_mark_packed
from vendors.models import Fulfilment

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
PASSWORD = "Mien-dong-2026!"


@pytest.fixture
def cooperative(site_data):
    """A cooperative with eight weeks of orders, parcels waiting and certificates, and a
    neighbour whose figures must stay out of its pages."""
    noodles = VendorFactory(legal_name="Hợp tác xã Miến dong Bình Liêu")
    products = [
        ProductFactory(vendor=noodles, title=title, stock=(price, 500))
        for title, price in (
            ("Miến dong Bình Liêu 500g", 85000),
            ("Miến dong Bình Liêu hộp quà 1kg", 210000),
            ("Bánh đa miến dong 300g", 45000),
        )
    ]
    honey = ProductFactory(vendor=VendorFactory(), title="Mật ong hoa ban", stock=(250000, 50))
    now = timezone.now()
    for week, quantities in enumerate(((3, 1, 2), (5, 0, 1), (2, 2, 0), (6, 1, 4), (4, 3, 2))):
        with freeze_time(now - timedelta(days=7 * week + 1 + week % 3)):
            order = placed_order(
                [(p, n) for p, n in zip(products, quantities, strict=True) if n] + [(honey, 1)]
            )
        if week:
            fulfilment_mark_packed(fulfilment=Fulfilment.objects.get(order=order, vendor=noodles))
    today = timezone.localdate()
    for product, days in zip(products, (20, 150, 700), strict=True):
        CertificateFactory(
            product=product,
            issued_on=today - timedelta(days=300),
            valid_until=today + timedelta(days=days),
        )
    member = vendor_user(noodles, email="htx.mien@example.vn")
    member.set_password(PASSWORD)
    member.save()
    return noodles


def test_a_producer_logs_in_on_a_phone_and_works_from_the_console(
    live_server, browser, cooperative, screenshot
):
    base = live_server.url
    page = browser.new_context(viewport=PHONE, locale="vi-VN").new_page()

    page.goto(f"{base}/accounts/login/")
    page.fill("#id_login-username", "htx.mien@example.vn")
    page.fill("#id_login-password", PASSWORD)
    page.click("button[name=login_submit]")
    page.wait_for_url(f"{base}/dashboard/")

    _fits(page)
    assert page.get_by_role("heading", level=1).inner_text() == cooperative.legal_name
    assert page.locator(".ocop-chart__svg").count() == 4
    assert "Mật ong hoa ban" not in page.content()
    screenshot(page, "console-home-390")

    # The menu waits behind one button and opens over the page without widening it.
    menu = page.locator("#console-menu")
    assert not menu.is_visible()
    page.get_by_role("button", name="Trình đơn").click()
    page.locator("#console-menu.show").wait_for()  # opened, its transition over
    _fits(page)
    page.get_by_role("button", name="Chủ thể của tôi").click()
    orders = menu.get_by_role("link", name="Đơn hàng", exact=True)
    orders.wait_for()
    screenshot(page, "console-menu-390")
    orders.click()
    page.wait_for_url("**/dashboard/producer/orders/")

    _fits(page)
    first = page.locator(".console-parcels tbody tr").first
    assert "Trần Thị" in first.inner_text() and "₫" in first.inner_text()
    screenshot(page, "console-orders-390")

    desk = browser.new_context(viewport=LAPTOP, locale="vi-VN")
    desk.add_cookies(page.context.cookies())
    wide = desk.new_page()
    _fits(wide, f"{base}/dashboard/")
    screenshot(wide, "console-home-1366")
    _fits(wide, f"{base}/dashboard/producer/orders/")
    screenshot(wide, "console-orders-1366")


def test_wagtail_admin_wears_the_shops_mark_in_vietnamese(
    live_server, browser, site_data, screenshot
):
    editors, _moderators = editorial_groups_ensure()
    editor = UserFactory(email="bientap@example.vn", username="bientap")
    editor.groups.add(editors)
    client = Client()
    client.force_login(editor)
    for viewport, name in ((LAPTOP, "cms-admin-1366"), (PHONE, "cms-admin-390")):
        context = browser.new_context(viewport=viewport, locale="vi-VN")
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.goto(f"{live_server.url}/cms-admin/")
        page.wait_for_load_state("networkidle")
        assert page.title().endswith("Bàn biên tập Chợ OCOP")
        assert page.get_by_role("heading", level=1).inner_text() == "Bàn biên tập Chợ OCOP"
        assert page.locator("img[src$='img/logo-mark.svg']").count() >= 1
        summary = page.locator(".w-summary__list").inner_text()
        assert "trang" in summary and "Pages" not in summary and "Images" not in summary
        screenshot(page, name)
