"""Certificate pages of the dashboard. Producer views read `self.vendor` and filter every
query by it, so another producer's certificate or product id answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, View

from catalogue.dashboard.forms import CertificateForm, RejectForm, RevokeForm
from catalogue.files import certificate_scan_response
from catalogue.models import OcopCertificate
from catalogue.numbers import id_parse
from catalogue.selectors import (
    certificate_standing,
    certificates_awaiting_verification,
    certificates_needing_attention,
    certificates_of_vendor,
    products_for_vendor,
)
from catalogue.services import (
    certificate_add,
    certificate_reject,
    certificate_revoke,
    certificate_verify,
)
from vendors.dashboard.access import ProducerScopeMixin


def _with_standing(certificates, *, today=None):
    today = today or timezone.localdate()
    certificates = list(certificates)
    for certificate in certificates:
        certificate.standing = certificate_standing(certificate=certificate, on=today)
    return certificates


class ProducerCertificateListView(ProducerScopeMixin, ListView):
    template_name = "catalogue/dashboard/producer_certificate_list.html"
    context_object_name = "certificates"

    def get_queryset(self):
        return _with_standing(certificates_of_vendor(vendor=self.vendor))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vendor"] = self.vendor
        context["has_products"] = products_for_vendor(vendor=self.vendor).exists()
        return context


class ProducerCertificateAddView(ProducerScopeMixin, FormView):
    template_name = "catalogue/dashboard/producer_certificate_form.html"
    form_class = CertificateForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["products"] = products_for_vendor(vendor=self.vendor)
        return kwargs

    def get_initial(self):
        initial = super().get_initial()
        product_id = id_parse(self.request.GET.get("product"))
        if product_id is not None:
            product = products_for_vendor(vendor=self.vendor).filter(pk=product_id).first()
            if product is not None:
                initial["product"] = product
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Products that already hold a certificate: a new one files their re-evaluation.
        context["certified_products"] = list(
            products_for_vendor(vendor=self.vendor)
            .filter(ocop_certificates__isnull=False)
            .distinct()
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        product = data["product"]
        is_reevaluation = product.ocop_certificates.exists()
        try:
            certificate = certificate_add(
                product=product,
                stars=data["stars"],
                certificate_number=data["certificate_number"],
                decision_number=data["decision_number"],
                issuer_kind=data["issuer_kind"],
                issuer_name=data["issuer_name"],
                issued_on=data["issued_on"],
                scan=data["scan"],
                added_by=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        # Filed by the producer, so pending: the message says the stars wait for staff.
        messages.info(
            self.request,
            _(
                "The stars show on the marketplace once our staff have checked the "
                "certificate against the decision, usually within two working days."
            ),
        )
        if is_reevaluation:
            messages.success(
                self.request,
                _("Re-evaluation filed: certificate %(number)s added to “%(product)s”.")
                % {"number": certificate.certificate_number, "product": product.title},
            )
        else:
            messages.success(
                self.request,
                _("Certificate %(number)s added to “%(product)s”.")
                % {"number": certificate.certificate_number, "product": product.title},
            )
        return redirect("dashboard:producer-certificate-detail", pk=certificate.pk)


class ProducerCertificateDetailView(ProducerScopeMixin, DetailView):
    template_name = "catalogue/dashboard/producer_certificate_detail.html"
    context_object_name = "certificate"

    def get_queryset(self):
        return certificates_of_vendor(vendor=self.vendor)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.object
        certificate.standing = certificate_standing(certificate=certificate)
        context["history"] = _with_standing(
            certificates_of_vendor(vendor=self.vendor)
            .filter(product=certificate.product)
            .exclude(pk=certificate.pk)
        )
        return context


class ProducerCertificateScanView(ProducerScopeMixin, View):
    def get(self, request, pk):
        return certificate_scan_response(
            get_object_or_404(certificates_of_vendor(vendor=self.vendor), pk=pk)
        )


class StaffCertificateListView(ListView):
    """Certificates ending soon or recently ended, across producers; or a search by number."""

    template_name = "catalogue/dashboard/staff_certificate_list.html"
    context_object_name = "certificates"
    paginate_by = 50

    def get_queryset(self):
        self.query = self.request.GET.get("q", "").strip()
        if self.query:
            certificates = (
                OcopCertificate.objects.filter(
                    Q(certificate_number__icontains=self.query)
                    | Q(decision_number__icontains=self.query)
                    | Q(product__title__icontains=self.query)
                    | Q(product__vendor__legal_name__icontains=self.query)
                )
                .select_related("product__vendor")
                .order_by("valid_until", "pk")
            )
        else:
            certificates = certificates_needing_attention()
        return certificates

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["certificates"] = _with_standing(context["certificates"])
        context["query"] = self.query
        # The verification queue: first on the page, since nothing counts until checked.
        if not self.query:
            context["awaiting"] = _with_standing(certificates_awaiting_verification()[:100])
        return context


class StaffCertificateVerifyView(View):
    """POST only: staff have compared the certificate with the decision and confirm it."""

    def post(self, request, pk):
        certificate = get_object_or_404(OcopCertificate.objects.select_related("product"), pk=pk)
        try:
            certificate_verify(certificate=certificate, verified_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _(
                    "Certificate %(number)s verified: “%(product)s” shows its stars while the "
                    "certificate is valid."
                )
                % {
                    "number": certificate.certificate_number,
                    "product": certificate.product.title,
                },
            )
        return redirect(reverse("dashboard:staff-certificate-list"))

    def get(self, request, pk):
        return redirect(reverse("dashboard:staff-certificate-list"))


class _StaffCertificateFormView(FormView):
    """A staff decision on one certificate, asked with a form (a reason). Only staff reach the
    view (the dashboard app's permissions), so nobody else learns which ids exist."""

    def dispatch(self, request, *args, **kwargs):
        self.certificate = get_object_or_404(
            OcopCertificate.objects.select_related("product__vendor"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.certificate.standing = certificate_standing(certificate=self.certificate)
        context["certificate"] = self.certificate
        context["scan_url"] = reverse(
            "dashboard:staff-certificate-scan", kwargs={"pk": self.certificate.pk}
        )
        return context


class StaffCertificateRejectView(_StaffCertificateFormView):
    """Staff could not confirm the certificate: the reason goes to the producer."""

    template_name = "catalogue/dashboard/staff_certificate_reject.html"
    form_class = RejectForm

    def form_valid(self, form):
        try:
            certificate_reject(
                certificate=self.certificate,
                reason=form.cleaned_data["reason"],
                rejected_by=self.request.user,
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
        else:
            messages.success(
                self.request,
                _("Certificate %(number)s rejected; the producer reads your reason.")
                % {"number": self.certificate.certificate_number},
            )
        return redirect(reverse("dashboard:staff-certificate-list"))


class StaffCertificateRevokeView(_StaffCertificateFormView):
    template_name = "catalogue/dashboard/staff_certificate_revoke.html"
    form_class = RevokeForm

    def form_valid(self, form):
        # Re-read under a lock: two staff revoking at once keep the first reason.
        certificate = OcopCertificate.objects.select_for_update().get(pk=self.certificate.pk)
        if certificate.is_revoked:
            messages.info(self.request, _("This certificate was already revoked."))
        else:
            certificate_revoke(
                certificate=certificate,
                reason=form.cleaned_data["reason"],
                revoked_by=self.request.user,
            )
            messages.success(
                self.request,
                _("Certificate %(number)s revoked: “%(product)s” no longer shows its stars.")
                % {
                    "number": certificate.certificate_number,
                    "product": self.certificate.product.title,
                },
            )
        return redirect(reverse("dashboard:staff-certificate-list"))


class StaffCertificateScanView(View):
    def get(self, request, pk):
        return certificate_scan_response(get_object_or_404(OcopCertificate, pk=pk))
