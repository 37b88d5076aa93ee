"""The one search service: a SearchQuery in, a SearchResult out, from the configured backend.

If Elasticsearch cannot answer, the database backend does and a warning is logged: a page
never fails because the search cluster is down.
"""

from __future__ import annotations

import logging

from django.conf import settings

from search.backends.database import DatabaseBackend
from search.query import SearchQuery, SearchResult, Suggestion

logger = logging.getLogger(__name__)


def _elasticsearch():
    from search.backends.elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend()


def search_products(*, query: SearchQuery, facets: bool = True) -> SearchResult:
    if settings.SEARCH_BACKEND == "elasticsearch":
        try:
            return _elasticsearch().search(query, facets=facets)
        except Exception:
            logger.warning(
                "Elasticsearch search failed; answering from the database", exc_info=True
            )
    return DatabaseBackend().search(query, facets=facets)


def suggest(*, text: str, limit: int = 8) -> list[Suggestion]:
    if settings.SEARCH_BACKEND == "elasticsearch":
        try:
            return _elasticsearch().suggest(text, limit=limit)
        except Exception:
            logger.warning(
                "Elasticsearch suggest failed; answering from the database", exc_info=True
            )
    return DatabaseBackend().suggest(text, limit=limit)
