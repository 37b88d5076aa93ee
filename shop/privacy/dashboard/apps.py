"""Dashboard app of personal data: staff copy or erase a buyer's data on request. Staff only
(the app declares no producer's page), so a producer gets 403 like any other non-staff."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from vendors.dashboard.appconfig import DashboardAppConfig


class PrivacyDashboardConfig(DashboardAppConfig):
    label = "privacy_dashboard"
    name = "shop.privacy.dashboard"
    verbose_name = _("Personal data dashboard")

    def get_urls(self):
        from shop.privacy.dashboard import views

        urls = [
            path("", views.requests_page, name="privacy-requests"),
            path("<int:user_id>/export/", views.account_export, name="privacy-export"),
            path("<int:user_id>/erase/", views.account_erase_page, name="privacy-erase"),
        ]
        return self.post_process_urls(urls)
