"""Oscar's shipping, forked: each producer ships its own parcel at its own rules."""

from oscar.apps.shipping import apps


class ShippingConfig(apps.ShippingConfig):
    name = "shop.shipping"
