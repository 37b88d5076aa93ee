from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from shop.orders.statuses import PaymentMethod

# Three buyers in four pay cash on delivery: the payment step starts with it chosen.
USUAL_METHOD = PaymentMethod.COD

# What the payment step says under each method's name: one line on what happens next.
METHOD_EXPLANATIONS = {
    PaymentMethod.COD: _("Pay the courier in cash as each producer's parcel arrives."),
    PaymentMethod.BANK_TRANSFER: _(
        "Scan a QR code in your banking app after ordering; we ship once the money arrives."
    ),
    PaymentMethod.CARD: _("Visa, Mastercard or JCB, paid now on a secure page; handy from abroad."),
}


def method_choices() -> list[tuple[str, str]]:
    choices = [
        (PaymentMethod.COD, _("Cash on delivery: pay each parcel when it arrives")),
        (
            PaymentMethod.BANK_TRANSFER,
            _("Bank transfer by VietQR: scan the code in your banking app"),
        ),
    ]
    if settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY:
        choices.append((PaymentMethod.CARD, _("Card (Visa, Mastercard, JCB)")))
    return choices


class PaymentMethodForm(forms.Form):
    method = forms.ChoiceField(label=_("How would you like to pay?"), widget=forms.RadioSelect)

    def __init__(self, *args, preorder: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = method_choices()
        if preorder:
            # A pre-order is paid ahead (its deposit, or its whole price): not in cash.
            choices = [choice for choice in choices if choice[0] != PaymentMethod.COD]
        self.fields["method"].choices = choices
        offered = {value for value, _label in choices}
        if self.initial.get("method") not in offered:
            self.initial["method"] = USUAL_METHOD if USUAL_METHOD in offered else choices[0][0]

    def options(self) -> list[dict]:
        """Each method's radio button with the title and the line the page shows for it."""
        return [
            {
                "radio": radio,
                "value": radio.data["value"],
                "title": PaymentMethod(radio.data["value"]).label,
                "explanation": METHOD_EXPLANATIONS[radio.data["value"]],
                "usual": radio.data["value"] == USUAL_METHOD,
            }
            for radio in self["method"]
        ]
