"""The basket split into one parcel per producer, for the basket page and checkout preview."""

from django import template

from shop.shipping.selectors import Parcel, basket_parcels, method_parcels

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
