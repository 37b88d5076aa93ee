"""Write side of payments: card attempts, Stripe webhook events, bank transfers confirmed or
expired. What follows the money (paid, cancelled) belongs to the order's lifecycle
(shop.orders.lifecycle), which these services call."""

import logging
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from shop.checkout.placement import OrderPlacementError, VoucherRefused, order_place
from shop.orders.lifecycle import order_cancel, order_payment_received
from shop.orders.selectors import order_due_now
from shop.orders.statuses import OrderStatus, PaymentMethod
from shop.payments import gateway as stripe_gateway
from shop.payments.models import PaymentAttempt, StripeEvent

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")


class PaymentError(Exception):
    """A payment that cannot go on; .message is translated and shown to the buyer as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BasketChangedWhilePaying(OrderPlacementError):
    def __init__(self):
        super().__init__(
            _(
                "Your basket changed while you were paying, so no order was placed. Check "
                "your basket and pay again."
            )
        )


# --- Placement ---------------------------------------------------------------------------


def _place(
    *, basket, user, checkout_data: dict, method: str, status: str, order_number=None, request=None
) -> "Order":
    return order_place(
        basket=basket,
        user=user,
        guest_email=checkout_data.get("guest_email", ""),
        shipping_address=checkout_data["shipping_address"],
        billing_address=checkout_data.get("billing_address"),
        payment_method=method,
        order_number=order_number,
        status=status,
        request=request,
    )


# --- Card --------------------------------------------------------------------------------


def card_attempt_for_basket(
    *, basket, user, amount: Decimal, order_number: str, checkout_data: dict
) -> PaymentAttempt:
    """The basket's waiting PaymentIntent for this amount, or a new one. A new amount (the
    basket changed) cancels the old intent so it can never be charged. A declined intent still
    waits for another card, and a page holding its client_secret could still pay it, so it
    is reused or cancelled like any other."""
    amount = Decimal(amount)
    order_number = str(order_number)
    with transaction.atomic():
        Basket.objects.select_for_update().filter(pk=basket.pk).first()
        waiting = list(
            PaymentAttempt.objects.select_for_update()
            .filter(
                basket=basket,
                status__in=[PaymentAttempt.Status.PENDING, PaymentAttempt.Status.FAILED],
            )
            .order_by("pk")
        )
        for attempt in waiting:
            if attempt.amount == amount and attempt.order_number == order_number:
                attempt.checkout_data = checkout_data
                attempt.user = user if getattr(user, "pk", None) else None
                attempt.save(update_fields=["checkout_data", "user", "updated_at"])
                return attempt
        client = stripe_gateway.gateway()
        for attempt in waiting:
            _intent_cancel_quietly(client, attempt)
        tries = PaymentAttempt.objects.filter(order_number=order_number).count()
        intent = client.payment_intent_create(
            email=checkout_data.get("guest_email") or getattr(user, "email", "") or "",
            amount=amount,
            order_number=order_number,
            idempotency_key=f"order-{order_number}-{amount}-{tries}",
        )
        return PaymentAttempt.objects.create(
            intent_id=intent.id,
            amount=amount,
            order_number=order_number,
            basket=basket,
            user=user if getattr(user, "pk", None) else None,
            checkout_data=checkout_data,
        )


def _intent_cancel_quietly(client, attempt: PaymentAttempt) -> None:
    try:
        client.payment_intent_cancel(intent_id=attempt.intent_id)
    except stripe_gateway.StripeError as error:
        # Already paid or already cancelled: the webhook decides what happens to it.
        logger.warning("PaymentIntent %s not cancelled: %s", attempt.intent_id, error)
        return
    attempt.status = PaymentAttempt.Status.CANCELLED
    attempt.save(update_fields=["status", "updated_at"])


def card_client_secret(*, attempt: PaymentAttempt) -> str:
    """What Stripe.js needs to confirm the attempt's intent in the buyer's browser. Asked of
    Stripe each time rather than stored: it is a secret of that one buyer's page."""
    intent = stripe_gateway.gateway().payment_intent_retrieve(intent_id=attempt.intent_id)
    return intent.client_secret


def card_payment_finish(*, attempt: PaymentAttempt, intent_id: str, request=None) -> "Order":
    """The browser says Stripe.js confirmed `intent_id`: believe Stripe, not the browser. An
    id that is not this checkout's intent is refused before anything is asked or written."""
    if intent_id != attempt.intent_id:
        logger.warning(
            "Card payment for %s reported with another intent %r: refused",
            attempt.intent_id,
            intent_id[:64],
        )
        raise PaymentError(
            _(
                "This payment does not belong to your order. Nothing was changed: reload the "
                "card page and pay again."
            )
        )
    return card_payment_complete(attempt=attempt, request=request)


