"""Staff pages for buyers' requests about their data: find the account by its address, send
the buyer a copy, or erase the account. Each action asks the member of staff's own password
and the request's reference, and is audited with who acted."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from shop.privacy.dashboard.forms import AccountLookupForm, StaffEraseForm, StaffExportForm
from shop.privacy.models import PrivacyAuditEntry
from shop.privacy.selectors import erasure_refusals, orders_of
from shop.privacy.services import ErasureRefused, account_erase, data_export_audit
from shop.privacy.views import data_download


def _page(request, *, account=None, lookup=None, export_form=None, erase_form=None, status=200):
    context = {
        "lookup_form": lookup or AccountLookupForm(request.GET or None),
        "account": account,
        "audit": PrivacyAuditEntry.objects.select_related("staff")[:20],
    }
    if account is not None:
        context.update(
            orders_count=orders_of(user=account).count(),
            erasure_refusals=erasure_refusals(user=account),
            export_form=export_form or StaffExportForm(user=request.user),
            erase_form=erase_form or StaffEraseForm(staff=request.user, account=account),
        )
    return TemplateResponse(request, "privacy/dashboard/requests.html", context, status=status)


@never_cache
def requests_page(request: HttpRequest) -> HttpResponse:
    lookup = AccountLookupForm(request.GET or None)
    account = None
    if lookup.is_bound and lookup.is_valid():
        account = (
            get_user_model()
            .objects.filter(email__iexact=lookup.cleaned_data["email"])
            .order_by("pk")
            .first()
        )
        if account is None:
            messages.info(request, _("No account has this address."))
    return _page(request, account=account, lookup=lookup)


@never_cache
@require_POST
def account_export(request: HttpRequest, user_id: int) -> HttpResponse:
    account = get_object_or_404(get_user_model(), pk=user_id)
    form = StaffExportForm(request.POST, user=request.user)
    if not form.is_valid():
        return _page(request, account=account, export_form=form, status=400)
    data_format = form.cleaned_data["data_format"]
    response = data_download(user=account, data_format=data_format)
    data_export_audit(
        user=account,
        data_format=data_format,
        staff=request.user,
        request_reference=form.cleaned_data["request_reference"],
    )
    return response


@never_cache
@require_POST
def account_erase_page(request: HttpRequest, user_id: int) -> HttpResponse:
    account = get_object_or_404(get_user_model(), pk=user_id)
    form = StaffEraseForm(request.POST, staff=request.user, account=account)
    if not form.is_valid():
        return _page(request, account=account, erase_form=form, status=400)
    if account.pk == request.user.pk:
        messages.error(request, _("You cannot erase your own account here."))
        return _page(request, account=account, status=400)
    try:
        account_erase(
            user=account,
            staff=request.user,
            request_reference=form.cleaned_data["request_reference"],
        )
    except ErasureRefused as refused:
        for reason in refused.reasons:
            messages.error(request, reason)
        return _page(request, account=account, status=409)
    messages.success(request, _("The account is erased; its orders are kept anonymised."))
    return redirect(reverse("dashboard:privacy-requests"))
