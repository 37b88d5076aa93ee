"""URLs of the staff review of producers, under /dashboard/producers/."""

from django.urls import path

from vendors.dashboard import review

app_name = "producer-review"

urlpatterns = [
    path("", review.ProducerListView.as_view(), name="list"),
    path("<int:pk>/", review.ProducerDetailView.as_view(), name="detail"),
    path(
        "<int:pk>/approve/", review.ProducerDecisionView.as_view(action="approve"), name="approve"
    ),
    path("<int:pk>/reject/", review.ProducerDecisionView.as_view(action="reject"), name="reject"),
    path(
        "<int:pk>/suspend/", review.ProducerDecisionView.as_view(action="suspend"), name="suspend"
    ),
    path(
        "<int:pk>/reinstate/",
        review.ProducerDecisionView.as_view(action="reinstate"),
        name="reinstate",
    ),
    path(
        "<int:pk>/certificates/<int:certificate_pk>/scan/",
        review.CertificateScanView.as_view(),
        name="certificate-scan",
    ),
]
