"""The one reader of a client's network address, for rate limits and logs.

`X-Forwarded-For` is written by whoever sends the request, so it is believed only as far as
the proxies the site runs behind: `TRUSTED_PROXY_COUNT` of them (0 by default, the header is
then ignored). Each trusted proxy appends the address it received the request from; the
entry that many places from the right is the last one a proxy of ours wrote.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The client's IP address as our outermost proxy saw it (REMOTE_ADDR without proxies)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part
        ]
        if forwarded:
            # Fewer entries than proxies: the request reached a proxy of ours directly and the
            # leftmost entry is what that proxy wrote.
            found = _address(forwarded[-min(proxies, len(forwarded))])
            if found is not None:
                return found
    return _address(remote) or remote
