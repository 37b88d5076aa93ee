"""A producer's voucher codes in its dashboard area: the codes it pays for, a form for a new
one (its own products only) and a button to end one early."""

import re
from datetime import timedelta
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView
from oscar.core.loading import get_model

from shop.offer.selectors import vouchers_of_producer
from shop.offer.services import producer_voucher_create, producer_voucher_end
from vendors.dashboard.access import ProducerScopeMixin

Voucher = get_model("voucher", "Voucher")

CODE_PATTERN = re.compile(r"^[A-Z0-9]{4,20}$")
# A producer's campaign may run up to a year; longer is a price cut, not a campaign.
LONGEST_CAMPAIGN = timedelta(days=366)


class ProducerVoucherForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("4 to 20 letters or digits, e.g. MIENDONGTET; buyers type it in the basket."),
    )
    percent = forms.DecimalField(
        label=_("Percentage off"),
        required=False,
        min_value=Decimal("1"),
        max_value=Decimal("90"),
        decimal_places=0,
    )
    amount = forms.DecimalField(
        label=_("Or an amount off (₫)"),
        required=False,
        min_value=Decimal("1000"),
        max_digits=12,
        decimal_places=0,
    )
    starts_at = forms.DateTimeField(label=_("From"))
    ends_at = forms.DateTimeField(label=_("Until"))
    once_per_customer = forms.BooleanField(
        label=_("Once per customer"), required=False, initial=True
    )
    uses_per_customer = forms.IntegerField(
        label=_("Or at most this many times per customer"),
        required=False,
        min_value=2,
        max_value=100,
        help_text=_(
            "Leave it empty and untick “Once per customer” for a code anyone may use as often "
            "as they like. A limit per customer asks the buyer to sign in."
        ),
    )

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if not CODE_PATTERN.match(code):
            raise ValidationError(_("Use 4 to 20 letters (A–Z) or digits, without spaces."))
        return code

    def clean(self):
        data = super().clean()
        percent, amount = data.get("percent"), data.get("amount")
        if (percent is None) == (amount is None):
            raise ValidationError(_("Give either a percentage or an amount off, not both."))
        if data.get("once_per_customer") and data.get("uses_per_customer"):
            self.add_error(
                "uses_per_customer",
                _("Untick “Once per customer” to let a customer use the code more often."),
            )
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at:
            if ends_at <= starts_at:
                self.add_error("ends_at", _("The end must come after the start."))
            elif ends_at - starts_at > LONGEST_CAMPAIGN:
                self.add_error("ends_at", _("A code runs for a year at most."))
            elif ends_at <= timezone.now():
                self.add_error("ends_at", _("The end is already past."))
        return data


class ProducerVouchersView(ProducerScopeMixin, FormView):
    template_name = "offer/dashboard/producer_vouchers.html"
    form_class = ProducerVoucherForm

    def get_initial(self):
        now = timezone.localtime().replace(second=0, microsecond=0)
        return {"starts_at": now, "ends_at": now + timedelta(days=30)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            vendor=self.vendor,
            vouchers=vouchers_of_producer(vendor=self.vendor),
            now=timezone.now(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            voucher = producer_voucher_create(vendor=self.vendor, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The code %(code)s is ready; you pay its discounts.") % {"code": voucher.code},
        )
        return redirect("dashboard:producer-voucher-list")


class ProducerVoucherEndView(ProducerScopeMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk: int):
        try:
            voucher = producer_voucher_end(vendor=self.vendor, voucher_id=pk)
        except Voucher.DoesNotExist:
            raise Http404 from None
        messages.success(request, _("The code %(code)s has ended.") % {"code": voucher.code})
        return redirect("dashboard:producer-voucher-list")
