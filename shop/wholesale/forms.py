"""Forms of wholesale: a producer's tiers and a partner's invoice details at checkout."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from shop.wholesale.models import LEAST_TIER_QUANTITY
from shop.wholesale.services import MOST_TIERS
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
