"""In Chromium: a basket of three producers paid by card through localstripe's Stripe.js
(with its 3-D Secure step), then by cash on delivery and by VietQR transfer; each producer
then sees only its own parcels."""

import pytest
from oscar.core.loading import get_model

from shop.orders.statuses import OrderStatus
from tests.e2e.checkout_steps import guest_checkout_to_payment, order_place, payment_choose
from tests.factories import ProductFactory, VendorFactory, vendor_user, vietnam_ensure

Order = get_model("order", "Order")

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


def _buy(page, base, products, *, method: str, email: str):
    guest_checkout_to_payment(page, base, products, email=email)
    payment_choose(page, method)
    order_place(page)


def test_three_producers_paid_by_card_cod_and_vietqr_each_producer_sees_its_parcel(
    live_server, page, site_data, screenshot, stripe_webhooks
):
    base = live_server.url
    vietnam_ensure()
    vendors = [
        VendorFactory(legal_name=name)
        for name in ("HTX Miến dong Bình Liêu", "HTX Mật ong Bắc Kạn", "HTX Chè Thái Nguyên")
    ]
    products = [
        ProductFactory(vendor=vendor, title=title, stock=("85000", 20))
        for vendor, title in zip(
            vendors, ("Miến dong Bình Liêu", "Mật ong bạc hà", "Chè Tân Cương"), strict=True
        )
    ]

    _buy(page, base, products, method="card", email="the@example.vn")
    page.wait_for_url("**/checkout/card/")
    page.wait_for_selector("#card-element input[placeholder=number]")
    # A card whose bank asks for 3-D Secure: localstripe's Stripe.js shows its challenge.
    page.fill("#card-element input[placeholder=number]", "4000002500003155")
    page.fill("#card-element input[placeholder=exp_month]", "12")
    page.fill("#card-element input[placeholder=exp_year]", "30")
    page.fill("#card-element input[placeholder=cvc]", "123")
    page.fill("#card-element input[placeholder=postal_code]", "10000")
    screenshot(page, "checkout-card-form")
    page.click("#pay-button")
    page.click("text=Complete authentication")
    page.wait_for_url("**/checkout/thank-you/", timeout=20000)
    screenshot(page, "checkout-card-paid")
    card_order = Order.objects.get(guest_email="the@example.vn")
    assert card_order.status == OrderStatus.PAID
    assert card_order.number in page.content()

    _buy(page, base, products, method="cod", email="cod@example.vn")
    page.wait_for_url("**/checkout/thank-you/")
    cod_order = Order.objects.get(guest_email="cod@example.vn")
    assert cod_order.status == OrderStatus.AWAITING_DELIVERY_PAYMENT
    assert cod_order.number in page.content()

    _buy(page, base, products, method="bank_transfer", email="qr@example.vn")
    page.wait_for_url("**/checkout/thank-you/")
    screenshot(page, "checkout-vietqr")
    qr_order = Order.objects.get(guest_email="qr@example.vn")
    assert qr_order.status == OrderStatus.AWAITING_TRANSFER
    assert page.locator("#vietqr svg").count() == 1
    payload = page.get_attribute("#vietqr", "data-payload")
    assert f"08{len(qr_order.number):02d}{qr_order.number}" in payload
    assert qr_order.number in page.inner_text("#bank-details")

    for vendor, product in zip(vendors, products, strict=True):
        member = vendor_user(vendor, email=f"member-{vendor.pk}@example.vn")
        page.context.clear_cookies()
        page.goto(f"{base}/accounts/login/")
        page.fill("#id_login-username", member.email)
        page.fill("#id_login-password", "skelebrain")
        page.click("button[name=login_submit]")
        page.goto(f"{base}/dashboard/producer/orders/")
        text = page.inner_text("body")
        for order in (card_order, cod_order, qr_order):
            assert order.number in text
        others = [p.title for p in products if p != product]
        assert not any(title in text for title in others), (vendor, others)
    screenshot(page, "checkout-producer-parcels")
