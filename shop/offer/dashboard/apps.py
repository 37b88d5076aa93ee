"""Dashboard app of a producer's own voucher codes (staff's are Oscar's offer and voucher
dashboards)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from vendors.dashboard.appconfig import DashboardAppConfig


class ProducerVouchersDashboardConfig(DashboardAppConfig):
    label = "producer_vouchers_dashboard"
    name = "shop.offer.dashboard"
    verbose_name = _("Producer vouchers dashboard")

    producer_pages = ("producer-voucher-list", "producer-voucher-end")

    def get_urls(self):
        from shop.offer.dashboard.views import ProducerVoucherEndView, ProducerVouchersView

        urls = [
            path("", ProducerVouchersView.as_view(), name="producer-voucher-list"),
            path("<int:pk>/end/", ProducerVoucherEndView.as_view(), name="producer-voucher-end"),
        ]
        return self.post_process_urls(urls)
