"""In Chromium: the card page in the flow real Stripe runs (STRIPE_CARD_FLOW=payment_method).
localstripe's Stripe.js cannot make a PaymentMethod, so the page loads the stand-in Stripe.js
of the local fake Stripe (tests/shop/payments/fake_stripe.py), which confirms the intent with
the client secret the page holds; the shop then checks the intent with the fake's API."""

import pytest
from oscar.core.loading import get_model

from shop.orders.statuses import OrderStatus
from tests.e2e.test_checkout_payments import _buy
from tests.factories import ProductFactory, VendorFactory, vietnam_ensure
from tests.shop.payments.fake_stripe import fake_stripe_start

Order = get_model("order", "Order")

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


@pytest.fixture
def fake_stripe(settings):
    server = fake_stripe_start()
    settings.STRIPE_SECRET_KEY = "sk_test_ocop_fake_stripe_key"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_ocop_fake"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_ocop_fake_stripe"
    settings.STRIPE_API_BASE = server.url
    settings.STRIPE_JS_URL = f"{server.url}/v3/"
    settings.STRIPE_CARD_FLOW = "payment_method"
    yield server.fake
    server.shutdown()
    server.server_close()


def test_a_declined_card_is_named_and_another_card_pays_on_the_same_page(
    live_server, page, site_data, fake_stripe, screenshot
):
    vietnam_ensure()
    products = [
        ProductFactory(
            vendor=VendorFactory(legal_name="HTX Miến dong"), title="Miến dong", stock=("85000", 20)
        ),
        ProductFactory(
            vendor=VendorFactory(legal_name="HTX Mật ong"), title="Mật ong", stock=("120000", 20)
        ),
    ]

    _buy(page, live_server.url, products, method="card", email="card@example.vn")
    page.wait_for_url("**/checkout/card/")
    page.fill("#card-element input", "4000 0000 0000 0002")
    page.click("#pay-button")

    page.wait_for_selector("#card-error:not([hidden])")
    assert page.inner_text("#card-error") == "Your card was declined."
    assert not page.is_disabled("#pay-button")
    assert not Order.objects.exists()

    page.fill("#card-element input", "4242 4242 4242 4242")
    page.click("#pay-button")
    page.wait_for_url("**/checkout/thank-you/", timeout=20000)
    screenshot(page, "checkout-card-payment-method-paid")

    order = Order.objects.get(guest_email="card@example.vn")
    assert order.status == OrderStatus.PAID
    assert order.number in page.content()
    (intent,) = fake_stripe.intents.values()
    assert intent["status"] == "succeeded" and intent["amount"] == int(order.total_incl_tax)
