"""The producer's shipping page in its dashboard area: fees and delivery time of its parcels."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from shop.shipping.models import ProducerShippingRule, default_rule
from shop.shipping.services import producer_shipping_rule_set
from vendors.dashboard.access import ProducerScopeMixin


class ShippingRuleForm(forms.ModelForm):
    class Meta:
        model = ProducerShippingRule
        fields = ["base_fee", "fee_per_kg", "free_above", "days_min", "days_max"]


class ProducerShippingView(ProducerScopeMixin, FormView):
    template_name = "shipping/dashboard/producer_shipping.html"
    form_class = ShippingRuleForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        rule = ProducerShippingRule.objects.filter(vendor=self.vendor).first()
        kwargs["instance"] = rule or default_rule()
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(vendor=self.vendor, **kwargs)

    def form_valid(self, form):
        try:
            producer_shipping_rule_set(vendor=self.vendor, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your shipping rules are saved."))
        return redirect("dashboard:producer-shipping")
