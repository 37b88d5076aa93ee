"""The one search service: a SearchQuery in, a SearchResult out, from the configured backend.

If Elasticsearch cannot answer, the database backend does and a warning is logged: a page
never fails because the search cluster is down.
"""

from __future__ import annotations

import logging

from django.conf import settings

from search.backends.database import DatabaseBackend
from search.query import FacetValue, SearchQuery, SearchResult, Suggestion

logger = logging.getLogger(__name__)


def _elasticsearch():
    from search.backends.elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend()


def _answer(method: str, *args, **kwargs):
    """Ask the configured backend; on any Elasticsearch failure ask the database instead."""
    if settings.SEARCH_BACKEND == "elasticsearch":
        try:
            return getattr(_elasticsearch(), method)(*args, **kwargs)
        except Exception:
            logger.warning(
                "Elasticsearch %s failed; answering from the database", method, exc_info=True
            )
    return getattr(DatabaseBackend(), method)(*args, **kwargs)


def search_products(*, query: SearchQuery, facets: bool = True) -> SearchResult:
    return _answer("search", query, facets=facets)


def suggest(*, text: str, limit: int = 8) -> list[Suggestion]:
    return _answer("suggest", text, limit=limit)


def facet_values(*, query: SearchQuery, facet: str) -> list[FacetValue]:
    """Every value of one facet for this query, where a search lists the top ones only (the
    producers). Answered from the database index, which is written whatever the backend."""
    return DatabaseBackend().facet_values(query, facet)
