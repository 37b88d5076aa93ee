"""Oscar's customer forms where this shop differs: sign-up does not check the address, and
asks for consent to the privacy policy."""

from django.contrib.auth.forms import SetPasswordForm
from oscar.apps.customer.forms import EmailUserCreationForm as OscarEmailUserCreationForm
from oscar.apps.customer.utils import normalise_email

from shop.privacy.forms import SIGNUP_CONSENT, consent_field


class EmailUserCreationForm(OscarEmailUserCreationForm):
    # Checked with the other fields, before the address: the answer still tells nothing.
    privacy_consent = consent_field(sentence=SIGNUP_CONSENT)

    def clean_email(self):
        # Oscar answers "A user with that email address already exists" here, which tells
        # anyone whose address has an account. customer.services.account_signup decides.
        return normalise_email(self.cleaned_data["email"])


class ConfirmingSetPasswordForm(SetPasswordForm):
    """The password-reset form; choosing a password through a mailed link also confirms an
    account that was never confirmed (the notice sent on a second sign-up links here)."""

    def save(self, commit=True):
        user = super().save(commit=False)
        # Never signed in and inactive: a sign-up not confirmed yet. An account staff
        # switched off after use stays off.
        if not user.is_active and user.last_login is None:
            user.is_active = True
        if commit:
            user.save()
        return user
