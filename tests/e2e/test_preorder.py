"""In Chromium: a buyer pre-orders longan with a 30% deposit paid by card (localstripe); the
parcel waits for the harvest; the producer ships it once the season opens (its ship-from
date reached); the producer's ledger shows the deposit, the balance and the commission."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from oscar.core.loading import get_model

from shop.orders.statuses import OrderStatus
from tests.e2e.checkout_steps import guest_checkout_to_payment, order_place, payment_choose
from tests.factories import ProductFactory, VendorFactory, vendor_user, vietnam_ensure
from vendors import preorders
from vendors.models import Fulfilment, PreorderTerms

Order = get_model("order", "Order")

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

PRICE = Decimal("150000")


def _vnd(amount) -> str:
    return f"{int(amount):,}".replace(",", ".")


def test_a_longan_pre_order_with_a_deposit_ships_when_the_season_opens(
    live_server, browser, site_data, screenshot, stripe_webhooks, monkeypatch
):
    base = live_server.url
    vietnam_ensure()
    farm = VendorFactory(legal_name="HTX Nhãn lồng Hưng Yên", commission_rate="0.100")
    longan = ProductFactory(vendor=farm, title="Nhãn lồng Hưng Yên 1kg", stock=(PRICE, 0))
    season = timezone.localdate() + timedelta(days=20)
    PreorderTerms.objects.create(
        product=longan, is_open=True, ships_from=season, deposit_percent=30, cap=100
    )

    buyer = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = buyer.new_page()
    page.goto(f"{base}{longan.get_absolute_url()}")
    availability = page.locator(".availability").first.inner_text()
    assert f"Đặt trước – giao từ {season:%d/%m}" in availability
    guest_checkout_to_payment(page, base, [longan, longan], email="lan@example.vn")
    # Cash on delivery is not offered: a pre-order is paid ahead.
    assert page.locator("input[name=method][value=cod]").count() == 0
    payment_choose(page, "card")
    deposit = Decimal("90000")  # 30% of 2 × 150.000 ₫
    assert _vnd(deposit) in page.locator(".parcel-deposit").inner_text()
    due_now = page.locator("#preorder-due-now").inner_text()
    assert _vnd(deposit) in due_now
    screenshot(page, "preorder-preview")
    order_place(page)

    page.wait_for_url("**/checkout/card/")
    page.wait_for_selector("#card-element input[placeholder=number]")
    page.fill("#card-element input[placeholder=number]", "4242424242424242")
    page.fill("#card-element input[placeholder=exp_month]", "12")
    page.fill("#card-element input[placeholder=exp_year]", "30")
    page.fill("#card-element input[placeholder=cvc]", "123")
    page.fill("#card-element input[placeholder=postal_code]", "10000")
    page.click("#pay-button")
    page.wait_for_url("**/checkout/thank-you/", timeout=20000)
    order = Order.objects.get(guest_email="lan@example.vn")
    parcel = Fulfilment.objects.get(order=order)
    assert order.status == OrderStatus.PAID
    # The card paid the deposit only; the balance (rest of the goods and the fee) is due on
    # delivery.
    assert f"bằng thẻ: {_vnd(deposit)}" in page.locator("#payment-info").inner_text()
    assert parcel.balance == 2 * PRICE + parcel.shipping_fee - deposit
    assert parcel.status == Fulfilment.Status.AWAITING_HARVEST
    screenshot(page, "preorder-paid")

    farmer = vendor_user(farm)
    client = Client()
    client.force_login(farmer)
    console = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    console.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    desk = console.new_page()
    desk.goto(f"{base}/dashboard/producer/orders/{parcel.pk}/")
    assert "Chờ thu hoạch" in desk.locator("body").inner_text()
    assert desk.locator("#preorder-too-early").is_visible()
    assert desk.locator("input[name=action][value=shipped]").count() == 0

    # The season opens: the ship-from date is today.
    monkeypatch.setattr(preorders, "preorder_today", lambda: season)
    mail.outbox.clear()
    desk.reload()
    desk.select_option("select[name=carrier]", "ghn")
    desk.fill("input[name=tracking_code]", "GHN7QX3PA")
    desk.locator("form", has=desk.locator("input[name=action][value=shipped]")).locator(
        "button[type=submit]"
    ).click()
    desk.wait_for_load_state()
    parcel.refresh_from_db()
    assert parcel.status == Fulfilment.Status.SHIPPED
    [shipped_mail] = [m for m in mail.outbox if "lan@example.vn" in m.to]
    assert _vnd(parcel.balance) in shipped_mail.body

    desk.goto(f"{base}/dashboard/producer/ledger/")
    rows = desk.locator("table tbody tr").all_inner_texts()
    text = "\n".join(rows)
    assert "Tiền cọc đặt trước" in text and _vnd(deposit) in text
    assert "Phần còn lại của đơn đặt trước" in text and _vnd(parcel.balance) in text
    assert "Hoa hồng" in text and _vnd(Decimal("30000")) in text
    screenshot(desk, "preorder-ledger")
