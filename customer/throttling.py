"""What login throttling (django-axes) counts failures by: the client's address and the
name typed, read the same way on every login form."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, unless TRUSTED_PROXY_COUNT proxies of ours stand in front: then the
    address the outermost of them saw, read from the right of X-Forwarded-For (DRF's
    NUM_PROXIES rule). What a client writes on the left of that header is never read, so a
    new X-Forwarded-For per attempt does not start a new count."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote
    return hops[-min(proxies, len(hops))]


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
