"""Logs: structlog over the standard logging module, read by the settings (LOGGING).

JSON lines in production (one object per line, for a log shipper), readable lines in
development. Secrets never reach a line: values under sensitive keys are masked, path parts
that carry a token are replaced, and only the names of query parameters that hold a secret are
kept.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import structlog

# Keys (in a log call, a query string or a URL pattern) whose values are never written:
# secrets, and the personal data a log line does not need.
SENSITIVE = re.compile(
    r"pass|pwd|secret|token|key|sig|auth|cookie|session|csrf|card|cvc|cvv|iban|uidb64|email|phone",
    re.IGNORECASE,
)
MASK = "[masked]"
# A request or a task is one line, at its end; the lines of its start add nothing.
_DROPPED_EVENTS = frozenset(
    {"request_started", "streaming_started", "streaming_finished", "task_enqueued", "task_started"}
)


def masked(value: Any, *, depth: int = 0) -> Any:
    if depth > 8:
        return value
    if isinstance(value, dict):
        return {
            k: MASK if isinstance(k, str) and SENSITIVE.search(k) else masked(v, depth=depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return type(value)(masked(v, depth=depth + 1) for v in value)
    return value


def mask_secrets(logger: Any, method_name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """structlog processor: values under sensitive keys, at any depth, are masked."""
    return masked(event_dict)


def drop_noise(logger: Any, method_name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """structlog processor: a request or a task is one line (its end), not one per stage."""
    if event_dict.get("event") in _DROPPED_EVENTS:
        raise structlog.DropEvent
    return event_dict


def _shared_processors() -> list[Any]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]


def structlog_configure() -> None:
    """Route structlog through the standard logging module, so LOGGING decides where lines go
    and how they look; called once from the settings."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_shared_processors(),
            structlog.stdlib.PositionalArgumentsFormatter(),
            drop_noise,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def line_formatter(*, json_lines: bool) -> logging.Formatter:
    """How a line looks: one JSON object, or key=value pairs after the message."""
    renderer = (
        structlog.processors.JSONRenderer(ensure_ascii=False)
        if json_lines
        # Plain tracebacks: a pretty one would print local variables, passwords among them.
        else structlog.dev.ConsoleRenderer(
            colors=False, exception_formatter=structlog.dev.plain_traceback
        )
    )
    exceptions = [structlog.processors.format_exc_info] if json_lines else []
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_shared_processors(),
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            mask_secrets,
            *exceptions,
            renderer,
        ],
    )


def logging_config(*, json_lines: bool, level: str = "INFO", quiet: bool = False) -> dict:
    """The LOGGING setting: every record, ours or a library's, through one formatter.

    `quiet` (tests) sends lines nowhere; records still reach pytest's log capture."""
    formatter = {"()": "shop.logs.line_formatter", "json_lines": json_lines}
    handler = (
        {"class": "logging.NullHandler"}
        if quiet
        else {"class": "logging.StreamHandler", "formatter": "lines"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"lines": formatter},
        "handlers": {"console": handler},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            # Each request's line (shop.request_log) names its status already;
            # Django's own "Not Found: /x" and "Internal Server Error" lines would repeat it
            # (the failure, with its traceback, is in the request's line).
            "django.request": {"level": "CRITICAL"},
            "django.server": {"level": "WARNING"},
            # stripe-python writes whole response bodies at debug level, a PaymentIntent's
            # client_secret among them, inside the message where no key can mask it.
            "stripe": {"level": "INFO"},
            # sorl logs a photo it cannot read as an error with a traceback; the thumbnailer
            # (catalogue.thumbnails) then shows the placeholder and logs one warning naming it.
            "sorl.thumbnail.base": {"level": "CRITICAL"},
        },
    }
