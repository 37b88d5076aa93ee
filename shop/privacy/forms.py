"""The consent box of the sign-up and checkout forms, and the password asked again before a
copy or an erasure of an account's data."""

from django import forms
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

CONSENT_REFUSAL = _(
    "Tick the box to accept how we use your personal data: we cannot go on without it."
)


def _consent_label(sentence: str) -> str:
    # Rendered unescaped by Oscar's field template: only our own words and our own link.
    return format_html(
        '{} <a href="{}" target="_blank" rel="noopener">{}</a>',
        sentence,
        reverse("privacy-policy"),
        gettext("Read the privacy policy"),
    )


def consent_field(*, sentence: str) -> forms.BooleanField:
    """A box that must be ticked, labelled with `sentence` and a link to the policy."""
    return forms.BooleanField(
        label=lazy(lambda: _consent_label(str(sentence)), str)(),
        required=True,
        error_messages={"required": CONSENT_REFUSAL},
    )


SIGNUP_CONSENT = _(
    "I agree that Chợ OCOP keeps the data of my account (e-mail, name, addresses, orders, "
    "reviews) as the privacy policy describes."
)
CHECKOUT_CONSENT = _(
    "I agree that my name, phone and address are given to the producers and carriers who "
    "deliver this order, and a card to the card processor, as the privacy policy describes."
)

APPLICATION_CONSENT = _(
    "I agree that Chợ OCOP keeps the data of this application (names, phone, e-mail, address, "
    "papers) to review it and, once it is approved, to work with me, as the privacy policy "
    "describes."
)


class CheckoutConsentForm(forms.Form):
    privacy_consent = consent_field(sentence=CHECKOUT_CONSENT)


class PasswordCheckForm(forms.Form):
    """The account's password, asked again: a session left open on a shared computer must
    not be enough to take someone's data away or to erase it."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password: type it again."))
        return password


class DataExportForm(PasswordCheckForm):
    data_format = forms.ChoiceField(
        label=_("File format"),
        choices=[
            ("json", _("JSON (one file, for programs)")),
            ("csv", _("CSV tables in a zip (for spreadsheets)")),
        ],
        initial="json",
        widget=forms.RadioSelect,
    )
