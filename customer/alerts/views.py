"""Oscar's stock alert views, with the cancel link kept on this site, and the "tell me when
the season opens" alert made with the same form."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from oscar.apps.customer.alerts.views import *  # noqa: F403
from oscar.apps.customer.alerts.views import ProductAlertCancelView as OscarCancelView
from oscar.apps.customer.alerts.views import ProductAlertCreateView

from catalogue.seasons import product_season_state
from catalogue.selectors import product_for_page, product_is_on_sale


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


class SeasonAlertCreateView(ProductAlertCreateView):
    """ "Tell me when the season opens": Oscar's alert form, for a product on sale whose
    harvest season is still to come; the alert is mailed by customer.season_alerts_send."""

    def post(self, request, *args, **kwargs):
        self.product = get_object_or_404(product_for_page(), pk=self.kwargs["pk"])
        listed = self.product.parent if self.product.is_child else self.product
        state = product_season_state(product=self.product, day=timezone.localdate())
        if not product_is_on_sale(product=listed) or state is None or not state.upcoming:
            messages.error(
                request,
                gettext("This product has no season to come: no season alert was set up."),
            )
            return redirect(self.product.get_absolute_url())
        # Oscar's post would load the product again: go straight to the form.
        return super(ProductAlertCreateView, self).post(request, *args, **kwargs)

    def form_valid(self, form):
        form.instance.kind = form.instance.SEASON
        return super().form_valid(form)
