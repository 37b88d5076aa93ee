"""Card payments at the HTTP level, against a local server answering as Stripe's API documents
(tests/shop/payments/fake_stripe.py), for what localstripe cannot play: Stripe.js confirming the
intent with a PaymentMethod (the default flow), 3-D Secure left unfinished, a declined card,
an intent of another amount or order, a lost answer, a network failure, forged and replayed
webhooks. The shop's own stripe-python client talks to it over real HTTP."""

import hashlib
import hmac
import json
import logging
import time

import pytest
from oscar.core.loading import get_model

from shop.orders.statuses import OrderStatus
from shop.payments.models import PaymentAttempt, StripeEvent
from tests.shop.checkout.helpers import checkout_to_payment
from tests.shop.payments.fake_stripe import fake_stripe_start, signed
from tests.shop.payments.test_webhook import _deliver

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db

SECRET_KEY = "sk_test_ocop_fake_stripe_key"
WEBHOOK_SECRET = "whsec_ocop_fake_stripe"


@pytest.fixture(scope="module")
def stripe_server():
    server = fake_stripe_start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def fake(stripe_server, settings):
    """The shop pointed at the fake Stripe, in the flow real Stripe runs by default."""
    stripe_server.fake.reset()
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_ocop_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = stripe_server.url
    settings.STRIPE_JS_URL = "https://js.stripe.com/v3/"
    settings.STRIPE_CARD_FLOW = "payment_method"
    return stripe_server.fake


def _card_page(client, products):
    """Walk the checkout to the card page; returns the page's text and the payment waiting."""
    response = checkout_to_payment(client, [(products[0], 2), (products[1], 1)], method="card")
    assert response["Location"].endswith("/checkout/card/")
    page = client.get("/checkout/card/")
    assert page.status_code == 200
    return page.content.decode(), PaymentAttempt.objects.get()


def _pay(client, **fields) -> dict:
    response = client.post("/checkout/card/pay/", fields)
    assert response.status_code in (200, 400)
    return response.json()


def _nothing_placed(attempt) -> None:
    assert not Order.objects.exists()
    basket = Basket.objects.get(pk=attempt.basket_id)
    assert basket.status == Basket.OPEN and basket.num_items == 3


def test_the_card_page_asks_one_intent_for_the_order_total_and_hands_its_secret_to_stripe_js(
    english, products, fake
):
    page, attempt = _card_page(english, products)

    (create,) = fake.calls("POST", "/v1/payment_intents")
    # 2 × 85.000 + 120.000 of goods and two producers' parcels at 30.000 each.
    assert create["form"]["amount"] == str(int(attempt.amount)) == "350000"
    assert create["form"]["currency"] == "vnd"
    assert create["form"]["metadata[order_number]"] == attempt.order_number
    assert create["idempotency_key"].startswith(f"order-{attempt.order_number}-")
    # Stripe.js makes the PaymentMethod: no customer or card goes through our server.
    assert not fake.calls("POST", "/v1/customers")
    secret = fake.intents[attempt.intent_id]["client_secret"]
    assert 'data-flow="payment_method"' in page and f'data-secret="{secret}"' in page
    # Reloading the page reuses the intent; no cache keeps a page with a client secret.
    again = english.get("/checkout/card/")
    assert again.status_code == 200
    assert len(fake.calls("POST", "/v1/payment_intents")) == 1
    assert {"no-store", "private"} <= {v.strip() for v in again["Cache-Control"].split(",")}


def test_a_create_whose_answer_is_lost_is_retried_with_its_key_and_makes_one_intent(
    english, products, fake
):
    fake.fail("POST", "/v1/payment_intents", "lost")

    _page, attempt = _card_page(english, products)

    first, retry = fake.calls("POST", "/v1/payment_intents")
    assert first["idempotency_key"] == retry["idempotency_key"]
    assert list(fake.intents) == [attempt.intent_id]


