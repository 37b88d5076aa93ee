"""A code that ends while the buyer pays by card: the money goes back, the code leaves the
basket, and the next payment is for the total without it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from shop.payments.models import PaymentAttempt
from tests.shop.checkout.helpers import checkout_to_payment
from tests.shop.offer.helpers import voucher_make

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Voucher = get_model("voucher", "Voucher")

pytestmark = pytest.mark.django_db


def test_a_code_ended_while_the_card_was_paid_is_refunded_and_taken_off(
    english, products, stripe_settings, card_token
):
    voucher = voucher_make("TET2027", percent=10)
    assert english.post(f"/basket/add/{products[0].pk}/", {"quantity": 1}).status_code == 302
    english.post("/basket/vouchers/add/", {"code": "TET2027"})
    response = checkout_to_payment(english, [(products[1], 1)], method="card")
    assert response["Location"].endswith("/checkout/card/")
    assert english.get("/checkout/card/").status_code == 200
    attempt = PaymentAttempt.objects.get()
    # 10% off 85.000 ₫ and 120.000 ₫, and two parcels at 30.000 ₫.
    assert attempt.amount == Decimal("184500") + Decimal("60000")
    Voucher.objects.filter(pk=voucher.pk).update(end_datetime=timezone.now() - timedelta(minutes=1))

    answer = english.post("/checkout/card/pay/", {"token": card_token()}).json()

    assert "The code TET2027 ended on" in answer["error"] and "refunded" in answer["error"]
    assert not Order.objects.exists()
    assert not Basket.objects.get(pk=attempt.basket_id).vouchers.exists()
    assert english.get("/checkout/card/").status_code == 200
    answer = english.post("/checkout/card/pay/", {"token": card_token()}).json()
    assert "redirect" in answer
    assert Order.objects.get().total_incl_tax == Decimal("265000")
