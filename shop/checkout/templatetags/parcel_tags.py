"""The basket split into one parcel per producer, for the basket page and checkout preview."""

from decimal import Decimal

from django import template

from shop.shipping.selectors import (
    Parcel,
    basket_due_now,
    basket_has_preorders,
    basket_parcels,
    method_parcels,
)
from vendors.preorders import ship_date_label

register = template.Library()


@register.simple_tag(takes_context=True)
def parcels_of(context, basket) -> list[Parcel]:
    if basket is None or basket.is_empty:
        return []
    # Oscar's basket and checkout pages priced the basket with a shipping method: show the
    # parcels it split the basket into, not a second split.
    method = context.get("shipping_method")
    if method is not None:
        return method_parcels(method=method, basket=basket)
    return basket_parcels(basket=basket)


@register.simple_tag
def due_now_of(parcels) -> dict:
    """What the buyer pays now and on delivery, when the basket holds pre-orders."""
    now = basket_due_now(parcels=parcels)
    total = sum((parcel.total for parcel in parcels), Decimal("0"))
    return {
        "has_preorders": basket_has_preorders(parcels=parcels),
        "now": now,
        "later": total - now,
    }


@register.filter
def ship_date(day) -> str:
    """A pre-order's ship-from date, as the language writes it ("15/07", "15 July")."""
    return ship_date_label(day) if day else ""
