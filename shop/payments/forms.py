from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from shop.orders.statuses import PaymentMethod


def method_choices() -> list[tuple[str, str]]:
    choices = [
        (PaymentMethod.COD, _("Cash on delivery: pay each parcel when it arrives")),
        (
            PaymentMethod.BANK_TRANSFER,
            _("Bank transfer by VietQR: scan the code in your banking app"),
        ),
    ]
    if settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY:
        choices.insert(0, (PaymentMethod.CARD, _("Card (Visa, Mastercard, JCB)")))
    return choices


class PaymentMethodForm(forms.Form):
    method = forms.ChoiceField(label=_("How would you like to pay?"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = method_choices()
