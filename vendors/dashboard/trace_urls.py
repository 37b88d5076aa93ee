"""URLs of the producer's batch and QR label pages, under /dashboard/producer/."""

from django.urls import path

from vendors.dashboard import trace

urlpatterns = [
    path("batches/", trace.BatchListView.as_view(), name="producer-batch-list"),
    path("batches/add/", trace.BatchCreateView.as_view(), name="producer-batch-create"),
    path("batches/<int:pk>/", trace.BatchUpdateView.as_view(), name="producer-batch-update"),
    path("batches/<int:pk>/delete/", trace.BatchDeleteView.as_view(), name="producer-batch-delete"),
    path("labels/", trace.LabelListView.as_view(), name="producer-labels"),
    path("labels/products.pdf", trace.ProductSheetView.as_view(), name="producer-label-sheet"),
    path(
        "labels/product/<int:pk>.png",
        trace.ProductQrView.as_view(),
        name="producer-label-product-png",
    ),
    path(
        "labels/product/<int:pk>/batches.pdf",
        trace.BatchSheetView.as_view(),
        name="producer-label-batch-sheet",
    ),
    path("labels/batch/<int:pk>.png", trace.BatchQrView.as_view(), name="producer-label-batch-png"),
]
