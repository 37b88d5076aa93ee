"""Staff review of tourism partners, a dashboard app of its own (/dashboard/tourism-partners/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from vendors.dashboard.appconfig import DashboardAppConfig


class TourismDashboardConfig(DashboardAppConfig):
    name = "shop.tourism.dashboard"
    label = "tourism_dashboard"
    verbose_name = _("Tourism partners dashboard")

    # Deciding on a partner sets its commission: staff only, as every page here (the base's
    # default), so no page is named in `producer_pages`.

    def ready(self):
        super().ready()
        # Imported here: views import models, which are not ready while configs load.
        from shop.tourism.dashboard import views

        self.list_view = views.PartnerListView
        self.detail_view = views.PartnerDetailView

    def get_urls(self):
        urlpatterns = [
            path("", self.list_view.as_view(), name="tourism-partner-list"),
            path("<int:pk>/", self.detail_view.as_view(), name="tourism-partner-detail"),
        ]
        return self.post_process_urls(urlpatterns)
