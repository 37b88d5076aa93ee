"""A producer's pre-orders: its products with their terms, and the form that opens, changes
or closes them. Every query is the producer's own (`ProducerScopeMixin`): another producer's
product id answers 404."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from vendors.dashboard.access import ProducerScopeMixin
from vendors.preorders import (
    preorder_product_for_vendor,
    preorder_products_for_vendor,
    preorder_terms_set,
    preordered_quantity,
)


class PreorderTermsForm(forms.Form):
    is_open = forms.BooleanField(label=_("Take pre-orders"), required=False)
    ships_from = forms.DateField(
        label=_("Ships from"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day you can start shipping the harvest. Buyers see it on the product."),
    )
    deposit_percent = forms.IntegerField(
        label=_("Deposit (%)"),
        initial=0,
        min_value=0,
        max_value=100,
        help_text=_(
            "Share of the price the buyer pays when ordering; the rest is paid to the courier "
            "on delivery. 0: the whole price is paid when ordering."
        ),
    )
    cap = forms.IntegerField(
        label=_("Most that may be pre-ordered"),
        required=False,
        min_value=1,
        help_text=_("All buyers together. Leave empty for no limit."),
    )


class ProducerPreorderListView(ProducerScopeMixin, ListView):
    template_name = "vendors/dashboard/preorder_list.html"
    context_object_name = "products"
    paginate_by = 50

    def get_queryset(self):
        return preorder_products_for_vendor(vendor=self.vendor)


class ProducerPreorderEditView(ProducerScopeMixin, TemplateView):
    template_name = "vendors/dashboard/preorder_form.html"
    http_method_names = ["get", "post"]

    def get_product(self):
        product = preorder_product_for_vendor(vendor=self.vendor, product_id=self.kwargs["pk"])
        if product is None:
            raise Http404
        return product

    def get(self, request, *args, **kwargs):
        product = self.get_product()
        terms = getattr(product, "preorder_terms", None)
        initial = {}
        if terms is not None:
            initial = {
                "is_open": terms.is_open,
                "ships_from": terms.ships_from,
                "deposit_percent": terms.deposit_percent,
                "cap": terms.cap,
            }
        return self._render(product, PreorderTermsForm(initial=initial))

    def post(self, request, *args, **kwargs):
        product = self.get_product()
        form = PreorderTermsForm(request.POST)
        if form.is_valid():
            try:
                preorder_terms_set(vendor=self.vendor, product_id=product.pk, **form.cleaned_data)
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    _("Pre-order terms of “%(title)s” saved.") % {"title": product.get_title()},
                )
                return redirect("dashboard:producer-preorders")
        messages.error(request, _("Please correct the form below."))
        return self._render(product, form, status=400)

    def _render(self, product, form, status=200):
        context = self.get_context_data(
            product=product, form=form, preordered=preordered_quantity(product_id=product.pk)
        )
        return self.render_to_response(context, status=status)
