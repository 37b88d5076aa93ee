"""Dashboard URLs of parcels and money: the producer's own area and the staff's payouts."""

from django.urls import path

from vendors.dashboard.ledger import PayoutCreateView, PayoutListView, ProducerLedgerView
from vendors.dashboard.orders import ProducerOrderDetailView, ProducerOrderListView

urlpatterns = [
    path("producer/orders/", ProducerOrderListView.as_view(), name="producer-orders"),
    path(
        "producer/orders/<int:pk>/",
        ProducerOrderDetailView.as_view(),
        name="producer-order-detail",
    ),
    path("producer/ledger/", ProducerLedgerView.as_view(), name="producer-ledger"),
    path(
        "producer/ledger.csv",
        ProducerLedgerView.as_view(as_csv=True),
        name="producer-ledger-csv",
    ),
    path("payouts/", PayoutListView.as_view(), name="staff-payouts"),
    path("payouts/<int:vendor_pk>/", PayoutCreateView.as_view(), name="staff-payout-create"),
]
