"""The one door to Stripe: every call the shop makes to Stripe goes through `StripeGateway`.

Amounts are VND, a zero-decimal currency: Stripe takes whole đồng as they are (never × 100).
Two ways of paying by card share it, chosen by settings.STRIPE_CARD_FLOW (docs/decisions.md):
Stripe.js confirms the intent itself with a PaymentMethod from the card element, or Stripe.js
makes a token and this gateway confirms the intent with it.
"""

import json
import logging
from dataclasses import dataclass
from decimal import Decimal

import stripe
from django.conf import settings

from shop.money import CURRENCY as SHOP_CURRENCY
from shop.money import is_whole_dong

logger = logging.getLogger(__name__)

# Stripe writes currency codes in lower case.
CURRENCY = SHOP_CURRENCY.lower()

# Errors the gateway lets through, so callers need not import stripe.
CardError = stripe.CardError
StripeError = stripe.StripeError
SignatureVerificationError = stripe.SignatureVerificationError

# settings.STRIPE_CARD_FLOW: the browser confirms with `stripe.confirmCardPayment` and a
# PaymentMethod from the card element (real Stripe's current flow, the default), or the
# browser tokenises the card and the server confirms (what localstripe's Stripe.js can do).
FLOW_PAYMENT_METHOD = "payment_method"
FLOW_TOKEN = "token"


class GatewayNotConfigured(Exception):
    pass


@dataclass(frozen=True)
class Intent:
    """What the shop needs to know of a PaymentIntent."""

    id: str
    status: str
    amount: Decimal
    currency: str
    client_secret: str
    error_message: str = ""
    # metadata.order_number, written at creation: ties the intent to one order.
    order_number: str = ""

    @property
    def succeeded(self) -> bool:
        return self.status == "succeeded"


def _intent(obj) -> Intent:
    error = getattr(obj, "last_payment_error", None)
    metadata = getattr(obj, "metadata", None)
    return Intent(
        id=obj.id,
        status=obj.status,
        amount=Decimal(obj.amount),
        currency=(obj.currency or "").lower(),
        client_secret=getattr(obj, "client_secret", "") or "",
        error_message=(getattr(error, "message", "") or "") if error else "",
        order_number=str(getattr(metadata, "order_number", "") or "") if metadata else "",
    )


def whole_dong(amount: Decimal) -> int:
    """Stripe's integer for a VND amount; refuses fractions instead of rounding them away."""
    amount = Decimal(amount)
    if not is_whole_dong(amount) or amount <= 0:
        raise ValueError(f"A VND charge is a whole number of đồng above zero, not {amount}")
    return int(amount)


class StripeGateway:
    def __init__(
        self,
        *,
        secret_key: str | None = None,
        api_base: str | None = None,
        webhook_secret: str | None = None,
    ) -> None:
        self.secret_key = secret_key if secret_key is not None else settings.STRIPE_SECRET_KEY
        self.webhook_secret = (
            webhook_secret if webhook_secret is not None else settings.STRIPE_WEBHOOK_SECRET
        )
        api_base = api_base if api_base is not None else settings.STRIPE_API_BASE
        self.card_flow = settings.STRIPE_CARD_FLOW
        if not self.secret_key:
            raise GatewayNotConfigured("STRIPE_SECRET_KEY is not set")
        base_addresses = {"api": api_base.rstrip("/")} if api_base else None
        self.client = stripe.StripeClient(
            self.secret_key, base_addresses=base_addresses, max_network_retries=1
        )

    def payment_intent_create(
        self, *, amount: Decimal, order_number: str, idempotency_key: str, email: str = ""
    ) -> Intent:
        """An intent for the order's total; the key makes a retried create (an answer lost on
        the way back) return the same intent instead of a second one."""
        params = {
            "amount": whole_dong(amount),
            "currency": CURRENCY,
            "payment_method_types": ["card"],
            "metadata": {"order_number": order_number},
        }
        if self.card_flow == FLOW_TOKEN:
            # A customer of its own holds the card: Stripe checks a card when it is attached,
            # so a card the bank refuses is refused there, before any charge. With Stripe.js
            # confirming, the PaymentMethod goes straight to the intent and needs none.
            customer = self.client.v1.customers.create(
                params={"email": email, "metadata": {"order_number": order_number}}
                if email
                else {"metadata": {"order_number": order_number}},
                options={"idempotency_key": f"{idempotency_key}-customer"},
            )
            params["customer"] = customer.id
        obj = self.client.v1.payment_intents.create(
            params=params, options={"idempotency_key": idempotency_key}
        )
        logger.info("PaymentIntent %s created for order %s (%s ₫)", obj.id, order_number, amount)
        return _intent(obj)

    def payment_intent_retrieve(self, *, intent_id: str) -> Intent:
        return _intent(self.client.v1.payment_intents.retrieve(intent_id))

    def payment_intent_confirm_card(self, *, intent_id: str, card_token: str) -> Intent:
        """Attach the card the browser tokenised and confirm; a card asking for 3-D Secure
        leaves the intent in "requires_action" for Stripe.js to finish. A declined card
        raises CardError and leaves the intent waiting for another card."""
        intent = self.client.v1.payment_intents.retrieve(intent_id)
        card = self.client.v1.customers.payment_sources.create(
            intent.customer, params={"source": card_token}
        )
        self.client.v1.payment_intents.update(intent_id, params={"payment_method": card.id})
        return _intent(self.client.v1.payment_intents.confirm(intent_id))

    def payment_intent_cancel(self, *, intent_id: str) -> Intent:
        return _intent(self.client.v1.payment_intents.cancel(intent_id))

    def refund_create(self, *, intent_id: str, amount: Decimal, idempotency_key: str) -> str:
        obj = self.client.v1.refunds.create(
            params={"payment_intent": intent_id, "amount": whole_dong(amount)},
            options={"idempotency_key": idempotency_key},
        )
        return obj.id

    def webhook_event(self, *, payload: bytes, signature: str) -> dict:
        """The event Stripe signed, as plain JSON data; SignatureVerificationError for a bad
        signature, ValueError for a body that is not a JSON object."""
        if not self.webhook_secret:
            raise GatewayNotConfigured("STRIPE_WEBHOOK_SECRET is not set")
        stripe.WebhookSignature.verify_header(
            payload, signature, self.webhook_secret, tolerance=stripe.Webhook.DEFAULT_TOLERANCE
        )
        # Plain data: Stripe's own objects fail with AttributeError on a body that is JSON
        # but not shaped like an event.
        event = json.loads(payload)
        if not isinstance(event, dict):
            raise ValueError("The webhook body is not a JSON object")
        return event


def gateway() -> StripeGateway:
    return StripeGateway()
