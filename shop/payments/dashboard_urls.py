"""Staff pages of payments, under /dashboard/payments/."""

from django.urls import path

from shop.payments import dashboard

app_name = "payments-dashboard"

urlpatterns = [
    path("transfers/", dashboard.transfers, name="transfers"),
]
