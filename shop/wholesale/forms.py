"""Forms of wholesale: a producer's tiers and a partner's invoice details at checkout, with
the two calls the checkout's payment step makes (so it knows no more of wholesale)."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from shop.wholesale.models import LEAST_TIER_QUANTITY
from shop.wholesale.selectors import (
    invoice_details_for_basket,
    invoice_details_last,
    wholesale_partner_for_user,
)
from shop.wholesale.services import MOST_TIERS, invoice_details_clear, invoice_details_save
from shop.wholesale.taxcode import tax_code_clean


class TierForm(forms.Form):
    min_quantity = forms.IntegerField(
        label=_("From quantity"), required=False, min_value=LEAST_TIER_QUANTITY, max_value=100000
    )
    price = forms.DecimalField(
        label=_("Unit price (₫)"),
        required=False,
        min_value=Decimal("1"),
        max_digits=12,
        decimal_places=0,
    )

    def clean(self):
        data = super().clean()
        quantity, price = data.get("min_quantity"), data.get("price")
        if (quantity is None) != (price is None) and not self.errors:
            raise ValidationError(_("Give both the quantity and its price, or leave both empty."))
        return data


class BaseTierFormSet(forms.BaseFormSet):
    def tiers(self) -> list[tuple[int, Decimal]]:
        return [
            (form.cleaned_data["min_quantity"], form.cleaned_data["price"])
            for form in self.forms
            if form.cleaned_data.get("min_quantity") is not None
        ]


TierFormSet = forms.formset_factory(
    TierForm,
    formset=BaseTierFormSet,
    extra=0,
    min_num=MOST_TIERS,
    max_num=MOST_TIERS,
    absolute_max=MOST_TIERS,
    validate_max=True,
)


class InvoiceDetailsForm(forms.Form):
    """Optional: a partner may buy without an invoice; asking for one needs every field."""

    wants_invoice = forms.BooleanField(
        label=_("Issue a VAT invoice to our company"), required=False
    )
    company_name = forms.CharField(label=_("Company name"), max_length=255, required=False)
    tax_code = forms.CharField(
        label=_("Tax code"),
        max_length=20,
        required=False,
        help_text=_("10 digits, or 10 digits, a dash and 3 digits for a branch."),
    )
    address = forms.CharField(
        label=_("Invoice address"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    email = forms.EmailField(label=_("E-mail for the e-invoice"), required=False)

    prefix = "invoice"

    def clean(self):
        data = super().clean()
        if not data.get("wants_invoice"):
            return data
        for name in ("company_name", "address"):
            if not (data.get(name) or "").strip():
                self.add_error(name, _("Needed for the VAT invoice."))
        tax_code = data.get("tax_code") or ""
        if not tax_code.strip():
            self.add_error("tax_code", _("Needed for the VAT invoice."))
        elif "tax_code" not in self.errors:
            try:
                data["tax_code"] = tax_code_clean(tax_code)
            except ValidationError as error:
                self.add_error("tax_code", error)
        return data


# The checkout's payment step ----------------------------------------------------------------


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