def card_payment_confirm(*, attempt: PaymentAttempt, card_token: str):
    """Send the card the browser tokenised to Stripe. Returns the intent (it may ask for
    3-D Secure); a declined card raises PaymentError and the buyer may try another."""
    if attempt.order_id or attempt.status == PaymentAttempt.Status.SUCCEEDED:
        return stripe_gateway.gateway().payment_intent_retrieve(intent_id=attempt.intent_id)
    try:
        intent = stripe_gateway.gateway().payment_intent_confirm_card(
            intent_id=attempt.intent_id, card_token=card_token
        )
    except stripe_gateway.CardError as error:
        logger.info("Card declined for %s: %s", attempt.intent_id, error.user_message)
        _attempt_failed(attempt.pk, error.user_message or "")
        raise PaymentError(
            _("Your card was declined. No money was taken: try another card.")
        ) from error
    except stripe_gateway.StripeError as error:
        current = stripe_gateway.gateway().payment_intent_retrieve(intent_id=attempt.intent_id)
        if current.status in ("succeeded", "requires_action", "processing"):
            # A second click while the first was on its way: go on with the first.
            return current
        if current.status == "canceled":
            # Cancelled on Stripe when the basket changed, though the attempt stayed waiting
            # (Stripe failed right after): the next card page makes a new intent.
            PaymentAttempt.objects.filter(pk=attempt.pk).update(
                status=PaymentAttempt.Status.CANCELLED, updated_at=timezone.now()
            )
            raise PaymentError(
                _("This payment page has expired. Please go back to your basket.")
            ) from error
        logger.warning("Stripe refused to confirm %s: %s", attempt.intent_id, error)
        raise PaymentError(
            _("The card payment could not be started. No money was taken: please try again.")
        ) from error
    return intent


def _attempt_failed(attempt_id: int, message: str) -> None:
    PaymentAttempt.objects.filter(pk=attempt_id, status=PaymentAttempt.Status.PENDING).update(
        status=PaymentAttempt.Status.FAILED, last_error=message[:255], updated_at=timezone.now()
    )


def card_payment_complete(*, attempt: PaymentAttempt, request=None) -> "Order":
    """Place the order of an intent Stripe says succeeded, for the amount and currency
    asked. The browser and the webhook both end here; the second finds the order placed."""
    with transaction.atomic():
        attempt = PaymentAttempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.order_id:
            return attempt.order
        intent = stripe_gateway.gateway().payment_intent_retrieve(intent_id=attempt.intent_id)
        if intent.order_number and intent.order_number != attempt.order_number:
            # Our record points at an intent Stripe made for another order: never place on it.
            logger.error(
                "PaymentIntent %s belongs to order %s, not %s: not placed",
                intent.id,
                intent.order_number[:64],
                attempt.order_number,
            )
            raise PaymentError(
                _(
                    "This payment does not belong to your order. No order was placed: please "
                    "contact us."
                )
            )
        if not intent.succeeded:
            if intent.status == "requires_payment_method" and intent.error_message:
                # Recorded by the payment_failed webhook; the buyer may try another card.
                raise PaymentError(
                    _("Your card was declined. No money was taken: try another card.")
                )
            raise PaymentError(
                _("The card payment is not complete. No order was placed and no money taken.")
            )
        if intent.amount != attempt.amount or intent.currency != stripe_gateway.CURRENCY:
            logger.error(
                "PaymentIntent %s paid %s %s, the order asked %s VND: not placed",
                intent.id,
                intent.amount,
                intent.currency,
                attempt.amount,
            )
            raise PaymentError(
                _(
                    "The amount paid does not match the order total. No order was placed: "
                    "please contact us so we can refund you."
                )
            )
        basket = Basket.objects.filter(pk=attempt.basket_id).first()
        if basket is None:
            raise PaymentError(_("Your basket is no longer available. Please contact us."))
        # The webhook has no request, so no basket middleware to give the basket its prices.
        basket.strategy = Selector().strategy(request=request, user=attempt.user)
        failure = None
        try:
            with transaction.atomic():
                order = _place(
                    basket=basket,
                    user=attempt.user,
                    checkout_data=attempt.checkout_data,
                    method=PaymentMethod.CARD,
                    status=OrderStatus.PAID,
                    order_number=attempt.order_number,
                    request=request,
                )
                if order_due_now(order=order) != intent.amount:
                    # The basket changed (another tab) after the card page asked its amount:
                    # an order is never placed for more or less than the money taken.
                    raise BasketChangedWhilePaying()
        except OrderPlacementError as error:
            if isinstance(error, VoucherRefused):
                # Taken off here, outside the rolled back block, as the placement does for
                # the other payment methods: the next attempt is priced without the code.
                basket.vouchers.remove(*error.voucher_ids)
            # Sold out or changed while the card was being paid: the money goes straight back.
            stripe_gateway.gateway().refund_create(
                intent_id=intent.id,
                amount=intent.amount,
                idempotency_key=f"refund-unplaced-{intent.id}",
            )
            attempt.status = PaymentAttempt.Status.CANCELLED
            attempt.last_error = error.message[:255]
            attempt.save(update_fields=["status", "last_error", "updated_at"])
            logger.warning("PaymentIntent %s refunded: %s", intent.id, error.message)
            refunded = _("Your payment has been refunded.")
            # Raised after the block, so the refunded attempt is kept.
            failure = PaymentError(f"{error.message} {refunded}")
        else:
            order_payment_received(
                order=order, method=PaymentMethod.CARD, amount=intent.amount, reference=intent.id
            )
            attempt.order = order
            attempt.status = PaymentAttempt.Status.SUCCEEDED
            attempt.last_error = ""
            attempt.save(update_fields=["order", "status", "last_error", "updated_at"])
    if failure is not None:
        raise failure
    return order


