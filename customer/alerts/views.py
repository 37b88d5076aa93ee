"""Oscar's stock alert views: the language an alert is asked in is kept for its mail; the
links mailed to a guest (confirm, cancel) act only on the button of the page they open; the
"tell me when the season opens" alert is made with the same form."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from oscar.apps.customer.alerts.views import *  # noqa: F403
from oscar.apps.customer.alerts.views import ProductAlertCancelView as OscarCancelView
from oscar.apps.customer.alerts.views import ProductAlertConfirmView as OscarConfirmView
from oscar.apps.customer.alerts.views import ProductAlertCreateView as OscarCreateView
from oscar.core.loading import get_model

from catalogue.seasons import product_season_state
from catalogue.selectors import product_for_page, product_is_on_sale

ProductAlert = get_model("customer", "ProductAlert")


class ProductAlertCreateView(OscarCreateView):
    def form_valid(self, form):
        # The mail goes out later from a worker: it is written in the language asked in.
        language = translation.get_language() or ""
        if language in dict(settings.LANGUAGES):
            form.instance.language = language
        return super().form_valid(form)


class _ActOnPost:
    """A link opened by GET shows what it would do and a button; the button's POST acts (as
    Oscar's view did on GET). Mail scanners and link previews open links: they must not
    confirm or cancel anything. An unknown key gets a page saying so, not a bare 404."""

    template_name = "customer/alerts/link_confirm.html"
    action = ""

    def _alert(self, request, kwargs):
        if "key" in kwargs:
            return ProductAlert.objects.select_related("product").filter(key=kwargs["key"]).first()
        if "pk" in kwargs and request.user.is_authenticated:
            return (
                ProductAlert.objects.select_related("product")
                .filter(user=request.user, pk=kwargs["pk"])
                .first()
            )
        raise Http404

    def _page(self, request, alert, status=200):
        response = TemplateResponse(
            request, self.template_name, {"alert": alert, "action": self.action}, status=status
        )
        # The key is the address: it must stay out of caches and of other sites' logs.
        add_never_cache_headers(response)
        response["Referrer-Policy"] = "no-referrer"
        return response

    def get(self, request, *args, **kwargs):
        alert = self._alert(request, kwargs)
        return self._page(request, alert, status=200 if alert else 404)

    def post(self, request, *args, **kwargs):
        alert = self._alert(request, kwargs)
        if alert is None:
            return self._page(request, None, status=404)
        return super().get(request, *args, **kwargs)


class ProductAlertConfirmView(_ActOnPost, OscarConfirmView):
    action = "confirm"


class ProductAlertCancelView(_ActOnPost, OscarCancelView):
    action = "cancel"

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
        return super(OscarCreateView, self).post(request, *args, **kwargs)

    def form_valid(self, form):
        form.instance.kind = form.instance.SEASON
        return super().form_valid(form)
