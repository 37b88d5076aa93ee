"""A card payment in progress (PaymentAttempt) and the Stripe events already handled."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentAttempt(models.Model):
    """One PaymentIntent for one basket, with what is needed to place its order without the
    buyer's session (the webhook may be the one to place it)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the card")
        SUCCEEDED = "succeeded", _("Paid")
        FAILED = "failed", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    intent_id = models.CharField(max_length=255, unique=True)
    amount = models.DecimalField(max_digits=14, decimal_places=0)
    currency = models.CharField(max_length=3, default="VND")
    # Reserved when the intent is created, so the browser and the webhook place one order.
    order_number = models.CharField(max_length=128, db_index=True)
    basket = models.ForeignKey(
        "basket.Basket", null=True, on_delete=models.SET_NULL, related_name="payment_attempts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    checkout_data = models.JSONField(default=dict)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    last_error = models.CharField(max_length=255, blank=True)
    order = models.ForeignKey(
        "order.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("card payment attempt")

    def __str__(self) -> str:
        return f"{self.intent_id} ({self.order_number}, {self.status})"


class StripeEvent(models.Model):
    """A webhook event Stripe sent: its id is unique, so a replay is recognised."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=64)
    intent_id = models.CharField(max_length=255, blank=True, db_index=True)
    received_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.event_id} {self.type}"
