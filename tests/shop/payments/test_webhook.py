"""Stripe's signed webhook: verified with the endpoint secret, handled once per event id, and
the one to place the order when the buyer's browser never came back."""

import hashlib
import hmac
import json
import threading
import time

import pytest
import stripe
from oscar.core.loading import get_model

from shop.orders.statuses import OrderStatus
from shop.payments import services
from shop.payments.gateway import StripeGateway
from shop.payments.models import PaymentAttempt, StripeEvent
from tests.factories import ProductFactory, VendorFactory, vietnam_ensure
from tests.services import STRIPE_WEBHOOK_SECRET
from tests.shop.checkout.helpers import checkout_to_payment

Order = get_model("order", "Order")

pytestmark = pytest.mark.integration


def _paid_attempt_without_order(client, card_token) -> PaymentAttempt:
    """The buyer paid on Stripe's side and closed the tab before our server heard of it."""
    vietnam_ensure()
    products = [
        ProductFactory(vendor=VendorFactory(), stock=("85000", 10)),
        ProductFactory(vendor=VendorFactory(), stock=("64000", 10)),
    ]
    checkout_to_payment(client, [(products[0], 1), (products[1], 2)], method="card")
    assert client.get("/checkout/card/").status_code == 200
    attempt = PaymentAttempt.objects.get()
    assert (
        StripeGateway()
        .payment_intent_confirm_card(intent_id=attempt.intent_id, card_token=card_token())
        .succeeded
    )
    return attempt


def _signed(event: dict, secret: str = STRIPE_WEBHOOK_SECRET) -> tuple[bytes, str]:
    payload = json.dumps(event).encode()
    timestamp = int(time.time())
    digest = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256
    ).hexdigest()
    return payload, f"t={timestamp},v1={digest}"


def _event(stripe_client, attempt, *, type="payment_intent.succeeded", id="evt_test_1"):
    intent = stripe_client.v1.payment_intents.retrieve(attempt.intent_id)
    return {
        "id": id,
        "object": "event",
        "type": type,
        "created": int(time.time()),
        "api_version": "2017-08-15",
        "data": {"object": intent.to_dict()},
    }


def _deliver(client, payload: bytes, signature: str):
    return client.post(
        "/checkout/stripe/webhook/",
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature,
    )


@pytest.mark.django_db
def test_a_replayed_event_places_one_order(client, stripe_settings, stripe_client, card_token):
    attempt = _paid_attempt_without_order(client, card_token)
    payload, signature = _signed(_event(stripe_client, attempt))

    first = _deliver(client, payload, signature)
    again = _deliver(client, payload, signature)

    assert first.status_code == 200 and first.content.decode().startswith("order ")
    assert again.status_code == 200 and again.content.decode() == "duplicate"
    order = Order.objects.get()
    assert order.number == attempt.order_number
    assert order.status == OrderStatus.PAID
    assert StripeEvent.objects.count() == 1


@pytest.mark.django_db
def test_a_forged_signature_is_refused_and_nothing_is_written(
    client, stripe_settings, stripe_client, card_token
):
    attempt = _paid_attempt_without_order(client, card_token)
    payload, signature = _signed(_event(stripe_client, attempt), secret="whsec_forged")

    response = _deliver(client, payload, signature)
    unsigned = _deliver(client, payload, "")

    assert response.status_code == 400 and unsigned.status_code == 400
    assert not StripeEvent.objects.exists()
    assert not Order.objects.exists()
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.Status.PENDING and attempt.order is None


