"""What login throttling (django-axes) counts failures by: the client's address and the
name typed, read the same way on every login form."""

from django.contrib.auth import get_user_model
from django.http import HttpRequest

from customer.client_address import client_address

__all__ = ["client_address", "login_name"]


def login_name(request: HttpRequest, credentials: dict | None) -> str:
    """The e-mail typed, or the e-mail of the account whose user name was typed, trimmed
    and lower-cased: "Lan@Example.vn " and "lan@example.vn" are one count (the storefront
    matches e-mails whatever the case)."""
    if credentials:
        value = credentials.get("username")
    else:
        value = request.POST.get("username") if request is not None else ""
    typed = str(value or "").strip()
    if not typed:
        return ""
    # A user name stands for its account's e-mail: axes clears the count on success by the
    # account's user name while the storefront counted the e-mail typed, and the admin forms
    # (user name) and the storefront (e-mail) then share one count per account.
    User = get_user_model()
    email = (
        User._default_manager.filter(**{User.USERNAME_FIELD: typed})
        .values_list("email", flat=True)
        .first()
    )
    return (email or typed).lower()
