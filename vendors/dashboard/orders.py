"""The producer's parcels: list, detail with only its own lines, and the status changes."""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from vendors import preorders
from vendors.carriers import Carrier, tracking_code_clean, tracking_url
from vendors.dashboard.access import ProducerScopeMixin
from vendors.fulfilment import (
    TRANSITIONS,
    fulfilment_cancel,
    fulfilment_mark_delivered,
    fulfilment_mark_packed,
    fulfilment_mark_shipped,
)
from vendors.fulfilment_selectors import (
    fulfilment_discounts,
    fulfilments_for_vendor,
    parcel_rows,
    parcels_for_vendor_list,
)
from vendors.models import Fulfilment


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *Fulfilment.Status.choices],
    )


class ShippedForm(forms.Form):
    carrier = forms.ChoiceField(
        label=_("Carrier"), choices=[("", _("Choose the carrier")), *Carrier.choices]
    )
    tracking_code = forms.CharField(
        label=_("Tracking number"),
        max_length=64,
        required=False,
        help_text=_(
            "As printed on the carrier's receipt. The buyer gets a link to the carrier's "
            "tracking page. Not needed when you deliver the parcel yourself."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        carrier = cleaned.get("carrier")
        if carrier:
            try:
                cleaned["tracking_code"] = tracking_code_clean(
                    carrier=carrier, tracking_code=cleaned.get("tracking_code", "")
                )
            except ValidationError as error:
                self.add_error("tracking_code", error)
        return cleaned


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=255,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The buyer reads this in the e-mail that tells them."),
    )


class ProducerOrderListView(ProducerScopeMixin, ListView):
    template_name = "vendors/dashboard/order_list.html"
    context_object_name = "fulfilments"
    paginate_by = 25

    def get_queryset(self):
        self.filter_form = StatusFilterForm(self.request.GET or None)
        status = self.filter_form.cleaned_data["status"] if self.filter_form.is_valid() else ""
        return parcels_for_vendor_list(vendor=self.vendor, status=status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            vendor=self.vendor, filter_form=self.filter_form, **kwargs
        )
        context["rows"] = parcel_rows(fulfilments=context["fulfilments"])
        return context


class ProducerOrderDetailView(ProducerScopeMixin, DetailView):
    """GET shows the parcel; POST with `action` (packed, shipped, delivered, cancelled)
    moves it on."""

    template_name = "vendors/dashboard/order_detail.html"
    context_object_name = "fulfilment"
    http_method_names = ["get", "post"]

    def get_queryset(self):
        return fulfilments_for_vendor(vendor=self.vendor).select_related(
            "order__shipping_address__country"
        )

    def get_context_data(self, **kwargs):
        fulfilment = self.object
        allowed = TRANSITIONS[fulfilment.status]
        # A pre-order waiting for its ship-from date may only be cancelled until then.
        too_early = (
            fulfilment.status == Fulfilment.Status.AWAITING_HARVEST
            and fulfilment.ships_from > preorders.preorder_today()
        )
        if too_early:
            allowed = allowed & {Fulfilment.Status.CANCELLED}
        kwargs.setdefault("shipped_form", ShippedForm())
        kwargs.setdefault("cancel_form", CancelForm())
        lines = list(fulfilment.lines.select_related("product"))
        discounts = fulfilment_discounts(fulfilment=fulfilment)
        return super().get_context_data(
            order=fulfilment.order,
            lines=lines,
            discounts=discounts,
            goods=sum((line.line_price_incl_tax for line in lines), Decimal("0")),
            address=fulfilment.order.shipping_address,
            tracking_url=tracking_url(
                carrier=fulfilment.carrier, tracking_code=fulfilment.tracking_code
            ),
            too_early=too_early,
            can_pack=Fulfilment.Status.PACKED in allowed,
            can_ship=Fulfilment.Status.SHIPPED in allowed,
            can_deliver=Fulfilment.Status.DELIVERED in allowed,
            can_cancel=Fulfilment.Status.CANCELLED in allowed,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = fulfilment = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        action = request.POST.get("action", "")
        try:
            if action == "packed":
                fulfilment_mark_packed(fulfilment=fulfilment)
            elif action == "delivered":
                fulfilment_mark_delivered(fulfilment=fulfilment)
            elif action == "shipped":
                form = ShippedForm(request.POST)
                if not form.is_valid():
                    return self._invalid(shipped_form=form)
                fulfilment_mark_shipped(fulfilment=fulfilment, **form.cleaned_data)
            elif action == "cancelled":
                form = CancelForm(request.POST)
                if not form.is_valid():
                    return self._invalid(cancel_form=form)
                fulfilment_cancel(
                    fulfilment=fulfilment,
                    reason=form.cleaned_data["reason"],
                    cancelled_by=request.user,
                )
            else:
                messages.error(request, _("Choose what to do with the parcel."))
                return redirect("dashboard:producer-order-detail", pk=fulfilment.pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("dashboard:producer-order-detail", pk=fulfilment.pk)
        messages.success(
            request,
            _("Parcel of order %(number)s: %(status)s.")
            % {"number": fulfilment.order.number, "status": fulfilment.get_status_display()},
        )
        return redirect("dashboard:producer-order-detail", pk=fulfilment.pk)

    def _invalid(self, **forms_with_errors):
        messages.error(self.request, _("Please correct the form below."))
        return self.render_to_response(self.get_context_data(**forms_with_errors), status=400)
