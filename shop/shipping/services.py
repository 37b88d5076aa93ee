"""Writes of shipping: a producer's own shipping rule."""

from decimal import Decimal

from django.db import transaction

from shop.shipping.models import ProducerShippingRule
from vendors.models import Vendor


@transaction.atomic
def producer_shipping_rule_set(
    *,
    vendor: Vendor,
    base_fee: Decimal,
    fee_per_kg: Decimal = Decimal("0"),
    free_above: Decimal | None = None,
    days_min: int,
    days_max: int,
) -> ProducerShippingRule:
    """Create or replace the producer's rule; ValidationError (nothing saved) if it does not
    hold together. Baskets show the new fees at once; placed orders keep theirs."""
    rule = ProducerShippingRule.objects.select_for_update().filter(vendor=vendor).first()
    rule = rule or ProducerShippingRule(vendor=vendor)
    rule.base_fee = base_fee
    rule.fee_per_kg = fee_per_kg
    rule.free_above = free_above
    rule.days_min = days_min
    rule.days_max = days_max
    rule.full_clean()
    rule.save()
    return rule
