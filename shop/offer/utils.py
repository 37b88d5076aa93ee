"""Oscar's offer utilities, with the rounding of discounts to whole đồng."""

from decimal import Decimal

from oscar.apps.offer.utils import *  # noqa: F403

from shop.money import round_dong


def discount_round(amount: Decimal, currency: str | None = None) -> Decimal:
    """A discount in whole đồng (OSCAR_OFFER_ROUNDING_FUNCTION): VND has no minor unit."""
    return round_dong(amount)
