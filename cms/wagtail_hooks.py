"""Wagtail admin registrations: the product and producer choosers used by story blocks."""

from wagtail import hooks

from cms.choosers import producer_chooser_viewset, product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_product_chooser():
    return product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_producer_chooser():
    return producer_chooser_viewset
