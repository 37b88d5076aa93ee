"""One log line per request: its id, the user's id, method, path, status and duration.

django-structlog's middleware, with an id our proxy may send (checked) or a new one, returned in
X-Request-ID, and the path and query stripped of secrets (reset tokens, API keys).
"""

from __future__ import annotations

import re
import time
import uuid
from typing import Any
from urllib.parse import parse_qsl, urlencode

import structlog
from django.http import HttpRequest, HttpResponse
from django_structlog import signals
from django_structlog.middlewares import RequestMiddleware

from customer.client_address import client_address
from shop.logs import MASK, SENSITIVE

REQUEST_ID_HEADER = "X-Request-ID"
# An id a proxy or a client sent is kept only if it looks like one: no spaces, no control
# characters, nothing long enough to flood a line.
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{8,128}$")
MAX_QUERY = 512


def request_id_for(request: HttpRequest) -> str:
    """The id of this request: the one our proxy sent, if well formed, else a new one."""
    sent = request.META.get("HTTP_X_REQUEST_ID", "")
    return sent if _REQUEST_ID.match(sent) else uuid.uuid4().hex


def logged_path(request: HttpRequest) -> str:
    """The path with the parts a URL pattern names as secret (reset tokens, signed ids)
    replaced: the rest says which page it was."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if SENSITIVE.search(name) and isinstance(value, str) and value:
                path = path.replace(value, MASK)
    return path


def logged_query(request: HttpRequest) -> str:
    """The query string with the values of secret-looking parameters masked, shortened."""
    raw = request.META.get("QUERY_STRING", "")
    if not raw:
        return ""
    pairs = parse_qsl(raw, keep_blank_values=True)
    query = urlencode([(k, MASK if SENSITIVE.search(k) else v) for k, v in pairs])
    return query[:MAX_QUERY]


def _request_fields(request: HttpRequest, *, status: int) -> dict[str, Any]:
    started = getattr(request, "_log_started", None)
    fields: dict[str, Any] = {"method": request.method, "path": logged_path(request)}
    query = logged_query(request)
    if query:
        fields["query"] = query
    fields["status"] = status
    if started is not None:
        fields["duration_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return fields


class RequestLogMiddleware(RequestMiddleware):
    """django-structlog's request logging, with our request id, client address and fields.

    First in MIDDLEWARE, so every answer (redirects to HTTPS, cached pages, lockouts) is
    logged and carries X-Request-ID."""

    def prepare(self, request: HttpRequest) -> None:
        request._log_started = time.perf_counter()
        request.request_id = request_id_for(request)
        # The parent binds the id from this header (DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID);
        # it now holds the checked or the new id.
        request.META["HTTP_X_REQUEST_ID"] = request.request_id
        super().prepare(request)
        # Never django-ipware's guess from headers a client writes.
        structlog.contextvars.bind_contextvars(ip=client_address(request))

    def handle_response(self, request: HttpRequest, response: HttpResponse) -> None:
        response.headers[REQUEST_ID_HEADER] = request.request_id
        super().handle_response(request, response)


def _finished(sender, request, logger, response, log_kwargs, **kwargs) -> None:
    log_kwargs.clear()
    log_kwargs.update(_request_fields(request, status=response.status_code))


def _failed(sender, request, logger, exception, log_kwargs, **kwargs) -> None:
    log_kwargs.clear()
    log_kwargs.update(_request_fields(request, status=500))


signals.bind_extra_request_finished_metadata.connect(
    _finished, dispatch_uid="shop.request_log.finished"
)
signals.bind_extra_request_failed_metadata.connect(_failed, dispatch_uid="shop.request_log.failed")
