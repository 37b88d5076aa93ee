"""A partner's website on another local origin embeds two widgets of one partner and one of
another; a click opens the product with the reference and the order is credited."""

import functools
import http.server
import threading
from decimal import Decimal

import pytest
from oscar.apps.partner.strategy import Default
from oscar.test.factories import CountryFactory, ShippingAddressFactory, create_order

from shop.basket.models import Basket
from shop.tourism.models import OrderReferral, PartnerLedgerEntry
from shop.tourism.services import partner_commission_record, partner_referral_attach_to_order
from tests.factories import CertificateFactory, ProductFactory
from tests.tourism.factories import TourismPartnerFactory, WidgetFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def partner_site(tmp_path):
    """A tiny web server on another port playing the partner's own website."""
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, server.server_address[1]
    server.shutdown()
    server.server_close()


def test_two_partners_widgets_on_a_partner_site_and_an_order_credited(
    live_server, page, site_data, partner_site, screenshot, browser_problems
):
    folder, port = partner_site
    honey = ProductFactory(title="Mật ong hoa Ban Điện Biên", stock=(Decimal("250000"), 12))
    CertificateFactory(product=honey, stars=4)
    noodles = ProductFactory(title="Miến dong Bình Liêu", stock=(Decimal("60000"), 30))
    hotel = TourismPartnerFactory(allowed_domains=f"127.0.0.1:{port}")
    tours = TourismPartnerFactory(allowed_domains=f"127.0.0.1:{port}", organisation="Tour")
    first = WidgetFactory(partner=hotel, product_ids=[honey.pk, noodles.pk], name="Lễ tân")
    second = WidgetFactory(partner=hotel, product_ids=[noodles.pk], layout="list")
    third = WidgetFactory(partner=tours, product_ids=[honey.pk], accent="#aa3300")
    (folder / "index.html").write_text(
        f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Khách sạn</title>
<style>div {{ max-width: 700px }} iframe {{ border: 5px solid red }}</style>
<script>window.onmessage = function () {{}};</script></head><body>
<h1>Khách sạn Bình Liêu</h1>
<div data-ocop-widget="{first.pk}" data-key="{hotel.publishable_key}"></div>
<p style="height:2500px">Phòng nghỉ</p>
<div data-ocop-widget="{second.pk}" data-key="{hotel.publishable_key}"></div>
<p style="height:2500px">Nhà hàng</p>
<div data-ocop-widget="{third.pk}" data-key="{tours.publishable_key}"></div>
<script src="{live_server.url}/static/widget/v1.js" async></script>
</body></html>""",
        encoding="utf-8",
    )

    # Oscar links its "no photo" image into the media folder on first use; three frames
    # loading at once would race to create that link in this fresh test folder.
    honey.primary_image()

    page.goto(f"http://127.0.0.1:{port}/index.html")
    frames = page.locator("iframe")
    frames.nth(2).wait_for(state="attached")
    # Lazy: a frame far below the fold has no address until it comes near the viewport.
    # Scrolling to each in turn also keeps the live server's requests one at a time (its
    # SQLite test database is one connection shared by its threads).
    assert frames.nth(2).get_attribute("src") is None
    for index in range(3):
        frames.nth(index).scroll_into_view_if_needed()
        page.wait_for_function(
            f"document.querySelectorAll('iframe')[{index}].offsetHeight > 50", timeout=15000
        )
    first_frame = page.frame_locator("iframe").nth(0)
    assert first_frame.get_by_role("heading", name=honey.title).is_visible()
    assert page.frame_locator("iframe").nth(1).get_by_role("heading", name=noodles.title).count()
    assert page.frame_locator("iframe").nth(2).get_by_role("heading", name=honey.title).count()
    assert frames.nth(0).get_attribute("title").endswith("Lễ tân")
    screenshot(page, "partner-site-widgets")

    with page.context.expect_page() as new_tab:
        first_frame.get_by_role("link", name=f"Buy {honey.title}").or_(
            first_frame.get_by_role("link", name=f"Mua {honey.title}")
        ).first.click()
    product_page = new_tab.value
    product_page.wait_for_load_state()
    assert f"ref={hotel.ref}" in product_page.url and f"w={first.pk}" in product_page.url
    product_page.locator("#add_to_basket_form button[type=submit]").click()
    product_page.wait_for_load_state()

    # Place the order through the referred basket, as the placement service does.
    basket = Basket.objects.get(lines__product=honey)
    basket.strategy = Default()
    order = create_order(
        basket=basket,
        shipping_address=ShippingAddressFactory(
            country=CountryFactory(iso_3166_1_a2="VN", printable_name="Việt Nam")
        ),
        guest_email="khach@example.vn",
    )
    partner_referral_attach_to_order(order=order, basket=basket)
    partner_commission_record(order=order)

    referral = OrderReferral.objects.get(order=order)
    assert (referral.partner, referral.widget) == (hotel, first)
    assert PartnerLedgerEntry.objects.get(order=order).amount == Decimal("12500")

    # The same page on an origin the partner did not allow: the frames never show.
    browser_problems.expect_violation("frame-ancestors")
    page.goto(f"http://localhost:{port}/index.html")
    page.locator("iframe").nth(2).wait_for(state="attached")
    page.wait_for_timeout(2500)
    for index in range(3):
        box = page.locator("iframe").nth(index).bounding_box()
        assert box is None or box["height"] <= 10
        assert not page.locator("iframe").nth(index).is_visible()
    screenshot(page, "partner-site-refused")
