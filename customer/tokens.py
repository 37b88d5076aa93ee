"""The tokens of links mailed to people: the one confirming a new account's e-mail address,
and the one that opens a guest's order page."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing
from django.urls import reverse


class SignupTokenGenerator(PasswordResetTokenGenerator):
    # Its own salt: a confirmation link is not a password-reset link, and the reverse.
    key_salt = "customer.tokens.SignupTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        # Confirming activates the account and signs it in: the link then stops working.
        return super()._make_hash_value(user, timestamp) + str(user.is_active)


signup_token = SignupTokenGenerator()


# A guest's order link carries the order number in its path and, as its token, the time it
# was signed and a signature of the number with the buyer's address. The address never
# appears in the link, yet a link made for one order (or before the address was corrected)
# opens no other; its own salt keeps any other signature of the shop from passing for one.
_ORDER_SIGNER_SALT = "customer.tokens.order_status"


def _order_signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=_ORDER_SIGNER_SALT)


def _order_value(order) -> str:
    return f"{order.number}|{(order.email or '').strip().lower()}"


def order_status_token(*, order) -> str:
    """The token of the guest's link to the order ("<time>:<signature>")."""
    value = _order_value(order)
    return _order_signer().sign(value).removeprefix(f"{value}:")


class OrderLink:
    """What a guest's order link turned out to be."""

    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"


def order_status_check(*, order, token: str) -> str:
    """`OrderLink.VALID` when `token` was signed by the shop for this guest order and is
    younger than ORDER_STATUS_LINK_MAX_AGE_DAYS, `EXPIRED` when it is older, else `INVALID`
    (an order of an account is opened from the account, never by a link)."""
    if order is None or order.user_id is not None or not order.email:
        return OrderLink.INVALID
    max_age = timedelta(days=settings.ORDER_STATUS_LINK_MAX_AGE_DAYS)
    try:
        _order_signer().unsign(f"{_order_value(order)}:{token}", max_age=max_age)
    except signing.SignatureExpired:
        return OrderLink.EXPIRED
    except signing.BadSignature:
        return OrderLink.INVALID
    return OrderLink.VALID


def order_status_path(*, order) -> str:
    """The path of the order's page: the account's order page when it was placed from an
    account, else a fresh signed link."""
    if order.user_id is not None:
        return reverse("customer:order", kwargs={"order_number": order.number})
    return reverse(
        "customer:anon-order",
        kwargs={"order_number": order.number, "hash": order_status_token(order=order)},
    )


def order_status_url(*, order) -> str:
    """The order's page as the mails link to it (the site's public address)."""
    return settings.SITE_URL + order_status_path(order=order)
