"""Shipping rules of a producer; Oscar's own shipping models follow unchanged."""

import math
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProducerShippingRule(models.Model):
    """How much one producer's parcel costs and how long it takes.

    One rule covers the three ways producers price parcels: a flat fee (`base_fee`), a fee
    growing with the parcel's weight (`fee_per_kg`, per started kilogram) and free shipping
    once the goods reach an amount (`free_above`). A producer without a rule charges the
    shop's default, the fields' defaults (`default_rule()`).
    """

    vendor = models.OneToOneField(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        related_name="shipping_rule",
        verbose_name=_("producer"),
    )
    base_fee = models.DecimalField(
        _("fee per parcel"),
        max_digits=10,
        decimal_places=0,
        default=Decimal("30000"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Charged for every parcel, in đồng."),
    )
    fee_per_kg = models.DecimalField(
        _("fee per kilogram"),
        max_digits=10,
        decimal_places=0,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Added for every started kilogram of the parcel; 0 for a flat fee."),
    )
    free_above = models.DecimalField(
        _("free shipping from"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Goods of this amount or more ship free; empty: never free."),
    )
    days_min = models.PositiveSmallIntegerField(
        _("delivery from (days)"), default=3, validators=[MaxValueValidator(60)]
    )
    days_max = models.PositiveSmallIntegerField(
        _("delivery up to (days)"), default=6, validators=[MaxValueValidator(60)]
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("producer shipping rule")
        verbose_name_plural = _("producer shipping rules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(days_min__lte=models.F("days_max")),
                name="shipping_rule_days_in_order",
            ),
        ]

    def __str__(self) -> str:
        return str(self.vendor)

    def clean(self) -> None:
        if (
            self.days_min is not None
            and self.days_max is not None
            and self.days_min > self.days_max
        ):
            raise ValidationError(
                {"days_max": _("The longest delivery time cannot be shorter than the shortest.")}
            )

    def fee_for(self, *, goods: Decimal, weight_kg: Decimal) -> Decimal:
        """The parcel's fee in whole đồng for goods of this value and weight."""
        if self.free_above is not None and goods >= self.free_above:
            return Decimal("0")
        kilograms = math.ceil(weight_kg) if weight_kg > 0 else 0
        return Decimal(self.base_fee) + Decimal(self.fee_per_kg) * kilograms


def default_rule() -> ProducerShippingRule:
    """The rule of producers who have not set theirs: a flat fee and a common delivery time."""
    return ProducerShippingRule()


from oscar.apps.shipping.models import *  # noqa: E402, F403
