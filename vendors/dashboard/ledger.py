"""The producer's ledger (page and CSV) and the staff's payouts to producers."""

import csv

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView

from vendors.dashboard.access import ProducerScopeMixin
from vendors.fulfilment import payout_record
from vendors.fulfilment_selectors import (
    ledger_csv_rows,
    ledger_entries_for_vendor,
    ledger_summary,
    vendors_with_balances,
)
from vendors.models import Vendor


class ProducerLedgerView(ProducerScopeMixin, ListView):
    """The page, or the CSV file with `?format=csv` (also at ledger.csv)."""

    template_name = "vendors/dashboard/ledger.html"
    context_object_name = "entries"
    paginate_by = 50
    as_csv = False

    def get(self, request, *args, **kwargs):
        if self.as_csv or request.GET.get("format") == "csv":
            return self._csv()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return ledger_entries_for_vendor(vendor=self.vendor)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            vendor=self.vendor, summary=ledger_summary(vendor=self.vendor), **kwargs
        )

    def _csv(self) -> HttpResponse:
        filename = f"ledger-{self.vendor.slug}-{timezone.localdate().isoformat()}.csv"
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        csv.writer(response).writerows(ledger_csv_rows(vendor=self.vendor))
        return response


class PayoutListView(TemplateView):
    template_name = "vendors/dashboard/payout_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(vendors=vendors_with_balances(), **kwargs)


class PayoutForm(forms.Form):
    amount = forms.IntegerField(label=_("Amount (đồng)"), min_value=1)
    reference = forms.CharField(
        label=_("Bank transfer reference"), max_length=64, help_text=_("As on the bank statement")
    )


class PayoutCreateView(FormView):
    template_name = "vendors/dashboard/payout_form.html"
    form_class = PayoutForm

    def dispatch(self, request, *args, **kwargs):
        # Staff only reach here (the dashboard app's permissions): nobody else learns ids.
        self.vendor = get_object_or_404(Vendor, pk=kwargs["vendor_pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            vendor=self.vendor, summary=ledger_summary(vendor=self.vendor), **kwargs
        )

    def form_valid(self, form):
        try:
            payout_record(
                vendor=self.vendor,
                amount=form.cleaned_data["amount"],
                reference=form.cleaned_data["reference"],
                recorded_by=self.request.user,
            )
        except ValidationError as error:
            form.add_error("amount" if error.code != "reference" else "reference", error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Payout to %(vendor)s recorded.") % {"vendor": self.vendor.legal_name},
        )
        return redirect("dashboard:staff-payouts")
