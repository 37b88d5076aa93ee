"""Dashboard app of producers: a producer's parcels and ledger (its own data only), and the
staff's review of producers and payouts to them."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from vendors.dashboard.appconfig import DashboardAppConfig


class VendorsDashboardConfig(DashboardAppConfig):
    label = "vendors_dashboard"
    name = "vendors.dashboard"
    verbose_name = _("Producers dashboard")

    producer_pages = (
        "producer-orders",
        "producer-order-detail",
        "producer-ledger",
        "producer-ledger-csv",
        "producer-preorders",
        "producer-preorder-edit",
    )

    def get_urls(self):
        from vendors.dashboard import ledger, orders, preorders, review

        decision = review.ProducerDecisionView.as_view
        urls = [
            # A producer's own area.
            path(
                "producer/orders/", orders.ProducerOrderListView.as_view(), name="producer-orders"
            ),
            path(
                "producer/orders/<int:pk>/",
                orders.ProducerOrderDetailView.as_view(),
                name="producer-order-detail",
            ),
            path("producer/ledger/", ledger.ProducerLedgerView.as_view(), name="producer-ledger"),
            path(
                "producer/ledger.csv",
                ledger.ProducerLedgerView.as_view(as_csv=True),
                name="producer-ledger-csv",
            ),
            path(
                "producer/preorders/",
                preorders.ProducerPreorderListView.as_view(),
                name="producer-preorders",
            ),
            path(
                "producer/preorders/<int:pk>/",
                preorders.ProducerPreorderEditView.as_view(),
                name="producer-preorder-edit",
            ),
            # Staff: payouts and the review of producers.
            path("payouts/", ledger.PayoutListView.as_view(), name="staff-payouts"),
            path(
                "payouts/<int:vendor_pk>/",
                ledger.PayoutCreateView.as_view(),
                name="staff-payout-create",
            ),
            path("producers/", review.ProducerListView.as_view(), name="producer-review-list"),
            path(
                "producers/<int:pk>/",
                review.ProducerDetailView.as_view(),
                name="producer-review-detail",
            ),
            path(
                "producers/<int:pk>/approve/",
                decision(action="approve"),
                name="producer-review-approve",
            ),
            path(
                "producers/<int:pk>/reject/",
                decision(action="reject"),
                name="producer-review-reject",
            ),
            path(
                "producers/<int:pk>/suspend/",
                decision(action="suspend"),
                name="producer-review-suspend",
            ),
            path(
                "producers/<int:pk>/reinstate/",
                decision(action="reinstate"),
                name="producer-review-reinstate",
            ),
            path(
                "producers/<int:pk>/certificates/<int:certificate_pk>/scan/",
                review.CertificateScanView.as_view(),
                name="producer-review-certificate-scan",
            ),
        ]
        return self.post_process_urls(urls)
