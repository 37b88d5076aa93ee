"""Dashboard home: Oscar's statistics for staff, a producer's own summary for its members."""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from oscar.apps.dashboard import views as oscar_views

from vendors.selectors import producer_overview, vendor_for_user


class IndexView(oscar_views.IndexView):
    def get_context_data(self, **kwargs):
        if self.request.user.is_staff:
            return super().get_context_data(**kwargs)
        # Oscar's statistics count every order and customer of the shop: not a producer's.
        context = TemplateView.get_context_data(self, **kwargs)
        vendor = vendor_for_user(user=self.request.user)
        if vendor is None:
            raise PermissionDenied
        context["overview"] = producer_overview(vendor=vendor)
        return context
