"""Dashboard app of a producer's wholesale tiers (its own products only)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from vendors.dashboard.appconfig import DashboardAppConfig


class WholesaleDashboardConfig(DashboardAppConfig):
    label = "wholesale_dashboard"
    name = "shop.wholesale.dashboard"
    verbose_name = _("Wholesale dashboard")

    producer_pages = ("producer-wholesale-list", "producer-wholesale-edit")

    def get_urls(self):
        from shop.wholesale.dashboard.views import WholesaleListView, WholesaleTiersView

        urls = [
            path("", WholesaleListView.as_view(), name="producer-wholesale-list"),
            path("<int:pk>/", WholesaleTiersView.as_view(), name="producer-wholesale-edit"),
        ]
        return self.post_process_urls(urls)
