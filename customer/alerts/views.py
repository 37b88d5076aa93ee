"""Oscar's stock alert views, with the cancel link kept on this site."""

from django.utils.http import url_has_allowed_host_and_scheme
from oscar.apps.customer.alerts.views import *  # noqa: F403
from oscar.apps.customer.alerts.views import ProductAlertCancelView as OscarCancelView


class ProductAlertCancelView(OscarCancelView):
    def get_redirect_url(self, *args, **kwargs):
        # Oscar follows any `next`: a cancel link sent round with next=<another site> would
        # make this shop's address lead off-site.
        target = self.request.GET.get("next", "")
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return self.alert.product.get_absolute_url()
