"""Chromium at a small phone's width (360 px) on the demo site: no page scrolls sideways, the
filters open as a drawer (with and without JavaScript), and the header search offers
suggestions a keyboard can pick."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Collection

from tests.e2e.checkout_steps import (
    address_fill,
    address_submit,
    checkout_as_guest,
    order_place,
)
from tests.factories import ProductFactory, VendorFactory, commune

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}

# Evaluated through the DevTools protocol, which the page's Content-Security-Policy allows.
SIDEWAYS = """() => {
    const width = window.innerWidth;
    const wide = [];
    for (const el of document.querySelectorAll("body *")) {
        const box = el.getBoundingClientRect();
        if (box.right > width + 0.5 && box.width > 0 && getComputedStyle(el).position !== "fixed") {
            wide.push(el.tagName.toLowerCase() + "." + String(el.className).split(" ")[0]);
        }
    }
    return {scroll: document.scrollingElement.scrollWidth, width: width, wide: wide.slice(0, 5)};
}"""


@pytest.fixture
def demo_site(transactional_db):
    # The browser tests start from an emptied database: the demo catalogue, stories, regions,
    # producer and orders are loaded here (without pictures, which the live server would not
    # serve anyway).
    # Wagtail's root collection comes from a migration, so an earlier browser test's flush
    # removed it; the demo's story pictures need it.
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    call_command("seed_demo", no_images=True, verbosity=0, stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def small_shop(site_data):
    """Two producers in two provinces: enough for suggestions and a province filter."""
    noodles = VendorFactory(
        legal_name="HTX Miến dong Bình Liêu", commune=commune("Quảng Ninh", "Bình Liêu")
    )
    tea = VendorFactory(legal_name="HTX Chè Hà Nội", commune=commune("Hà Nội", "Hoàn Kiếm"))
    ProductFactory(vendor=noodles, title="Miến dong Bình Liêu 500g")
    ProductFactory(vendor=noodles, title="Miến dong Bình Liêu hộp quà 1kg")
    ProductFactory(vendor=tea, title="Chè sen Hồ Tây")


def _fits(page, url=None):
    if url:
        response = page.goto(url)
        assert response.status < 400, (url, response.status)
    page.wait_for_load_state("load")
    measured = page.evaluate(SIDEWAYS)
    assert measured["scroll"] <= measured["width"], (page.url, measured)


def _phone_signed_in(browser, base, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context.new_page()


def _first_link(page, selector):
    return page.locator(selector).first.get_attribute("href")


def test_no_page_scrolls_sideways_at_360_px(live_server, browser, demo_site, screenshot):
    base = live_server.url
    page = browser.new_context(viewport=PHONE, locale="vi-VN").new_page()

    _fits(page, f"{base}/")
    _fits(page, f"{base}/search/?q=mien")
    _fits(page, f"{base}/catalogue/")
    screenshot(page, "phone-catalogue")

    # The filters wait behind "Lọc": a drawer over the results, closed by Escape.
    toggle = page.locator(".ocop-filter-toggle")
    drawer = page.locator("#ocop-filters")
    assert not drawer.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    drawer.get_by_role("heading", name="Chủ thể sản xuất").wait_for()
    assert page.evaluate("() => document.activeElement.id") == "ocop-filters"
    screenshot(page, "phone-filters")
    _fits(page)
    page.keyboard.press("Escape")
    drawer.wait_for(state="hidden")
    assert toggle.get_attribute("aria-expanded") == "false"

    product_url = _first_link(page, ".ocop-grid a[href^='/catalogue/']")
    _fits(page, f"{base}/stories/")
    _fits(
        page, base + _first_link(page, "main a[href^='/stories/'][href$='/']:not([href*='/feed/'])")
    )
    _fits(page, f"{base}/regions/")
    _fits(page, base + _first_link(page, "main a[href^='/regions/'][href$='/']"))

    # A guest buys: product, basket, and each checkout step to the thank-you page.
    _fits(page, base + product_url)
    page.locator("#add_to_basket_form [type=submit]").click()
    page.wait_for_load_state()
    _fits(page, f"{base}/basket/")
    _fits(page, f"{base}/checkout/")
    checkout_as_guest(page, base, "khach@example.vn", opened=True)
    _fits(page)
    address_fill(page)
    address_submit(page)
    _fits(page)
    # Cash on delivery is already chosen; the step bar stays one line.
    assert page.get_by_role("radio", name="Thanh toán khi nhận hàng (COD)").is_checked()
    assert page.locator(".ocop-steps").bounding_box()["height"] < 80
    screenshot(page, "phone-payment")
    page.locator("#choose-payment").click()
    page.wait_for_url("**/checkout/preview/")
    _fits(page)
    # Each order line is one row: the price sits level with the quantity, not below it.
    line = page.locator(".basket-items").first
    quantity = line.locator(".row > :nth-child(3)").bounding_box()
    price = line.locator(".row > :nth-child(4)").bounding_box()
    assert abs(quantity["y"] - price["y"]) < 20
    screenshot(page, "phone-preview")
    order_place(page)
    page.wait_for_url("**/checkout/thank-you/")
    _fits(page)
    # The order as its producer's parcel, with what the courier collects.
    assert page.locator(".order-parcel").count() >= 1
    assert "Trả cho người giao hàng khi nhận" in page.locator(".order-parcel").first.inner_text()
    screenshot(page, "phone-thank-you")
    page.set_viewport_size({"width": 390, "height": 844})
    _fits(page)
    screenshot(page, "phone-thank-you-390")
    page.set_viewport_size(PHONE)

    # The producer at work, and a buyer's account.
    producer = get_user_model().objects.get(email="vendor@ocop.local")
    desk = _phone_signed_in(browser, base, producer)
    for url in ("/dashboard/", "/dashboard/producer/orders/", "/accounts/", "/accounts/orders/"):
        _fits(desk, base + url)


def test_the_filters_drawer_works_without_javascript(live_server, browser, small_shop):
    page = browser.new_context(viewport=PHONE, locale="vi-VN", java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/catalogue/")
    drawer = page.locator("#ocop-filters")
    assert not drawer.is_visible()

    page.locator(".ocop-filter-toggle").click()
    drawer.wait_for(state="visible")
    drawer.get_by_role("link", name="Hà Nội 1", exact=True).click()
    page.wait_for_url(re.compile(r"/catalogue/\?province="))

    assert not drawer.is_visible()
    cards = page.locator(".ocop-grid > li")
    assert cards.count() == 1
    assert cards.first.inner_text().startswith("Chè sen Hồ Tây")


def test_header_search_suggests_as_one_types_and_the_keyboard_picks(
    live_server, page, small_shop, screenshot
):
    page.goto(f"{live_server.url}/")
    box = page.get_by_role("combobox", name="Tìm kiếm")
    assert box.get_attribute("aria-expanded") == "false"

    box.press_sequentially("mien", delay=50)
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    options = listbox.get_by_role("option")
    assert sorted(options.all_inner_texts()) == [
        "Miến dong Bình Liêu 500g",
        "Miến dong Bình Liêu hộp quà 1kg",
    ]
    screenshot(page, "search-suggestions")

    box.press("ArrowDown")
    box.press("ArrowDown")
    second = options.nth(1)
    assert box.get_attribute("aria-activedescendant") == second.get_attribute("id")
    assert second.get_attribute("aria-selected") == "true"
    box.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")

    # Escape closes the list and keeps the text; Enter on a suggestion opens it.
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert box.input_value() == "mien"
    box.press("ArrowDown")
    chosen = options.first.inner_text()
    box.press("Enter")
    page.wait_for_url("**/catalogue/**")
    assert page.get_by_role("heading", level=1).inner_text() == chosen


def test_a_regions_harvest_calendar_scrolls_in_its_own_box_at_360_px(
    live_server, browser, site_data, screenshot
):
    from catalogue.services import product_season_set
    from cms.models import RegionPage
    from cms.services import home_page_ensure, section_pages_ensure

    vendor = VendorFactory(
        legal_name="HTX Miến dong Bình Liêu", commune=commune("Quảng Ninh", "Bình Liêu")
    )
    for title, first, last in (
        ("Miến dong Bình Liêu 500g", 11, 2),
        ("Nhãn lồng Bình Liêu hộp 2kg", 7, 8),
        ("Trà hoa vàng Ba Chẽ hộp 50g", 1, 12),
    ):
        product_season_set(
            product=ProductFactory(vendor=vendor, title=title), first_month=first, last_month=last
        )
    _stories, regions = section_pages_ensure(home=home_page_ensure())
    regions.add_child(
        instance=RegionPage(
            title="Quảng Ninh",
            slug="quang-ninh",
            province=vendor.commune.province,
            intro="<p>Miền đất miến dong.</p>",
        )
    )
    page = browser.new_context(viewport=PHONE, locale="vi-VN").new_page()

    _fits(page, f"{live_server.url}/regions/quang-ninh/")
    calendar = page.get_by_role("region", name=re.compile("Các tháng vào mùa"))
    calendar.scroll_into_view_if_needed()
    screenshot(page, "phone-region-calendar")
    box = calendar.evaluate("(el) => [el.scrollWidth, el.clientWidth]")

    assert calendar.get_by_role("row").count() == 4  # the months' heads and three products
    assert box[0] > box[1]  # twelve months do not fit 360 px: the box scrolls, not the page
