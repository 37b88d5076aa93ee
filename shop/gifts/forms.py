from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from shop.gifts.models import GIFT_MESSAGE_MAX_LENGTH
from shop.gifts.services import gift_message_clean


class GiftMessageForm(forms.Form):
    message = forms.CharField(
        label=_("Gift message"),
        required=False,
        # The browser stops at the limit; the server says so, with the limit it keeps, for
        # anyone who gets past it (a second, larger cap here would name another number).
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": GIFT_MESSAGE_MAX_LENGTH}),
        help_text=_(
            "Printed on the packing slip of every parcel, which shows no prices. Enter the "
            "recipient's name and address as the delivery address below."
        ),
    )

    def clean_message(self) -> str:
        try:
            return gift_message_clean(self.cleaned_data["message"])
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error
