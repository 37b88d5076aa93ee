from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    """No models: Oscar's order app keeps the orders. This app listens to the parcels and to
    status changes made on Oscar's dashboard, so they go through the same lifecycle."""

    name = "shop.orders"
    label = "shop_orders"
    verbose_name = _("Order lifecycle")

    def ready(self):
        from shop.orders import receivers  # noqa: F401
