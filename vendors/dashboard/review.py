"""Staff review of producers: the list of applications and producers, one producer's file,
and the decisions on it (approve, reject, suspend, reinstate)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from catalogue.files import certificate_scan_response
from catalogue.models import OcopCertificate
from catalogue.numbers import page_parse
from vendors.forms import ProducerFilterForm, ReasonForm
from vendors.models import Vendor
from vendors.selectors import (
    producer_certificates,
    producer_for_review,
    producers_for_review,
    status_counts,
)
from vendors.services import vendor_approve, vendor_reinstate, vendor_reject, vendor_suspend


class ProducerListView(View):
    def get(self, request):
        form = ProducerFilterForm(request.GET)
        status = query = ""
        if form.is_valid():
            status, query = form.cleaned_data["status"], form.cleaned_data["q"].strip()
        page = Paginator(producers_for_review(status=status, query=query), 25).get_page(
            page_parse(request.GET.get("page"))
        )
        return render(
            request,
            "vendors/dashboard/producer_list.html",
            {
                "form": form,
                "page_obj": page,
                "producers": page.object_list,
                "status": status,
                "counts": status_counts(),
                "statuses": Vendor.Status.choices,
            },
        )


def _producer_or_404(pk: int) -> Vendor:
    vendor = producer_for_review(pk=pk)
    if vendor is None:
        raise Http404
    return vendor


class ProducerDetailView(View):
    template_name = "vendors/dashboard/producer_detail.html"

    def get(self, request, pk: int, reason_form: ReasonForm | None = None, action: str = ""):
        vendor = _producer_or_404(pk)
        return render(
            request,
            self.template_name,
            {
                "vendor": vendor,
                "certificates": producer_certificates(vendor=vendor),
                "changes": vendor.status_changes.all(),
                "members": vendor.partner.users.all(),
                "reason_form": reason_form or ReasonForm(),
                "failed_action": action,
            },
            status=400 if reason_form is not None else 200,
        )


def _decides_on_own(user, vendor: Vendor) -> bool:
    return vendor.applicant_id == user.pk or vendor.partner.users.filter(pk=user.pk).exists()


class ProducerDecisionView(View):
    """POST only: one decision on one producer, then back to its page."""

    action = ""

    def post(self, request, pk: int):
        vendor = get_object_or_404(Vendor.objects.select_related("partner", "applicant"), pk=pk)
        if _decides_on_own(request.user, vendor):
            # A member of staff who applied for, or works for, this producer would approve
            # or shield their own business: another member of staff decides.
            messages.error(
                request, _("You belong to this producer: another member of staff decides on it.")
            )
            return redirect("dashboard:producer-review-detail", pk=vendor.pk)
        needs_reason = self.action in ("reject", "suspend")
        form = ReasonForm(request.POST, required=needs_reason)
        if not form.is_valid():
            return ProducerDetailView().get(request, pk, reason_form=form, action=self.action)
        reason, language = form.cleaned_data["reason"], get_language() or ""
        try:
            if self.action == "approve":
                vendor_approve(vendor=vendor, approved_by=request.user, language=language)
                done = _("%(name)s is approved; its applicant can now open the dashboard.")
            elif self.action == "reject":
                vendor_reject(
                    vendor=vendor, reason=reason, rejected_by=request.user, language=language
                )
                done = _("The application of %(name)s is rejected; the applicant is told why.")
            elif self.action == "suspend":
                vendor_suspend(
                    vendor=vendor, reason=reason, suspended_by=request.user, language=language
                )
                done = _("%(name)s is suspended; its products have left the storefront.")
            else:
                vendor_reinstate(
                    vendor=vendor, reason=reason, reinstated_by=request.user, language=language
                )
                done = _("%(name)s is reinstated; its public products are on sale again.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done % {"name": vendor.legal_name})
        return redirect("dashboard:producer-review-detail", pk=vendor.pk)

    def get(self, request, pk: int):
        return redirect("dashboard:producer-review-detail", pk=pk)


class CertificateScanView(View):
    """The scan of a certificate, served to staff only: scans are not public files."""

    def get(self, request, pk: int, certificate_pk: int):
        certificate = get_object_or_404(OcopCertificate, pk=certificate_pk, product__vendor_id=pk)
        return certificate_scan_response(certificate)
