"""Staff page of bank transfers awaited: confirm one when it shows on the bank statement."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from shop.payments import selectors, services


@staff_member_required(login_url="/accounts/login/")
@require_http_methods(["GET", "POST"])
def transfers(request):
    if request.method == "POST":
        order = get_object_or_404(
            selectors.orders_awaiting_transfer(), number=request.POST.get("number", "")
        )
        reference = request.POST.get("reference", "").strip()
        if not reference:
            messages.error(request, _("Enter the reference shown on the bank statement."))
        else:
            services.order_payment_received(
                order=order,
                method=services.BANK_TRANSFER,
                amount=order.total_incl_tax,
                reference=reference,
            )
            messages.success(
                request, _("Order %(number)s is marked paid.") % {"number": order.number}
            )
        return redirect("payments-dashboard:transfers")
    return render(
        request,
        "payments/dashboard_transfers.html",
        {"orders": selectors.orders_awaiting_transfer()},
    )
