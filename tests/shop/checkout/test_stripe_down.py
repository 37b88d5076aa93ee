"""Stripe unreachable at each call of a card payment: the buyer reads what to do, the basket
stays as it was and no order is placed."""

import pytest
import stripe
from oscar.core.loading import get_model

from shop.payments.gateway import StripeGateway
from shop.payments.models import PaymentAttempt
from tests.shop.checkout.helpers import checkout_to_payment

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _down(monkeypatch, method: str) -> None:
    def unreachable(self, **kwargs):
        raise stripe.APIConnectionError("Stripe is down")

    monkeypatch.setattr(StripeGateway, method, unreachable)


def _basket_kept(basket_id) -> None:
    assert not Order.objects.exists()
    basket = Basket.objects.get(pk=basket_id)
    assert basket.status == Basket.OPEN and basket.num_items == 2


def test_the_card_page_sends_the_buyer_back_to_the_methods_when_stripe_is_down(
    english, products, stripe_settings, monkeypatch
):
    _down(monkeypatch, "payment_intent_create")
    checkout_to_payment(english, [(products[0], 1), (products[1], 1)], method="card")

    response = english.get("/checkout/card/", follow=True)

    assert response.redirect_chain[-1][0].endswith("/checkout/payment-method/")
    assert "Card payments are unavailable right now" in response.content.decode()
    assert not PaymentAttempt.objects.exists()
    _basket_kept(Basket.objects.get().pk)


@pytest.mark.parametrize(
    "method", ["payment_intent_confirm_card", "payment_intent_retrieve", "refund_create"]
)
def test_paying_while_stripe_is_down_says_to_try_again_and_places_nothing(
    english, products, stripe_settings, card_token, monkeypatch, method
):
    checkout_to_payment(english, [(products[0], 1), (products[1], 1)], method="card")
    assert english.get("/checkout/card/").status_code == 200
    attempt = PaymentAttempt.objects.get()
    if method == "refund_create":
        # Sold out meanwhile, and Stripe down when the money should go back.
        products[1].stockrecords.update(num_in_stock=0)
    _down(monkeypatch, method)

    answer = english.post("/checkout/card/pay/", {"token": card_token()})

    assert answer.status_code == 200
    assert "try again" in answer.json()["error"]
    _basket_kept(attempt.basket_id)


def test_an_intent_cancelled_on_stripe_while_its_attempt_waits_gets_a_new_page(
    english, products, stripe_settings, card_token
):
    checkout_to_payment(english, [(products[0], 1), (products[1], 1)], method="card")
    assert english.get("/checkout/card/").status_code == 200
    attempt = PaymentAttempt.objects.get()
    # Stripe cancelled it, but our write of that was rolled back (Stripe failed just after).
    StripeGateway().payment_intent_cancel(intent_id=attempt.intent_id)

    answer = english.post("/checkout/card/pay/", {"token": card_token()}).json()

    assert "expired" in answer["error"]
    assert english.get("/checkout/card/").status_code == 200
    assert english.post("/checkout/card/pay/", {"token": card_token()}).json()["redirect"]
    assert Order.objects.count() == 1
