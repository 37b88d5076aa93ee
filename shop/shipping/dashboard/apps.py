"""Dashboard app of a producer's shipping rules (Oscar's own shipping dashboard, for staff's
weight-based methods, keeps the label "shipping_dashboard")."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from vendors.dashboard.appconfig import DashboardAppConfig


class ProducerShippingDashboardConfig(DashboardAppConfig):
    label = "producer_shipping_dashboard"
    name = "shop.shipping.dashboard"
    verbose_name = _("Producer shipping dashboard")

    producer_pages = ("producer-shipping",)

    def get_urls(self):
        from shop.shipping.dashboard.views import ProducerShippingView

        urls = [path("", ProducerShippingView.as_view(), name="producer-shipping")]
        return self.post_process_urls(urls)
