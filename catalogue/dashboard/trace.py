"""The producer's batch and QR label pages: /dashboard/producer/batches/ and .../labels/.

Every query goes through `self.vendor`, so another producer's product or batch id is a 404.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView, View

from catalogue.dashboard.batch_forms import BatchForm
from catalogue.labels import label_for_batch, label_for_product, label_sheet_pdf, qr_png
from catalogue.numbers import id_parse
from catalogue.selectors import batches_for_vendor, products_for_vendor
from catalogue.services import batch_create, batch_delete, batch_update, trace_code_ensure
from vendors.dashboard.access import ProducerScopeMixin


class BatchListView(ProducerScopeMixin, ListView):
    template_name = "catalogue/dashboard/batch_list.html"
    context_object_name = "batches"
    paginate_by = 50

    def get_queryset(self):
        batches = batches_for_vendor(vendor=self.vendor)
        self.product = None
        product_id = id_parse(self.request.GET.get("product"))
        if product_id is not None:
            self.product = get_object_or_404(products_for_vendor(vendor=self.vendor), pk=product_id)
            batches = batches.filter(product=self.product)
        return batches

    def get_context_data(self, **kwargs):
        return super().get_context_data(product=self.product, **kwargs)


class BatchCreateView(ProducerScopeMixin, FormView):
    template_name = "catalogue/dashboard/batch_form.html"
    form_class = BatchForm
    success_url = reverse_lazy("dashboard:producer-batch-list")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["vendor"] = self.vendor
        return kwargs

    def get_initial(self):
        initial = super().get_initial()
        product_id = id_parse(self.request.GET.get("product"))
        if product_id is not None:
            initial["product"] = product_id
        return initial

    def form_valid(self, form):
        batch = batch_create(**form.cleaned_data)
        messages.success(
            self.request,
            _("Batch %(number)s of %(product)s recorded, trace code %(code)s.")
            % {
                "number": batch.number,
                "product": batch.product.get_title(),
                "code": batch.trace_code.code,
            },
        )
        return super().form_valid(form)


class BatchUpdateView(ProducerScopeMixin, FormView):
    template_name = "catalogue/dashboard/batch_form.html"
    form_class = BatchForm
    success_url = reverse_lazy("dashboard:producer-batch-list")

    def get_batch(self):
        if not hasattr(self, "batch"):
            batches = batches_for_vendor(vendor=self.vendor)
            self.batch = get_object_or_404(batches, pk=self.kwargs["pk"])
        return self.batch

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["vendor"] = self.vendor
        kwargs["instance"] = self.get_batch()
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(batch=self.get_batch(), **kwargs)

    def form_valid(self, form):
        batch = batch_update(batch=self.get_batch(), **form.cleaned_data)
        messages.success(self.request, _("Batch %(number)s saved.") % {"number": batch.number})
        return super().form_valid(form)


class BatchDeleteView(ProducerScopeMixin, TemplateView):
    template_name = "catalogue/dashboard/batch_delete.html"

    def get_batch(self):
        return get_object_or_404(batches_for_vendor(vendor=self.vendor), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(batch=self.get_batch(), **kwargs)

    def post(self, request, *args, **kwargs):
        batch = self.get_batch()
        number = batch.number
        batch_delete(batch=batch)
        messages.success(request, _("Batch %(number)s deleted.") % {"number": number})
        return redirect("dashboard:producer-batch-list")


def _trace_url(request, code: str) -> str:
    # A printed label outlives the host it was printed from: it names the public address.
    return settings.SITE_URL + reverse("trace", kwargs={"code": code})


class LabelListView(ProducerScopeMixin, ListView):
    template_name = "catalogue/dashboard/labels.html"
    context_object_name = "products"
    paginate_by = 50

    def get_queryset(self):
        return products_for_vendor(vendor=self.vendor).prefetch_related("batches__trace_code")


class ProductQrView(ProducerScopeMixin, View):
    """PNG of one product's QR code."""

    def get(self, request, pk: int):
        product = get_object_or_404(products_for_vendor(vendor=self.vendor), pk=pk)
        code = trace_code_ensure(product=product).code
        return _png_response(qr_png(url=_trace_url(request, code)), f"ocop-{code}.png")


class BatchQrView(ProducerScopeMixin, View):
    """PNG of one batch's QR code."""

    def get(self, request, pk: int):
        batch = get_object_or_404(batches_for_vendor(vendor=self.vendor), pk=pk)
        code = trace_code_ensure(batch=batch).code
        return _png_response(qr_png(url=_trace_url(request, code)), f"ocop-{code}.png")


class ProductSheetView(ProducerScopeMixin, View):
    """A4 PDF of labels, one per product of the producer."""

    def get(self, request):
        products = list(products_for_vendor(vendor=self.vendor))
        if not products:
            messages.info(request, _("You have no products to label yet."))
            return redirect("dashboard:producer-labels")
        labels = []
        for product in products:
            code = trace_code_ensure(product=product).code
            labels.append(
                label_for_product(product=product, code=code, url=_trace_url(request, code))
            )
        return _pdf_response(label_sheet_pdf(labels=labels), "ocop-labels-products.pdf")


class BatchSheetView(ProducerScopeMixin, View):
    """A4 PDF of labels, one per batch of one of the producer's products."""

    def get(self, request, pk: int):
        product = get_object_or_404(products_for_vendor(vendor=self.vendor), pk=pk)
        batches = list(batches_for_vendor(vendor=self.vendor).filter(product=product))
        if not batches:
            messages.info(
                request,
                _("%(product)s has no batches yet: record one first.")
                % {"product": product.get_title()},
            )
            return redirect("dashboard:producer-labels")
        labels = []
        for batch in batches:
            code = trace_code_ensure(batch=batch).code
            labels.append(label_for_batch(batch=batch, code=code, url=_trace_url(request, code)))
        return _pdf_response(label_sheet_pdf(labels=labels), f"ocop-labels-batches-{pk}.pdf")


def _png_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
