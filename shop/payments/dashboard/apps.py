"""Dashboard app of payments: the staff's page of bank transfers awaited."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from vendors.dashboard.appconfig import DashboardAppConfig


class PaymentsDashboardConfig(DashboardAppConfig):
    label = "payments_dashboard"
    name = "shop.payments.dashboard"
    verbose_name = _("Payments dashboard")

    def get_urls(self):
        from shop.payments.dashboard import views

        urls = [path("transfers/", views.transfers, name="payments-transfers")]
        return self.post_process_urls(urls)