def test_stripe_js_confirmed_and_stripe_says_succeeded_places_a_paid_order(english, products, fake):
    _page, attempt = _card_page(english, products)
    fake.browser_confirms(attempt.intent_id, "succeeded")

    answer = _pay(english, payment_intent=attempt.intent_id)

    assert answer["redirect"].endswith("/checkout/thank-you/")
    order = Order.objects.get()
    assert order.number == attempt.order_number and order.status == OrderStatus.PAID
    assert order.total_incl_tax == attempt.amount
    # The server asked Stripe itself before placing.
    assert fake.calls("GET", f"/v1/payment_intents/{attempt.intent_id}")
    assert "Paid by card" in english.get("/checkout/thank-you/").content.decode()


def test_the_browser_saying_paid_is_not_believed_while_stripe_says_otherwise(
    english, products, fake
):
    _page, attempt = _card_page(english, products)

    answer = _pay(english, payment_intent=attempt.intent_id)

    assert "not complete" in answer["error"]
    _nothing_placed(attempt)


def test_3d_secure_left_unfinished_places_nothing_until_stripe_says_succeeded(
    english, products, fake
):
    _page, attempt = _card_page(english, products)
    fake.browser_confirms(attempt.intent_id, "requires_action")

    assert "not complete" in _pay(english, payment_intent=attempt.intent_id)["error"]
    _nothing_placed(attempt)

    # The buyer passes the bank's challenge in Stripe.js's frame, and the page asks again.
    fake.browser_confirms(attempt.intent_id, "succeeded")
    assert "redirect" in _pay(english, payment_intent=attempt.intent_id)
    assert Order.objects.get().status == OrderStatus.PAID


def test_a_declined_card_says_so_and_another_card_on_the_same_page_pays(english, products, fake):
    _page, attempt = _card_page(english, products)
    fake.browser_confirms(attempt.intent_id, "card_declined")

    answer = _pay(english, payment_intent=attempt.intent_id)

    assert "declined" in answer["error"] and "No money was taken" in answer["error"]
    _nothing_placed(attempt)
    fake.browser_confirms(attempt.intent_id, "succeeded")
    assert "redirect" in _pay(english, payment_intent=attempt.intent_id)
    assert Order.objects.count() == 1


def test_an_intent_paid_for_another_amount_or_currency_places_nothing(english, products, fake):
    _page, attempt = _card_page(english, products)
    fake.browser_confirms(attempt.intent_id, "succeeded")
    fake.change(attempt.intent_id, amount=int(attempt.amount) - 1000)

    answer = _pay(english, payment_intent=attempt.intent_id)

    assert "does not match the order total" in answer["error"]
    _nothing_placed(attempt)
    fake.change(attempt.intent_id, amount=int(attempt.amount), currency="usd")
    assert (
        "does not match the order total" in _pay(english, payment_intent=attempt.intent_id)["error"]
    )
    _nothing_placed(attempt)
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.Status.PENDING and attempt.order is None


def test_the_intent_of_another_order_is_refused_without_a_change(english, products, fake):
    _page, attempt = _card_page(english, products)
    # Someone else's paid intent (their id and client_secret seen somewhere).
    other = fake.handle(
        "POST",
        "/v1/payment_intents",
        {"amount": "350000", "currency": "vnd", "metadata[order_number]": "999999"},
        "",
    )[1]
    fake.browser_confirms(other["id"], "succeeded")
    asked = len(fake.requests)

    answer = _pay(english, payment_intent=other["id"])

    assert "does not belong to your order" in answer["error"]
    assert len(fake.requests) == asked  # refused before Stripe was asked anything
    _nothing_placed(attempt)

    # Our own record pointing at an intent Stripe made for another order is refused too.
    fake.browser_confirms(attempt.intent_id, "succeeded")
    fake.change(attempt.intent_id, metadata={"order_number": "999999"})
    assert (
        "does not belong to your order" in _pay(english, payment_intent=attempt.intent_id)["error"]
    )
    _nothing_placed(attempt)


