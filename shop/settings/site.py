"""The site's public address (SITE_URL), checked once and split into what libraries read."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def site_address(url: str, *, require_https: bool = False) -> tuple[str, str]:
    """(SITE_URL without a trailing slash, its scheme) for "https://cho-ocop.vn"-like values.

    A path, query or user part would be glued in front of every link, so they are refused.
    """
    parts = urlsplit(url.strip())
    schemes = {"https"} if require_https else {"http", "https"}
    if (
        parts.scheme not in schemes
        or not parts.hostname
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username
        or parts.password
    ):
        raise ImproperlyConfigured(
            f"SITE_URL must be the site's address, like https://cho-ocop.vn "
            f"(scheme {' or '.join(sorted(schemes))}, a host, an optional port, no path); "
            f"got {url!r}."
        )
    try:
        parts.port  # noqa: B018  (a port that is not a number raises here)
    except ValueError as error:
        raise ImproperlyConfigured(f"SITE_URL has a bad port: {url!r}.") from error
    return f"{parts.scheme}://{parts.netloc.lower()}", parts.scheme
