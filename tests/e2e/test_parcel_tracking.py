"""A parcel's timeline in Chromium on a phone: the registered buyer from their account, the
guest from the link in the confirmation mail, each step with its time and the carrier's
page; a forged link shows no order."""

import re

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format

from shop.checkout.tasks import order_confirmation_send
from tests.factories import ProductFactory, UserFactory, VendorFactory, placed_order
from vendors.fulfilment import fulfilment_mark_packed, fulfilment_mark_shipped

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _when(moment) -> str:
    with translation.override("vi"):
        return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _fits_the_screen(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide"


def _parcels_fit_the_screen(page) -> None:
    # The account pages' two-column layout is Oscar's (its row is a fraction of a pixel too
    # wide at 390 px, shared by every account page); the parcels themselves must fit.
    for box in page.locator(".parcel-card").evaluate_all(
        "cards => cards.map((card) => card.getBoundingClientRect().right)"
    ):
        assert box <= PHONE["width"], f"a parcel on {page.url} reaches {box}px"


def test_buyers_follow_their_parcels_on_a_phone(live_server, browser, site_data, screenshot):
    noodles = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
    honey = VendorFactory(legal_name="HTX Mật ong Điện Biên")
    noodle = ProductFactory(vendor=noodles, title="Miến dong đặc biệt", stock=(85000, 10))
    jar = ProductFactory(vendor=honey, title="Mật ong hoa ban", stock=(250000, 10))
    buyer = UserFactory(email="lan@example.vn")
    # Real commits (the browser reads the rows): placing locks rows, as a checkout does.
    with transaction.atomic():
        guest = placed_order([(noodle, 2), (jar, 1)], email="khach@example.vn")
    with transaction.atomic():
        member = placed_order([(noodle, 1)], user=buyer, email=buyer.email)
    for order in (guest, member):
        parcel = order.fulfilments.get(vendor=noodles)
        fulfilment_mark_packed(fulfilment=parcel)
        fulfilment_mark_shipped(fulfilment=parcel, carrier="ghn", tracking_code="LK7QX3PA")
    shipped = guest.fulfilments.get(vendor=noodles)

    # The guest opens the link of the confirmation mail.
    order_confirmation_send(guest.pk)
    [link] = re.findall(r"https?://\S+/accounts/order-status/\S+", mail.outbox[-1].body)
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", link))

    noodle_parcel = page.locator(".parcel-card", has_text="HTX Miến dong Bình Liêu")
    steps = noodle_parcel.locator(".parcel-timeline__step")
    assert steps.locator(".parcel-timeline__label").all_inner_texts() == [
        "Đã đặt hàng",
        "Đã đóng gói",
        "Đã giao cho đơn vị vận chuyển",
        "Đã giao",
    ]
    assert _when(guest.date_placed) in steps.nth(0).inner_text()
    assert _when(shipped.packed_at) in steps.nth(1).inner_text()
    assert _when(shipped.shipped_at) in steps.nth(2).inner_text()
    assert "sắp tới" in steps.nth(3).inner_text()
    track = noodle_parcel.get_by_role("link", name="Tra cứu trên trang của GHN (Giao Hàng Nhanh)")
    assert track.get_attribute("href") == "https://donhang.ghn.vn/?order_code=LK7QX3PA"
    assert "noreferrer" in track.get_attribute("rel")
    honey_parcel = page.locator(".parcel-card", has_text="HTX Mật ong Điện Biên")
    assert "Mật ong hoa ban" in honey_parcel.inner_text()
    assert honey_parcel.locator(".parcel-timeline__step.is-done").count() == 1
    _fits_the_screen(page)
    screenshot(page, "order-status-guest-390")

    # A link with its signature changed opens nothing.
    page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", link)[:-3] + "xx/")
    assert "Đường dẫn này không hợp lệ" in page.locator("main, body").first.inner_text()
    assert page.locator(".parcel-card").count() == 0

    # The registered buyer reads the same timeline in their account.
    client = Client()
    client.force_login(buyer)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/accounts/orders/{member.number}/")
    parcel = page.locator(".parcel-card", has_text="HTX Miến dong Bình Liêu")
    assert "Miến dong đặc biệt" in parcel.inner_text()
    assert parcel.locator(".parcel-timeline__step.is-done").count() == 3
    shipped_step = parcel.locator(".parcel-timeline__step--shipped")
    assert "LK7QX3PA" in shipped_step.inner_text()
    assert _when(member.fulfilments.get().shipped_at) in shipped_step.inner_text()
    _parcels_fit_the_screen(page)
    screenshot(page, "order-status-account-390")
