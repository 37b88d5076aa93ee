"""Staff review of tourism partners, under /dashboard/tourism-partners/."""

from django.urls import path

from shop.partners import dashboard

app_name = "partner-review"

urlpatterns = [
    path("", dashboard.PartnerListView.as_view(), name="list"),
    path("<int:pk>/", dashboard.PartnerDetailView.as_view(), name="detail"),
]
