"""Staff page of bank transfers awaited: confirm one when it shows on the bank statement.
Only staff reach it: the dashboard app's permissions guard its URL."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from shop.payments import selectors, services


@require_http_methods(["GET", "POST"])
def transfers(request):
    if request.method == "POST":
        try:
            order = services.bank_transfer_confirm(
                number=request.POST.get("number", ""), reference=request.POST.get("reference", "")
            )
        except services.PaymentError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Order %(number)s is marked paid.") % {"number": order.number}
            )
        return redirect("dashboard:payments-transfers")
    return render(
        request,
        "payments/dashboard_transfers.html",
        {"orders": selectors.orders_awaiting_transfer()},
    )