def test_stripe_unreachable_when_checking_says_try_again_and_a_later_check_pays(
    english, products, fake
):
    _page, attempt = _card_page(english, products)
    fake.browser_confirms(attempt.intent_id, "succeeded")
    # The first call and stripe-python's one retry both fail.
    fake.fail("GET", "/v1/payment_intents/", "drop", times=2)

    answer = _pay(english, payment_intent=attempt.intent_id)

    assert "try again" in answer["error"]
    _nothing_placed(attempt)
    assert "redirect" in _pay(english, payment_intent=attempt.intent_id)
    assert Order.objects.count() == 1


def test_a_double_submit_and_a_replay_after_payment_place_one_order(english, products, fake):
    _page, attempt = _card_page(english, products)
    fake.browser_confirms(attempt.intent_id, "succeeded")

    first = _pay(english, payment_intent=attempt.intent_id)
    second = _pay(english, payment_intent=attempt.intent_id)

    assert "redirect" in first
    assert "redirect" in second or "expired" in second["error"]
    assert Order.objects.count() == 1
    assert Order.objects.get().sources.get().amount_debited == attempt.amount


# -- the token flow, on the same gateway -------------------------------------------------------


def test_the_token_flow_shows_a_decline_and_hands_3d_secure_to_stripe_js(
    english, products, fake, settings
):
    settings.STRIPE_CARD_FLOW = "token"
    page, attempt = _card_page(english, products)
    assert 'data-flow="token"' in page and "data-secret" not in page
    assert fake.calls("POST", "/v1/customers")

    fake.on_confirm = "card_declined"
    declined = _pay(english, token="tok_visa_chargeDeclined")
    attempt.refresh_from_db()
    fake.on_confirm = "requires_action"
    challenge = _pay(english, token="tok_threeDSecure2Required")

    assert "declined" in declined["error"]
    assert attempt.status == PaymentAttempt.Status.FAILED
    assert challenge["authenticate"] == fake.intents[attempt.intent_id]["client_secret"]
    _nothing_placed(attempt)


def test_a_token_is_not_confirmed_by_the_server_in_the_payment_method_flow(english, products, fake):
    _page, attempt = _card_page(english, products)

    answer = _pay(english, token="tok_visa")

    assert "not complete" in answer["error"]
    assert not fake.calls("POST", f"/v1/payment_intents/{attempt.intent_id}/confirm")
    _nothing_placed(attempt)


# -- the webhook: Stripe's word, checked with Stripe --------------------------------------------


def _event(intent: dict, *, type="payment_intent.succeeded", id="evt_fake_1") -> dict:
    return {
        "id": id,
        "object": "event",
        "type": type,
        "created": int(time.time()),
        "livemode": False,
        "api_version": "2024-06-20",
        "data": {"object": intent},
    }


def test_the_webhook_places_the_order_of_a_buyer_who_closed_the_tab_once(
    english, client, products, fake
):
    _page, attempt = _card_page(english, products)
    intent = fake.browser_confirms(attempt.intent_id, "succeeded")
    payload, signature = signed(_event(intent), WEBHOOK_SECRET)

    first = _deliver(client, payload, signature)
    replay = _deliver(client, payload, signature)

    assert first.status_code == 200 and first.content.decode() == f"order {attempt.order_number}"
    assert replay.status_code == 200 and replay.content.decode() == "duplicate"
    assert Order.objects.get().status == OrderStatus.PAID
    # The buyer's page, coming back late, is sent to the same order.
    assert "redirect" in _pay(english, payment_intent=attempt.intent_id)
    assert Order.objects.count() == 1


def test_a_signed_event_saying_succeeded_is_checked_with_stripe_first(
    english, client, products, fake
):
    _page, attempt = _card_page(english, products)
    # The event claims success; Stripe, asked, says the intent still waits for a card.
    claimed = dict(fake.intents[attempt.intent_id], status="succeeded")

    response = _deliver(client, *signed(_event(claimed), WEBHOOK_SECRET))

    assert response.status_code == 200 and response.content.decode().startswith("refused:")
    _nothing_placed(attempt)


