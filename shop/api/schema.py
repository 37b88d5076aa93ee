"""Schema hooks: the published schema describes the public API only (Wagtail's admin API
is also built on DRF and would otherwise appear in it)."""

PUBLIC_PREFIX = "/api/v1/"


def only_public_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_PREFIX)]
