"""URLs of the certificate pages, included under /dashboard/ before Oscar's dashboard."""

from django.urls import path

from catalogue.dashboard import views

urlpatterns = [
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
        "certificates/<int:pk>/scan/",
        views.StaffCertificateScanView.as_view(),
        name="staff-certificate-scan",
    ),
]
