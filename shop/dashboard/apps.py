"""Oscar's dashboard, forked: every dashboard page is reached through its `get_urls()`.

Oscar's own sub-apps keep their paths; each area of ours is a dashboard app with its own
permissions (vendors.dashboard, catalogue.dashboard, shop.payments.dashboard,
shop.shipping.dashboard, shop.tourism.dashboard, shop.offer.dashboard,
shop.privacy.dashboard, shop.wholesale.dashboard), included here at paths
that overlap none of Oscar's, so no URL depends on the order of the list.
"""

import oscar.apps.dashboard.apps as apps
from django.apps import apps as registry
from django.urls import include, path


class DashboardConfig(apps.DashboardConfig):
    name = "shop.dashboard"

    def ready(self):
        super().ready()
        self.vendors_app = registry.get_app_config("vendors_dashboard")
        self.ocop_catalogue_app = registry.get_app_config("ocop_catalogue_dashboard")
        self.payments_app = registry.get_app_config("payments_dashboard")
        self.producer_shipping_app = registry.get_app_config("producer_shipping_dashboard")
        self.tourism_app = registry.get_app_config("tourism_dashboard")
        self.producer_vouchers_app = registry.get_app_config("producer_vouchers_dashboard")
        self.privacy_app = registry.get_app_config("privacy_dashboard")
        self.wholesale_app = registry.get_app_config("wholesale_dashboard")

    def get_urls(self):
        return super().get_urls() + [
            path("", include(self.vendors_app.urls[0])),
            path("", include(self.ocop_catalogue_app.urls[0])),
            path("payments/", include(self.payments_app.urls[0])),
            path("producer/shipping/", include(self.producer_shipping_app.urls[0])),
            path("tourism-partners/", include(self.tourism_app.urls[0])),
            path("producer/vouchers/", include(self.producer_vouchers_app.urls[0])),
            path("personal-data/", include(self.privacy_app.urls[0])),
            path("producer/wholesale/", include(self.wholesale_app.urls[0])),
        ]