def test_a_webhook_for_another_amount_is_refused_and_places_nothing(
    english, client, products, fake
):
    _page, attempt = _card_page(english, products)
    intent = fake.browser_confirms(attempt.intent_id, "succeeded")
    fake.change(attempt.intent_id, amount=1000)

    response = _deliver(client, *signed(_event(intent), WEBHOOK_SECRET))

    assert "does not match the order total" in response.content.decode()
    _nothing_placed(attempt)


@pytest.mark.parametrize(
    "forgery",
    ["wrong secret", "no header", "stale timestamp", "body changed", "not json", "not an event"],
)
def test_a_forged_or_malformed_webhook_is_refused_and_nothing_is_written(
    english, client, products, fake, forgery
):
    _page, attempt = _card_page(english, products)
    intent = fake.browser_confirms(attempt.intent_id, "succeeded")
    payload, signature = signed(_event(intent), WEBHOOK_SECRET)
    if forgery == "wrong secret":
        payload, signature = signed(_event(intent), "whsec_guessed")
    elif forgery == "no header":
        signature = ""
    elif forgery == "stale timestamp":
        an_hour_ago = int(time.time()) - 3600
        payload, signature = signed(_event(intent), WEBHOOK_SECRET, timestamp=an_hour_ago)
    elif forgery == "body changed":
        payload = payload.replace(b'"succeeded"', b'"succeeded" ', 1)
    elif forgery == "not json":
        payload, signature = _resign(b"\xff\xfe not json")
    elif forgery == "not an event":
        payload, signature = _resign(json.dumps(["payment_intent.succeeded"]).encode())

    response = _deliver(client, payload, signature)

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()
    _nothing_placed(attempt)


def _resign(payload: bytes) -> tuple[bytes, str]:
    """A body that is not an event, correctly signed (Stripe's secret leaked, or a bug)."""
    timestamp = int(time.time())
    digest = hmac.new(
        WEBHOOK_SECRET.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256
    ).hexdigest()
    return payload, f"t={timestamp},v1={digest}"


def test_a_failed_payment_event_marks_the_attempt_and_a_new_total_cancels_its_intent(
    english, client, products, fake
):
    _page, attempt = _card_page(english, products)
    intent = fake.browser_confirms(attempt.intent_id, "card_declined")

    response = _deliver(
        client,
        *signed(_event(intent, type="payment_intent.payment_failed", id="evt_ko"), WEBHOOK_SECRET),
    )
    attempt.refresh_from_db()

    assert response.content.decode() == "failure recorded"
    assert attempt.status == PaymentAttempt.Status.FAILED
    # The basket changes: the declined intent, whose secret an old page still holds, is
    # cancelled, so only the new total can be paid.
    english.post(f"/basket/add/{products[0].pk}/", {"quantity": 1})
    assert english.get("/checkout/card/").status_code == 200
    assert fake.intents[attempt.intent_id]["status"] == "canceled"
    assert PaymentAttempt.objects.count() == 2


# -- what the log keeps -------------------------------------------------------------------------


def test_no_secret_reaches_the_log(english, client, products, fake, caplog):
    with caplog.at_level(logging.DEBUG):
        _page, attempt = _card_page(english, products)
        fake.browser_confirms(attempt.intent_id, "card_declined")
        _pay(english, payment_intent=attempt.intent_id)
        _pay(english, payment_intent="pi_someone_elses")
        _deliver(client, *signed(_event({}, id="evt_bad"), "whsec_guessed"))
        intent = fake.browser_confirms(attempt.intent_id, "succeeded")
        _deliver(client, *signed(_event(intent), WEBHOOK_SECRET))

    secret = fake.intents[attempt.intent_id]["client_secret"]
    logged = "\n".join(
        f"{r.getMessage()} {r.args!r} {getattr(r, '__dict__', {})!r}" for r in caplog.records
    )
    assert Order.objects.count() == 1
    assert attempt.intent_id in logged  # the log does say which payment it speaks of
    for leaked in (SECRET_KEY, WEBHOOK_SECRET, secret, f"{attempt.intent_id}_secret_"):
        at = logged.find(leaked)
        assert at == -1, logged[max(0, at - 400) : at + 100]
