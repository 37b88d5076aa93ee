"""Fixtures of the checkout's and payments' tests: two producers' products and test cards."""

import pytest
import stripe

from tests.factories import ProductFactory, VendorFactory, vietnam_ensure
from tests.services import STRIPE_SECRET_KEY


@pytest.fixture
def products(db):
    """Noodles and honey from two producers: one parcel each."""
    vietnam_ensure()
    return [
        ProductFactory(vendor=VendorFactory(legal_name="HTX Miến dong"), stock=("85000", 10)),
        ProductFactory(vendor=VendorFactory(legal_name="HTX Mật ong"), stock=("120000", 10)),
    ]


@pytest.fixture
def stripe_client(stripe_settings, localstripe_url):
    """A Stripe client of the test itself, playing the part of the buyer's browser."""
    return stripe.StripeClient(STRIPE_SECRET_KEY, base_addresses={"api": localstripe_url})


@pytest.fixture
def card_token(stripe_client):
    """A token for a test card number, as Stripe.js makes one from the card element."""

    def make(number: str = "4242424242424242") -> str:
        token = stripe_client.v1.tokens.create(
            params={"card": {"number": number, "exp_month": "12", "exp_year": "2030", "cvc": "123"}}
        )
        return token.id

    return make
