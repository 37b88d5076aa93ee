"""The Stripe gateway against localstripe: VND amounts as whole đồng, idempotent creates,
cards confirmed, declined and asked for 3-D Secure."""

from decimal import Decimal

import pytest
import stripe

from shop.payments.gateway import CardError, StripeGateway, whole_dong

pytestmark = pytest.mark.integration


def test_an_intent_is_created_in_vnd_for_whole_dong_never_times_a_hundred(stripe_settings):
    intent = StripeGateway().payment_intent_create(
        amount=Decimal("255000"), order_number="100001", idempotency_key="t-vnd-1"
    )
    assert intent.amount == Decimal("255000")
    assert intent.currency == "vnd"
    assert intent.status == "requires_payment_method"
    assert intent.client_secret.startswith(intent.id)


def test_every_create_sends_its_idempotency_key(stripe_settings, monkeypatch):
    # localstripe ignores the key, so the test reads what goes on the wire.
    sent = []
    original = stripe.RequestsClient.request

    def spy(self, method, url, headers, post_data=None):
        sent.append((method, url, dict(headers or {})))
        return original(self, method, url, headers, post_data)

    monkeypatch.setattr(stripe.RequestsClient, "request", spy)
    StripeGateway().payment_intent_create(
        amount=Decimal("1000"), order_number="100002", idempotency_key="order-100002-1000-0"
    )

    ((method, url, headers),) = [s for s in sent if s[1].endswith("/v1/payment_intents")]
    assert method == "post"
    assert headers["Idempotency-Key"] == "order-100002-1000-0"


def test_a_good_card_is_charged_and_a_declined_one_raises(stripe_settings, card_token):
    gateway = StripeGateway()
    paid = gateway.payment_intent_create(
        amount=Decimal("85000"), order_number="100003", idempotency_key="t-good"
    )
    assert gateway.payment_intent_confirm_card(
        intent_id=paid.id, card_token=card_token("4242424242424242")
    ).succeeded

    refused = gateway.payment_intent_create(
        amount=Decimal("85000"), order_number="100004", idempotency_key="t-declined"
    )
    with pytest.raises(CardError):
        gateway.payment_intent_confirm_card(
            intent_id=refused.id, card_token=card_token("4000000000000002")
        )
    assert gateway.payment_intent_retrieve(intent_id=refused.id).status == (
        "requires_payment_method"
    )


def test_a_card_asking_for_3d_secure_waits_for_the_browser(stripe_settings, card_token):
    gateway = StripeGateway()
    intent = gateway.payment_intent_create(
        amount=Decimal("85000"), order_number="100005", idempotency_key="t-3ds"
    )
    confirmed = gateway.payment_intent_confirm_card(
        intent_id=intent.id, card_token=card_token("4000002500003155")
    )
    assert confirmed.status == "requires_action"


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("12.5")])
def test_fractions_and_zero_are_refused_before_stripe_is_called(amount):
    with pytest.raises(ValueError):
        whole_dong(amount)
