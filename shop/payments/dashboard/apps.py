"""Dashboard app of payments: the staff's page of bank transfers awaited."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig


class PaymentsDashboardConfig(OscarDashboardConfig):
    label = "payments_dashboard"
    name = "shop.payments.dashboard"
    verbose_name = _("Payments dashboard")

    def configure_permissions(self):
        from vendors.dashboard.access import STAFF

        self.default_permissions = STAFF

    def ready(self):
        self.configure_permissions()

    def get_urls(self):
        from shop.payments.dashboard import views

        urls = [path("transfers/", views.transfers, name="payments-transfers")]
        return self.post_process_urls(urls)
