"""Staff pages of Oscar's dashboard about tourism partners: the list and the decision."""

from decimal import Decimal

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from shop.partners.forms import PartnerReviewForm
from shop.partners.models import TourismPartner
from shop.partners.selectors import partner_totals, partners_for_review
from shop.partners.services import partner_review
from vendors.dashboard.access import StaffRequiredMixin


class PartnerListView(StaffRequiredMixin, View):
    def get(self, request):
        status = request.GET.get("status", "")
        if status not in TourismPartner.Status.values:
            status = ""
        return render(
            request,
            "partners/dashboard/list.html",
            {
                "partners": partners_for_review(status=status),
                "status": status,
                "statuses": TourismPartner.Status.choices,
            },
        )


class PartnerDetailView(StaffRequiredMixin, View):
    def get(self, request, pk: int, form=None):
        partner = get_object_or_404(TourismPartner, pk=pk)
        form = form or PartnerReviewForm(
            initial={"status": partner.status, "commission_percent": partner.commission_rate * 100}
        )
        return render(
            request,
            "partners/dashboard/detail.html",
            {"partner": partner, "form": form, "totals": partner_totals(partner=partner)},
            status=400 if form.is_bound else 200,
        )

    def post(self, request, pk: int):
        partner = get_object_or_404(TourismPartner, pk=pk)
        form = PartnerReviewForm(request.POST)
        if not form.is_valid():
            return self.get(request, pk, form=form)
        partner_review(
            partner=partner,
            status=form.cleaned_data["status"],
            by=request.user,
            commission_rate=(form.cleaned_data["commission_percent"] / 100).quantize(
                Decimal("0.0001")
            ),
        )
        messages.success(request, _("The partner is saved."))
        return redirect("dashboard:partner-review:detail", pk=partner.pk)
