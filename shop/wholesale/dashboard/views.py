"""A producer's wholesale tiers: its products with their tiers, and a form per product."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from catalogue.models import Product
from shop.wholesale.forms import TierFormSet
from shop.wholesale.selectors import (
    product_for_wholesale,
    products_for_wholesale,
    retail_price,
)
from shop.wholesale.services import wholesale_tiers_set
from vendors.dashboard.access import ProducerScopeMixin


class WholesaleListView(ProducerScopeMixin, TemplateView):
    template_name = "wholesale/dashboard/product_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            vendor=self.vendor, rows=products_for_wholesale(vendor=self.vendor), **kwargs
        )


class WholesaleTiersView(ProducerScopeMixin, TemplateView):
    """GET shows the product's tiers in a form; POST replaces them (all empty: none)."""

    template_name = "wholesale/dashboard/tiers_form.html"
    http_method_names = ["get", "post"]

    def _row(self, pk: int):
        row = product_for_wholesale(vendor=self.vendor, product_id=pk)
        if row is None:
            # Another producer's product, or none: the same answer, nothing told.
            raise Http404
        return row

    def get(self, request, pk: int):
        product, tiers = self._row(pk)
        formset = TierFormSet(
            initial=[{"min_quantity": t.min_quantity, "price": t.price} for t in tiers]
        )
        return self.render_to_response(self.get_context_data(product=product, formset=formset))

    def post(self, request, pk: int):
        product, _tiers = self._row(pk)
        formset = TierFormSet(request.POST)
        if formset.is_valid():
            try:
                wholesale_tiers_set(vendor=self.vendor, product_id=pk, tiers=formset.tiers())
            except Product.DoesNotExist:
                raise Http404 from None
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request,
                    _("Wholesale prices of “%(title)s” saved.") % {"title": product.get_title()},
                )
                return redirect("dashboard:producer-wholesale-list")
        else:
            messages.error(request, _("Please correct the form below."))
        context = self.get_context_data(product=product, formset=formset)
        return self.render_to_response(context, status=400)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            vendor=self.vendor, retail=retail_price(product=kwargs["product"]), **kwargs
        )