@pytest.mark.django_db
def test_a_late_failure_after_the_success_changes_nothing(
    client, stripe_settings, stripe_client, card_token
):
    attempt = _paid_attempt_without_order(client, card_token)
    succeeded = _event(stripe_client, attempt, id="evt_ok")
    failed = _event(stripe_client, attempt, type="payment_intent.payment_failed", id="evt_ko")

    assert _deliver(client, *_signed(succeeded)).status_code == 200
    assert _deliver(client, *_signed(failed)).status_code == 200

    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.Status.SUCCEEDED
    assert Order.objects.get().status == OrderStatus.PAID
    assert StripeEvent.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_localstripe_s_webhook_completes_the_order_the_browser_never_came_back_for(
    client, stripe_webhooks, card_token, monkeypatch, reference_data
):
    handled = threading.Event()
    handle = services.stripe_event_handle

    def handle_and_tell(**kwargs):
        outcome = handle(**kwargs)
        if outcome.startswith("order "):
            handled.set()
        return outcome

    # The live server may share the test's SQLite connection: wait without querying.
    monkeypatch.setattr(services, "stripe_event_handle", handle_and_tell)

    attempt = _paid_attempt_without_order(client, card_token)

    # localstripe signs and sends payment_intent.succeeded about a second later.
    assert handled.wait(timeout=20)
    # Handled, but the webhook's request commits a moment later.
    deadline = time.monotonic() + 15
    time.sleep(1)
    while not Order.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.5)

    order = Order.objects.get()
    assert order.number == attempt.order_number
    assert order.status == OrderStatus.PAID
    assert (
        StripeEvent.objects.filter(
            type="payment_intent.succeeded", intent_id=attempt.intent_id
        ).count()
        == 1
    )
    attempt.refresh_from_db()
    assert attempt.order == order


@pytest.fixture
def webhook_secret(settings):
    """Enough for the webhook to verify signatures; no Stripe is called."""
    settings.STRIPE_SECRET_KEY = "sk_test_unused"
    settings.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET
    return settings


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload",
    [
        b"{not json",
        b"[]",
        b"{}",
        json.dumps({"id": "evt_x", "object": "event", "type": "payment_intent.succeeded"}).encode(),
        json.dumps({"id": "evt_x", "type": "payment_intent.succeeded", "data": "x"}).encode(),
    ],
)
def test_a_signed_body_that_is_not_an_event_is_refused_and_nothing_is_written(
    client, webhook_secret, payload
):
    timestamp = int(time.time())
    digest = hmac.new(
        STRIPE_WEBHOOK_SECRET.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256
    ).hexdigest()

    response = _deliver(client, payload, f"t={timestamp},v1={digest}")

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "event_type, obj",
    [
        ("charge.refunded", {"id": "ch_1", "object": "charge"}),
        ("payment_intent.succeeded", {"id": "pi_nobody_knows", "object": "payment_intent"}),
        ("payment_intent.payment_failed", {"id": "pi_nobody_knows", "object": "payment_intent"}),
    ],
)
def test_unknown_event_types_and_unknown_intents_are_recorded_and_ignored(
    client, webhook_secret, event_type, obj
):
    event = {"id": "evt_other", "object": "event", "type": event_type, "data": {"object": obj}}

    response = _deliver(client, *_signed(event))

    assert response.status_code == 200 and response.content.decode() == "ignored"
    assert StripeEvent.objects.get().outcome == "ignored"
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_stripe_down_while_handling_is_retried_later_and_then_places_the_order(
    client, stripe_settings, stripe_client, card_token, monkeypatch
):
    attempt = _paid_attempt_without_order(client, card_token)
    payload, signature = _signed(_event(stripe_client, attempt))
    retrieve = StripeGateway.payment_intent_retrieve

    def unreachable(self, **kwargs):
        raise stripe.APIConnectionError("Stripe is down")

    monkeypatch.setattr(StripeGateway, "payment_intent_retrieve", unreachable)
    down = _deliver(client, payload, signature)

    assert down.status_code == 503
    assert not StripeEvent.objects.exists() and not Order.objects.exists()

    monkeypatch.setattr(StripeGateway, "payment_intent_retrieve", retrieve)
    retried = _deliver(client, payload, signature)

    assert retried.status_code == 200 and retried.content.decode().startswith("order ")
    assert Order.objects.get().number == attempt.order_number
