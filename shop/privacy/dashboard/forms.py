from django import forms
from django.utils.translation import gettext_lazy as _

from shop.privacy.forms import DataExportForm


class AccountLookupForm(forms.Form):
    email = forms.EmailField(label=_("The buyer's e-mail address"))


class StaffRequestMixin(forms.Form):
    request_reference = forms.CharField(
        label=_("Request reference"),
        max_length=64,
        help_text=_("The ticket or letter the request came with. No personal data here."),
    )


class StaffExportForm(StaffRequestMixin, DataExportForm):
    """Your own password, the request's reference and the format."""


class StaffEraseForm(StaffRequestMixin, forms.Form):
    password = DataExportForm.base_fields["password"]
    confirm_email = forms.EmailField(
        label=_("Type the buyer's e-mail address again to confirm"),
    )

    def __init__(self, *args, staff, account, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff, self.account = staff, account

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.staff.check_password(password):
            raise forms.ValidationError(_("This is not your password: type it again."))
        return password

    def clean_confirm_email(self) -> str:
        email = self.cleaned_data["confirm_email"]
        if email.strip().lower() != (self.account.email or "").strip().lower():
            raise forms.ValidationError(_("This is not the address of the account."))
        return email
