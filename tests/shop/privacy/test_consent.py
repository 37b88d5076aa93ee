"""Consent to the privacy policy: the sign-up and checkout forms refuse without the tick, and
a record with the policy's version is written when it is given."""

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from oscar.core.loading import get_model

from shop.payments.models import PaymentAttempt
from shop.privacy.models import ConsentMethod, ConsentPurpose, ConsentRecord
from tests.factories import ProductFactory, UserFactory, vietnam_ensure
from tests.shop.checkout.helpers import address_form_data

Order = get_model("order", "Order")
User = get_user_model()
PASSWORD = "mien-dong-binh-lieu-2026"
pytestmark = pytest.mark.django_db

REFUSAL = "Tick the box to accept how we use your personal data"


def _signup(client, **extra):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            "/accounts/login/",
            {
                "registration-email": "hoa@example.vn",
                "registration-password1": PASSWORD,
                "registration-password2": PASSWORD,
                "registration_submit": "1",
                **extra,
            },
        )


def test_sign_up_without_the_tick_is_refused_and_opens_no_account(english):
    response = _signup(english)

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not User.objects.filter(email="hoa@example.vn").exists()
    assert not ConsentRecord.objects.exists()


def test_sign_up_with_the_tick_records_the_consent_with_the_policy_version(english, settings):
    page = english.get("/accounts/login/").content.decode()
    assert 'href="/privacy/"' in page and "privacy_consent" in page

    response = _signup(english, **{"registration-privacy_consent": "on"})

    assert response.status_code == 302
    account = User.objects.get(email="hoa@example.vn")
    consent = ConsentRecord.objects.get()
    assert (consent.user, consent.purpose, consent.method, consent.policy_version) == (
        account,
        ConsentPurpose.ACCOUNT,
        ConsentMethod.SIGNUP_FORM,
        settings.PRIVACY_POLICY_VERSION,
    )
    assert consent.given_at is not None


def test_a_second_sign_up_with_a_known_address_writes_no_consent(english):
    UserFactory(email="hoa@example.vn")

    _signup(english, **{"registration-privacy_consent": "on"})

    assert not ConsentRecord.objects.exists()


@pytest.fixture
def honey(db):
    vietnam_ensure()
    return ProductFactory(title="Mật ong hoa ban")


def _to_preview(client, product, *, guest_email=None):
    assert client.post(f"/basket/add/{product.pk}/", {"quantity": 1}).status_code == 302
    if guest_email:
        client.post("/checkout/", {"username": guest_email, "options": "anonymous"})
    assert client.post("/checkout/shipping-address/", address_form_data()).status_code == 302
    client.get("/checkout/shipping-method/", follow=True)
    assert client.post("/checkout/payment-method/", {"method": "cod"}).status_code == 302
    return client.get("/checkout/preview/")


def _place(client, **extra):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/checkout/preview/", {"action": "place_order", **extra})


def test_a_guest_must_tick_the_box_and_the_order_carries_the_consent(english, honey, settings):
    preview = _to_preview(english, honey, guest_email="khach@example.vn").content.decode()
    assert 'name="privacy_consent"' in preview and 'href="/privacy/"' in preview

    refused = _place(english)

    assert refused.status_code == 200
    assert REFUSAL in refused.content.decode()
    assert not Order.objects.exists() and not ConsentRecord.objects.exists()

    placed = _place(english, privacy_consent="on")

    assert placed.status_code == 302 and placed["Location"].endswith("/checkout/thank-you/")
    order = Order.objects.get()
    consent = ConsentRecord.objects.get()
    assert consent.user is None and consent.email == "khach@example.vn"
    assert consent.order_number == order.number
    assert consent.purpose == ConsentPurpose.ORDERS
    assert consent.method == ConsentMethod.CHECKOUT_FORM
    assert consent.policy_version == settings.PRIVACY_POLICY_VERSION


def test_an_account_is_asked_once_per_policy_version(english, honey):
    buyer = UserFactory(email="mua@example.vn")
    english.force_login(buyer)

    assert 'name="privacy_consent"' in _to_preview(english, honey).content.decode()
    assert _place(english).status_code == 200
    assert _place(english, privacy_consent="on").status_code == 302
    first = ConsentRecord.objects.get(user=buyer)
    assert first.order_number == Order.objects.get().number

    # The next order, same policy: no box, no new record.
    assert 'name="privacy_consent"' not in _to_preview(english, honey).content.decode()
    assert _place(english).status_code == 302
    assert Order.objects.count() == 2 and ConsentRecord.objects.count() == 1

    # A new version of the policy asks again.
    with override_settings(PRIVACY_POLICY_VERSION="2027-06-01"):
        assert 'name="privacy_consent"' in _to_preview(english, honey).content.decode()
        assert _place(english).status_code == 200
        assert Order.objects.count() == 2
        assert _place(english, privacy_consent="on").status_code == 302
    assert list(
        ConsentRecord.objects.filter(user=buyer).values_list("policy_version", flat=True)
    ) == ["2027-06-01", first.policy_version]


def test_the_card_page_opened_past_the_preview_sends_the_guest_back_to_tick_the_box(
    english, honey, settings
):
    """The card page's address can be typed without pressing "Place order": no card is
    asked for, and no payment started, until the consent is on record."""
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_test_x", "pk_test_x"
    # Nothing listens here: a payment started anyway fails instead of reaching Stripe.
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    _to_preview(english, honey, guest_email="khach@example.vn")
    assert english.post("/checkout/payment-method/", {"method": "card"}).status_code == 302

    response = english.get("/checkout/card/", follow=True)

    assert response.redirect_chain[-1][0].endswith("/checkout/preview/")
    page = response.content.decode()
    assert REFUSAL in page and 'name="privacy_consent"' in page
    assert not PaymentAttempt.objects.exists() and not Order.objects.exists()