# --- Webhook -----------------------------------------------------------------------------


def stripe_event_handle(*, payload: bytes, signature: str) -> str:
    """Verify, record and handle one webhook delivery; returns what was done. A bad
    signature raises SignatureVerificationError (or ValueError) before anything is written;
    an event already recorded is not handled again."""
    event = stripe_gateway.gateway().webhook_event(payload=payload, signature=signature)
    event_id, event_type = event.get("id"), event.get("type")
    data = event.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    obj = obj if isinstance(obj, dict) else None
    if not event_id or not isinstance(event_id, str) or not isinstance(event_type, str) or not obj:
        # Signed, so from Stripe, but not an event: nothing to record or handle.
        raise ValueError("The webhook body is not a Stripe event")
    is_intent = obj.get("object") == "payment_intent"
    intent_id = str(obj.get("id") or "") if is_intent else ""
    try:
        with transaction.atomic():
            record = StripeEvent.objects.create(
                event_id=event_id[:255], type=event_type[:64], intent_id=intent_id[:255]
            )
    except IntegrityError:
        logger.info("Stripe event %s already handled", event_id)
        return "duplicate"
    try:
        outcome = _stripe_event_outcome(event_type=event_type, obj=obj, intent_id=intent_id)
    except stripe_gateway.StripeError:
        # Stripe could not be asked about the intent (down, or erring): forget the event, so
        # the delivery Stripe retries is handled instead of being taken for a duplicate.
        record.delete()
        raise
    record.outcome = outcome[:255]
    record.save(update_fields=["outcome"])
    return outcome


def _stripe_event_outcome(*, event_type: str, obj, intent_id: str) -> str:
    outcome = "ignored"
    attempt = PaymentAttempt.objects.filter(intent_id=intent_id).first() if intent_id else None
    if event_type == "payment_intent.succeeded" and attempt is not None:
        try:
            order = card_payment_complete(attempt=attempt)
            outcome = f"order {order.number}"
        except PaymentError as error:
            outcome = f"refused: {error.message}"
        except stripe_gateway.StripeError:
            raise
        except Exception as error:  # noqa: BLE001
            # The order could not be placed (sold out meanwhile...): the money must go back
            # by hand, so say so loudly; Stripe need not retry.
            logger.exception("Paid PaymentIntent %s has no order", intent_id)
            outcome = f"not placed: {error}"
    elif event_type == "payment_intent.payment_failed" and attempt is not None:
        error = obj.get("last_payment_error")
        message = (error.get("message") if isinstance(error, dict) else "") or ""
        # A late failure after a success (out of order) changes nothing: only waiting ones.
        _attempt_failed(attempt.pk, str(message))
        outcome = "failure recorded"
    return outcome


# --- Bank transfers ----------------------------------------------------------------------


def bank_transfer_confirm(*, number: str, reference: str) -> "Order":
    """Staff saw the order's transfer on the bank statement: the order is paid its total.
    Raises PaymentError, changing nothing, when the reference is empty or the order is not
    awaiting a transfer (a second click, an order already paid, expired or paid otherwise)."""
    reference = reference.strip()
    if not reference:
        raise PaymentError(_("Enter the reference shown on the bank statement."))
    with transaction.atomic():
        order = Order.objects.select_for_update().filter(number=number).first()
        if order is None or order.status != OrderStatus.AWAITING_TRANSFER:
            raise PaymentError(
                _(
                    "Order %(number)s is not waiting for a bank transfer: it may already be "
                    "marked paid or cancelled."
                )
                % {"number": number[:64]}
            )
        order_payment_received(
            order=order,
            method=PaymentMethod.BANK_TRANSFER,
            amount=order_due_now(order=order),
            reference=reference,
        )
    return order


def bank_transfers_expire(*, now=None) -> list[str]:
    """Cancel orders whose transfer did not arrive in time; returns their numbers."""
    now = now or timezone.now()
    cutoff = now - timedelta(hours=settings.PAYMENT_TRANSFER_EXPIRY_HOURS)
    expired = []
    for order in Order.objects.filter(
        status=OrderStatus.AWAITING_TRANSFER, date_placed__lt=cutoff
    ).order_by("pk"):
        with transaction.atomic():
            locked = Order.objects.select_for_update().get(pk=order.pk)
            if locked.status != OrderStatus.AWAITING_TRANSFER:
                continue
            order_cancel(
                order=locked,
                reason=_("The bank transfer did not arrive within %(hours)s hours.")
                % {"hours": settings.PAYMENT_TRANSFER_EXPIRY_HOURS},
            )
        expired.append(order.number)
    if expired:
        logger.info("Unpaid bank transfers expired: %s", ", ".join(expired))
    return expired
