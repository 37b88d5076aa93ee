"""What /healthz checks: the database, the cache, the Celery broker, search (and which backend
answers) and both storages, each with a short time limit, through django-health-check.

The answer names components and states only: error details (host names, driver messages) go to
the log, never to a public page.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
from typing import Any

from django.conf import settings
from django.db import connections
from health_check import Cache, Database, Storage
from health_check.base import HealthCheck, HealthCheckResult
from health_check.exceptions import ServiceUnavailable, ServiceWarning

logger = logging.getLogger(__name__)

LIMIT = datetime.timedelta(seconds=2)


@dataclasses.dataclass
class Broker(HealthCheck):
    """The Celery broker accepts a connection (one try, no retries). The embedded default's
    in-memory broker (tasks run at once) has nothing to reach."""

    timeout = LIMIT

    def run(self) -> None:
        from kombu import Connection

        url = settings.CELERY_BROKER_URL
        if url.startswith("memory://"):
            return
        connection = Connection(url, connect_timeout=self.timeout.total_seconds())
        try:
            connection.ensure_connection(max_retries=0)
        except Exception as error:
            raise ServiceUnavailable("broker unreachable") from error
        finally:
            connection.release()


@dataclasses.dataclass
class Search(HealthCheck):
    """Which search backend would answer now: Elasticsearch when it is configured and answers
    a ping; otherwise the database backend, whose index table must answer. Elasticsearch
    configured but silent is a warning, not a failure: searches fall back to the database."""

    timeout = LIMIT
    backend: str = dataclasses.field(default="", init=False)

    def run(self) -> None:
        try:
            if settings.SEARCH_BACKEND == "elasticsearch" and self._elasticsearch_answers():
                self.backend = "elasticsearch"
                return
            self._database_answers()
            self.backend = "database"
        finally:
            # Checks run on worker threads: give their database connections back.
            connections.close_all()
        if settings.SEARCH_BACKEND == "elasticsearch":
            raise ServiceWarning("Elasticsearch does not answer; searches use the database")

    @staticmethod
    def _elasticsearch_answers() -> bool:
        from search.backends.elasticsearch import client

        try:
            return bool(client().ping())
        except Exception:
            logger.warning("Health check: Elasticsearch ping failed", exc_info=True)
            return False

    @staticmethod
    def _database_answers() -> None:
        from search.models import ProductIndexEntry

        try:
            ProductIndexEntry.objects.only("pk").exists()
        except Exception as error:
            raise ServiceUnavailable("no search backend answers") from error


# (name in the report, check): one name per component an operator would look at.
CHECKS: tuple[tuple[str, type[HealthCheck], dict[str, Any]], ...] = (
    ("database", Database, {}),
    ("cache", Cache, {"timeout": LIMIT}),
    ("broker", Broker, {}),
    ("search", Search, {}),
    ("media_storage", Storage, {"alias": "default"}),
    ("private_storage", Storage, {"alias": "private"}),
)


def checks_create() -> list[tuple[str, HealthCheck]]:
    return [(name, check(**options)) for name, check, options in CHECKS]


def _state(result: HealthCheckResult) -> str:
    if result.error is None:
        return "ok"
    if isinstance(result.error, ServiceWarning):
        return "degraded"
    return "error"


def health_report(results: list[tuple[str, HealthCheckResult]]) -> tuple[dict[str, Any], int]:
    """The JSON body and HTTP status of /healthz: 503 when a component fails; a degraded one
    (search answered by the fallback) keeps 200, as the pages still work."""
    body: dict[str, Any] = {"status": "ok"}
    for name, result in results:
        state = _state(result)
        # django-health-check has logged the failure, with its cause, already.
        body[name] = state
        if isinstance(result.check, Search) and result.check.backend:
            body["search_backend"] = result.check.backend
    states = {body[name] for name, _ in results}
    if "error" in states:
        body["status"] = "error"
    elif "degraded" in states:
        body["status"] = "degraded"
    body["checked_in_ms"] = round(max((r.time_taken for _, r in results), default=0) * 1000, 1)
    return body, 503 if body["status"] == "error" else 200
