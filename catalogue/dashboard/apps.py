"""Dashboard app of the OCOP side of the catalogue: certificates (a producer's own, and the
staff's checks), a producer's batches and QR labels and its answers to buyers' reviews, and
staff taking a listing off sale."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from vendors.dashboard.appconfig import DashboardAppConfig


class OcopCatalogueDashboardConfig(DashboardAppConfig):
    # Oscar's own catalogue dashboard holds "catalogue_dashboard"; this one sits beside it.
    label = "ocop_catalogue_dashboard"
    name = "catalogue.dashboard"
    verbose_name = _("OCOP catalogue dashboard")

    producer_pages = (
        "producer-certificate-list",
        "producer-certificate-add",
        "producer-certificate-detail",
        "producer-certificate-scan",
        "producer-batch-list",
        "producer-batch-create",
        "producer-batch-update",
        "producer-batch-delete",
        "producer-labels",
        "producer-label-sheet",
        "producer-label-product-png",
        "producer-label-batch-sheet",
        "producer-label-batch-png",
        "producer-buyer-reviews",
        "producer-buyer-review-answer",
    )

    def get_urls(self):
        from catalogue.dashboard import moderation, reviews, trace, views

        urls = [
            # A producer's certificates, batches and labels.
            path(
                "producer/certificates/",
                views.ProducerCertificateListView.as_view(),
                name="producer-certificate-list",
            ),
            path(
                "producer/certificates/add/",
                views.ProducerCertificateAddView.as_view(),
                name="producer-certificate-add",
            ),
            path(
                "producer/certificates/<int:pk>/",
                views.ProducerCertificateDetailView.as_view(),
                name="producer-certificate-detail",
            ),
            path(
                "producer/certificates/<int:pk>/scan/",
                views.ProducerCertificateScanView.as_view(),
                name="producer-certificate-scan",
            ),
            path("producer/batches/", trace.BatchListView.as_view(), name="producer-batch-list"),
            path(
                "producer/batches/add/",
                trace.BatchCreateView.as_view(),
                name="producer-batch-create",
            ),
            path(
                "producer/batches/<int:pk>/",
                trace.BatchUpdateView.as_view(),
                name="producer-batch-update",
            ),
            path(
                "producer/batches/<int:pk>/delete/",
                trace.BatchDeleteView.as_view(),
                name="producer-batch-delete",
            ),
            path("producer/labels/", trace.LabelListView.as_view(), name="producer-labels"),
            path(
                "producer/labels/products.pdf",
                trace.ProductSheetView.as_view(),
                name="producer-label-sheet",
            ),
            path(
                "producer/labels/product/<int:pk>.png",
                trace.ProductQrView.as_view(),
                name="producer-label-product-png",
            ),
            path(
                "producer/labels/product/<int:pk>/batches.pdf",
                trace.BatchSheetView.as_view(),
                name="producer-label-batch-sheet",
            ),
            path(
                "producer/labels/batch/<int:pk>.png",
                trace.BatchQrView.as_view(),
                name="producer-label-batch-png",
            ),
            # A producer's buyer reviews and its public answers.
            path(
                "producer/buyer-reviews/",
                reviews.ProducerReviewListView.as_view(),
                name="producer-buyer-reviews",
            ),
            path(
                "producer/buyer-reviews/<int:pk>/answer/",
                reviews.ProducerReviewAnswerView.as_view(),
                name="producer-buyer-review-answer",
            ),
            # Staff: certificates across producers, and listings taken off sale.
            path(
                "certificates/",
                views.StaffCertificateListView.as_view(),
                name="staff-certificate-list",
            ),
            path(
                "certificates/<int:pk>/revoke/",
                views.StaffCertificateRevokeView.as_view(),
                name="staff-certificate-revoke",
            ),
            path(
                "certificates/<int:pk>/verify/",
                views.StaffCertificateVerifyView.as_view(),
                name="staff-certificate-verify",
            ),
            path(
                "certificates/<int:pk>/reject/",
                views.StaffCertificateRejectView.as_view(),
                name="staff-certificate-reject",
            ),
            path(
                "certificates/<int:pk>/scan/",
                views.StaffCertificateScanView.as_view(),
                name="staff-certificate-scan",
            ),
            path(
                "catalogue/products/<int:pk>/hide/",
                moderation.ProductHideView.as_view(),
                name="catalogue-product-hide",
            ),
            path(
                "catalogue/products/<int:pk>/show/",
                moderation.ProductShowView.as_view(),
                name="catalogue-product-show",
            ),
        ]
        return self.post_process_urls(urls)
