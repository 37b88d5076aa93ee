"""Staff pages of Oscar's dashboard about tourism partners: the list and the decision.
Who may open them is declared by the app config (`apps.py`), as in Oscar's dashboard apps."""

from decimal import Decimal

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from shop.tourism.forms import PartnerReviewForm
from shop.tourism.models import TourismPartner
from shop.tourism.selectors import partner_totals, partners_for_review
from shop.tourism.services import partner_review


class PartnerListView(View):
    def get(self, request):
        status = request.GET.get("status", "")
        if status not in TourismPartner.Status.values:
            status = ""
        return render(
            request,
            "tourism/dashboard/list.html",
            {
                "partners": partners_for_review(status=status),
                "status": status,
                "statuses": TourismPartner.Status.choices,
            },
        )


class PartnerDetailView(View):
    def get(self, request, pk: int, form=None):
        partner = get_object_or_404(TourismPartner, pk=pk)
        form = form or PartnerReviewForm(
            initial={"status": partner.status, "commission_percent": partner.commission_rate * 100}
        )
        return render(
            request,
            "tourism/dashboard/detail.html",
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
        return redirect("dashboard:tourism-partner-detail", pk=partner.pk)
