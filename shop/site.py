"""Absolute links on the site's public address (SITE_URL), whatever host a request came in on
or when no request exists (mails, feeds, tasks): the one place such a link is made."""

from urllib.parse import urljoin

from django.conf import settings


def site_url(url: str = "/") -> str:
    """`url` (a path such as reverse() gives, or a storage's URL) as an absolute link on
    SITE_URL; a URL that is absolute already (media on object storage) is kept."""
    return urljoin(settings.SITE_URL + "/", url)
