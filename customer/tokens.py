"""The token of the link that confirms a new account's e-mail address."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class SignupTokenGenerator(PasswordResetTokenGenerator):
    # Its own salt: a confirmation link is not a password-reset link, and the reverse.
    key_salt = "customer.tokens.SignupTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        # Confirming activates the account and signs it in: the link then stops working.
        return super()._make_hash_value(user, timestamp) + str(user.is_active)


signup_token = SignupTokenGenerator()
