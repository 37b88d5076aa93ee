"""Error reports to Sentry, switched on by SENTRY_DSN; without it nothing is imported."""

from __future__ import annotations

from typing import Any

from shop.logs import masked


def _scrubbed(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    # Sentry's own scrubber knows common names; ours masks the same keys as the logs do.
    return masked(event)


def sentry_init(*, dsn: str, environment: str, traces_sample_rate: float) -> bool:
    """Start reporting errors (Django views, Celery tasks, error log lines) to `dsn`.
    Returns False when no DSN is set or sentry-sdk is missing; the site runs the same."""
    if not dsn:
        return False
    try:
        import sentry_sdk
        from sentry_sdk.integrations.celery import CeleryIntegration
        from sentry_sdk.integrations.django import DjangoIntegration
    except ImportError:
        return False
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        # No cookies, headers, user e-mail or IP address in a report.
        send_default_pii=False,
        traces_sample_rate=traces_sample_rate,
        before_send=_scrubbed,
    )
    return True
