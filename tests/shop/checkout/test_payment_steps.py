"""Paying at checkout: card through Stripe (localstripe), cash on delivery, VietQR transfer;
declined cards, double clicks and wrong amounts place nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from shop.orders import lifecycle
from shop.orders.statuses import OrderStatus
from shop.payments.models import PaymentAttempt
from tests.shop.checkout.helpers import checkout_to_payment
from vendors.models import Fulfilment

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db


def _open_card_page(english, products):
    response = checkout_to_payment(english, [(products[0], 2), (products[1], 1)], method="card")
    assert response.status_code == 302
    assert response["Location"].endswith("/checkout/card/")
    page = english.get("/checkout/card/")
    assert page.status_code == 200
    return page, PaymentAttempt.objects.get()


def test_cash_on_delivery_places_the_order_at_once_with_payment_due(english, products):
    response = checkout_to_payment(english, [(products[0], 1), (products[1], 1)], method="cod")

    assert response.status_code == 302
    assert response["Location"].endswith("/checkout/thank-you/")
    order = Order.objects.get()
    assert order.status == OrderStatus.AWAITING_DELIVERY_PAYMENT
    assert Fulfilment.objects.filter(order=order).count() == 2
    page = english.get("/checkout/thank-you/")
    assert "Cash on delivery" in page.content.decode()
    assert not PaymentAttempt.objects.exists()


def test_a_bank_transfer_order_waits_and_shows_its_vietqr_code(english, products, settings):
    response = checkout_to_payment(english, [(products[0], 1)], method="bank_transfer")

    assert response["Location"].endswith("/checkout/thank-you/")
    order = Order.objects.get()
    assert order.status == OrderStatus.AWAITING_TRANSFER
    html = english.get("/checkout/thank-you/").content.decode()
    assert "<svg" in html
    assert f"5802VN62{len(order.number) + 4:02d}08{len(order.number):02d}{order.number}" in html
    assert settings.PAYMENT_BANK_ACCOUNT in html
    assert f"54{len(str(int(order.total_incl_tax))):02d}{int(order.total_incl_tax)}" in html


def test_card_payment_places_a_paid_order_for_the_amount_stripe_took(
    english, products, stripe_settings, card_token
):
    page, attempt = _open_card_page(english, products)
    assert stripe_settings.STRIPE_JS_URL in page.content.decode()

    answer = english.post("/checkout/card/pay/", {"token": card_token()}).json()

    assert answer["redirect"].endswith("/checkout/thank-you/")
    order = Order.objects.get()
    assert order.number == attempt.order_number
    assert order.status == OrderStatus.PAID
    assert order.total_incl_tax == attempt.amount
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.Status.SUCCEEDED and attempt.order == order
    source = order.sources.get()
    assert source.source_type.code == "card" and source.amount_debited == attempt.amount
    assert "Paid by card" in english.get("/checkout/thank-you/").content.decode()


def test_reloading_the_card_page_reuses_the_payment_intent(english, products, stripe_settings):
    _page, attempt = _open_card_page(english, products)

    assert english.get("/checkout/card/").status_code == 200

    assert list(PaymentAttempt.objects.values_list("intent_id", flat=True)) == [attempt.intent_id]


def test_a_declined_card_places_nothing_and_keeps_the_basket(
    english, products, stripe_settings, card_token
):
    _page, attempt = _open_card_page(english, products)

    answer = english.post("/checkout/card/pay/", {"token": card_token("4000000000000002")})

    assert "declined" in answer.json()["error"]
    assert not Order.objects.exists()
    basket = Basket.objects.get(pk=attempt.basket_id)
    assert basket.status == Basket.OPEN and basket.num_items == 3
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.Status.FAILED
    # Another card on the same page then pays.
    answer = english.post("/checkout/card/pay/", {"token": card_token()}).json()
    assert "redirect" in answer
    assert Order.objects.count() == 1


def test_a_double_click_on_pay_places_one_order(english, products, stripe_settings, card_token):
    _open_card_page(english, products)
    token = card_token()

    first = english.post("/checkout/card/pay/", {"token": token}).json()
    second = english.post("/checkout/card/pay/", {"token": token}).json()

    assert "redirect" in first
    assert Order.objects.count() == 1
    assert "redirect" in second or "error" in second


def test_an_intent_for_another_amount_is_refused(english, products, stripe_settings, card_token):
    _page, attempt = _open_card_page(english, products)
    # The intent Stripe holds asks less than the order total (a tampered or stale intent).
    PaymentAttempt.objects.filter(pk=attempt.pk).update(amount=attempt.amount + 1000)

    answer = english.post("/checkout/card/pay/", {"token": card_token()}).json()

    assert "does not match" in answer["error"]
    assert not Order.objects.exists()


def test_a_card_payment_needing_3d_secure_hands_the_step_to_stripe_js(
    english, products, stripe_settings, card_token
):
    _page, attempt = _open_card_page(english, products)

    answer = english.post("/checkout/card/pay/", {"token": card_token("4000002500003155")})

    assert answer.json()["authenticate"].startswith(attempt.intent_id)
    assert not Order.objects.exists()
    # Stripe.js's challenge not passed: asking again places nothing.
    assert "error" in english.post("/checkout/card/pay/", {}).json()
    assert not Order.objects.exists()


def test_staff_confirming_a_transfer_marks_the_order_paid_once(english, products):
    checkout_to_payment(english, [(products[0], 1)], method="bank_transfer")
    order = Order.objects.get()

    assert lifecycle.order_payment_received(
        order=order, method="bank_transfer", amount=order.total_incl_tax, reference="FT123"
    )
    assert not lifecycle.order_payment_received(
        order=order, method="bank_transfer", amount=order.total_incl_tax, reference="FT123"
    )

    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.payment_events.count() == 1


def test_an_unpaid_transfer_expires_and_its_stock_returns(english, products, settings):
    checkout_to_payment(english, [(products[0], 3)], method="bank_transfer")
    order = Order.objects.get()
    record = products[0].stockrecords.get()
    assert record.num_allocated == 3
    hours = settings.PAYMENT_TRANSFER_EXPIRY_HOURS
    Order.objects.filter(pk=order.pk).update(
        date_placed=order.date_placed - timedelta(hours=hours + 1)
    )

    from shop.payments.tasks import expire_bank_transfers

    assert expire_bank_transfers.delay().get() == [order.number]
    assert expire_bank_transfers.delay().get() == []

    order.refresh_from_db()
    record.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert record.num_allocated == 0
    assert set(Fulfilment.objects.filter(order=order).values_list("status", flat=True)) == {
        Fulfilment.Status.CANCELLED
    }


def test_staff_mark_an_awaited_transfer_paid_from_the_dashboard(english, products):
    from oscar.test.factories import UserFactory

    checkout_to_payment(english, [(products[0], 1)], method="bank_transfer")
    order = Order.objects.get()
    staff = UserFactory(is_staff=True, is_superuser=True)
    english.force_login(staff)

    page = english.get("/dashboard/payments/transfers/")
    assert order.number in page.content.decode()
    response = english.post(
        "/dashboard/payments/transfers/", {"number": order.number, "reference": "FT2611"}
    )

    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.sources.get().reference == "FT2611"
    assert (
        f'value="{order.number}"'
        not in english.get("/dashboard/payments/transfers/").content.decode()
    )


def test_a_product_sold_out_while_the_card_was_paid_is_refunded_not_ordered(
    english, products, stripe_settings, card_token, stripe_client, monkeypatch
):
    from shop.payments.gateway import StripeGateway

    refunds = []
    refund_create = StripeGateway.refund_create

    def refund_and_note(self, **kwargs):
        refunds.append(refund_create(self, **kwargs))
        return refunds[-1]

    monkeypatch.setattr(StripeGateway, "refund_create", refund_and_note)
    _page, attempt = _open_card_page(english, products)
    products[1].stockrecords.update(num_in_stock=0)

    answer = english.post("/checkout/card/pay/", {"token": card_token()}).json()

    assert "sold out" in answer["error"] and "refunded" in answer["error"]
    assert not Order.objects.exists()
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.Status.CANCELLED
    (refund_id,) = refunds
    refund = stripe_client.v1.refunds.retrieve(refund_id)
    assert refund.amount == int(attempt.amount) and refund.status == "succeeded"


def test_a_producer_suspended_while_the_card_was_paid_is_refunded_not_ordered(
    english, products, stripe_settings, card_token, monkeypatch
):
    from shop.payments.gateway import StripeGateway
    from vendors.models import Vendor

    refunds = []
    refund_create = StripeGateway.refund_create

    def refund_and_note(self, **kwargs):
        refunds.append(kwargs["amount"])
        return refund_create(self, **kwargs)

    monkeypatch.setattr(StripeGateway, "refund_create", refund_and_note)
    _page, attempt = _open_card_page(english, products)
    Vendor.objects.filter(pk=products[1].vendor_id).update(status=Vendor.Status.SUSPENDED)

    answer = english.post("/checkout/card/pay/", {"token": card_token()}).json()

    assert "no longer sold" in answer["error"] and "refunded" in answer["error"]
    assert products[1].title in answer["error"]
    assert not Order.objects.exists()
    assert refunds == [attempt.amount]
    stock = products[1].stockrecords.get()
    assert (stock.num_in_stock, stock.num_allocated or 0) == (10, 0)


def test_a_basket_changed_in_another_tab_after_the_card_page_is_refunded_not_ordered(
    english, products, stripe_settings, card_token, monkeypatch
):
    from shop.payments.gateway import StripeGateway

    refunds = []
    refund_create = StripeGateway.refund_create

    def refund_and_note(self, **kwargs):
        refunds.append(kwargs["amount"])
        return refund_create(self, **kwargs)

    monkeypatch.setattr(StripeGateway, "refund_create", refund_and_note)
    _page, attempt = _open_card_page(english, products)
    # Another tab adds a jar of honey once the card page has asked Stripe for its total.
    assert english.post(f"/basket/add/{products[1].pk}/", {"quantity": 1}).status_code == 302

    answer = english.post("/checkout/card/pay/", {"token": card_token()}).json()

    assert "basket changed" in answer["error"] and "refunded" in answer["error"]
    assert not Order.objects.exists()
    assert refunds == [attempt.amount]
    basket = Basket.objects.get(pk=attempt.basket_id)
    assert basket.status == Basket.OPEN and basket.num_items == 4
    # The card page asks Stripe for the new total, and that one places the order.
    assert english.get("/checkout/card/").status_code == 200
    answer = english.post("/checkout/card/pay/", {"token": card_token()}).json()
    assert "redirect" in answer
    assert Order.objects.get().total_incl_tax == attempt.amount + Decimal("120000")


def test_an_expired_transfer_with_a_parcel_already_shipped_cancels_the_rest(english, products):
    from shop.payments.tasks import expire_bank_transfers
    from vendors.fulfilment import fulfilment_mark_shipped

    checkout_to_payment(english, [(products[0], 1), (products[1], 1)], method="bank_transfer")
    order = Order.objects.get()
    shipped, waiting = Fulfilment.objects.filter(order=order).order_by("pk")
    fulfilment_mark_shipped(fulfilment=shipped, carrier="VNPost", tracking_code="EE123456789VN")
    Order.objects.filter(pk=order.pk).update(date_placed=order.date_placed - timedelta(days=30))

    assert expire_bank_transfers.delay().get() == [order.number]

    shipped.refresh_from_db()
    waiting.refresh_from_db()
    assert shipped.status == Fulfilment.Status.SHIPPED
    assert waiting.status == Fulfilment.Status.CANCELLED
