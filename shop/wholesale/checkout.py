"""The checkout's part of wholesale: the invoice form a tourism partner's member fills in on
the payment step. Kept here so the checkout's views call two functions and know no more."""

from __future__ import annotations

from shop.wholesale.forms import InvoiceDetailsForm
from shop.wholesale.selectors import (
    invoice_details_for_basket,
    invoice_details_last,
    wholesale_partner_for_user,
)
from shop.wholesale.services import invoice_details_clear, invoice_details_save


def _partner(request):
    strategy = getattr(request, "strategy", None)
    if hasattr(strategy, "wholesale_partner"):
        return strategy.wholesale_partner
    return wholesale_partner_for_user(user=getattr(request, "user", None))


def invoice_form_for(*, request, data=None) -> InvoiceDetailsForm | None:
    """The invoice form of a member of an approved partner, filled from this basket's details
    or the partner's last ones; None for every other buyer, who is never asked."""
    partner = _partner(request)
    if partner is None:
        return None
    if data is not None:
        return InvoiceDetailsForm(data=data)
    details = invoice_details_for_basket(basket=request.basket, partner=partner)
    wants = details is not None
    details = details or invoice_details_last(partner=partner)
    initial = {"wants_invoice": wants}
    if details is not None:
        initial |= {
            "company_name": details.company_name,
            "tax_code": details.tax_code,
            "address": details.address,
            "email": details.email,
        }
    else:
        initial["company_name"] = partner.organisation
    return InvoiceDetailsForm(initial=initial)


def invoice_form_save(*, request, form: InvoiceDetailsForm) -> None:
    partner = _partner(request)
    basket = request.basket
    if partner is None or basket.pk is None:
        return
    data = form.cleaned_data
    if not data.get("wants_invoice"):
        invoice_details_clear(basket=basket)
        return
    invoice_details_save(
        basket=basket,
        partner=partner,
        user=request.user,
        company_name=data["company_name"],
        tax_code=data["tax_code"],
        address=data["address"],
        email=data.get("email") or "",
    )
