"""The basket split into one parcel per producer, for the basket page and checkout preview."""

from django import template

from shop.shipping.selectors import Parcel, basket_parcels

register = template.Library()


@register.simple_tag
def parcels_of(basket) -> list[Parcel]:
    if basket is None or basket.is_empty:
        return []
    return basket_parcels(basket=basket)
