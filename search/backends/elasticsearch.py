"""The Elasticsearch search backend: answers a SearchQuery exactly as the database backend does
(filters, multi-select facets, sorts, page clamping), and keeps the index behind an alias."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.dsl import Q, Search
from elasticsearch.dsl.query import Query
from elasticsearch.helpers import bulk

from catalogue.models import Category, reader_reads_english
from catalogue.text import fold_vietnamese
from search.backends.base import SearchBackend
from search.documents import STEP, document_from_entry, index_name, product_index
from search.models import ProductIndexEntry
from search.query import (
    BUYER_RATING_LEVELS,
    FACETS,
    MAX_PAGE,
    PRICE_BANDS,
    STAR_LEVELS,
    FacetValue,
    Hit,
    SearchQuery,
    SearchResult,
    Suggestion,
    buyer_rating_floor,
    buyer_rating_shown,
    by_count_then_name,
    province_facet_order,
)

logger = logging.getLogger(__name__)

TIMEOUT = 2  # seconds: a slow cluster must hand over to the database before the page times out
BULK_CHUNK = 500
PROVINCE_BUCKETS = 100  # more than the number of provinces
CATEGORY_BUCKETS = 500  # more than the number of OCOP groups and subgroups
VENDOR_BUCKETS = 30  # the database backend shows the 30 vendors with most products
# Relevance weights, summed and compared as the database backend orders: every word in the
# title first, then valid stars (1-5), then in stock, each step outweighing all the next ones.
IN_TITLE_WEIGHT = 100.0
IN_STOCK_WEIGHT = 0.5
_SOURCE = [
    "product_id",
    "title",
    "title_en",
    "url",
    "image",
    "price",
    "stars",
    "stars_from",
    "stars_until",
    "province_name",
    "vendor_name",
    "in_stock",
    "rating",
    "rating_count",
]


@lru_cache(maxsize=4)
def _client(url: str) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=TIMEOUT, max_retries=0, retry_on_timeout=False)


def client() -> Elasticsearch:
    """The client for settings.ELASTICSEARCH_URL, failing fast so the fallback answers."""
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    if not url:
        raise ImproperlyConfigured("ELASTICSEARCH_URL is not set")
    return _client(url)


def _valid_stars(today: date) -> list[Query]:
    day = today.isoformat()
    return [
        Q("exists", field="stars"),
        Q("range", stars_from={"lte": day}),
        Q("range", stars_until={"gte": day}),
    ]


def _in_season(today: date) -> list[Query]:
    """The season's months hold today's month, and today falls within its dates if any."""
    day = today.isoformat()
    return [
        Q("term", season_months=today.month),
        Q(
            "bool",
            should=[
                Q("bool", must_not=[Q("exists", field="season_starts_on")]),
                Q("range", season_starts_on={"lte": day}),
            ],
            minimum_should_match=1,
        ),
        Q(
            "bool",
            should=[
                Q("bool", must_not=[Q("exists", field="season_ends_on")]),
                Q("range", season_ends_on={"gte": day}),
            ],
            minimum_should_match=1,
        ),
    ]


def _rated_at_least(level: int) -> Query:
    return Q("range", rating={"gte": buyer_rating_floor(level)})


def _bool(filters: list[Query]) -> Query:
    return Q("bool", filter=filters) if filters else Q("match_all")


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    # -- filters ---------------------------------------------------------------------------

    def _filters(self, query: SearchQuery) -> dict[str, list[Query]]:
        """Each facet's filters by facet name; "" holds the filters that are no facet."""
        filters: dict[str, list[Query]] = {name: [] for name in ("", *FACETS)}
        if query.stars:
            filters["stars"] = [*_valid_stars(self.today), Q("range", stars={"gte": query.stars})]
        if query.commune:
            filters["province"] = [Q("term", commune_code=query.commune)]
        elif query.province:
            filters["province"] = [Q("term", province_code=query.province)]
        if query.category:
            category = self._category(query.category)
            filters["category"] = [
                Q("term", category_ancestors=category.path) if category else Q("match_none")
            ]
        if query.vendor:
            filters["vendor"] = [Q("term", vendor_slug=query.vendor)]
        price: dict[str, int] = {}
        if query.price_min is not None:
            price["gte"] = query.price_min
        if query.price_max is not None:
            price["lte"] = query.price_max
        if price:
            filters["price"] = [Q("range", price=price)]
        if query.in_stock:
            filters[""] = [Q("term", in_stock=True)]
        if query.in_season:
            filters[""] = [*filters[""], *_in_season(self.today)]
        if query.rating:
            filters["rating"] = [_rated_at_least(query.rating)]
        return filters

    @staticmethod
    def _all_but(filters: dict[str, list[Query]], facet: str | None) -> list[Query]:
        return [f for name, group in filters.items() if name != facet for f in group]

    def _text(self, query: SearchQuery) -> Query | None:
        if not query.words:
            return None
        return Q(
            "multi_match",
            query=" ".join(query.words),
            fields=["title.prefix^3", "text.prefix"],
            operator="and",
            analyzer="vietnamese_folding",
        )

    def _scored(self, query: SearchQuery) -> Query:
        """The text match, scored so that sorting by score orders as the database backend."""
        text = self._text(query) or Q("match_all")
        # A base weight of 1 keeps every document's score positive whatever else matches.
        functions: list[dict[str, Any]] = [{"weight": 1.0}]
        valid = _valid_stars(self.today)
        for level in range(1, 6):
            functions.append(
                {"filter": Q("bool", filter=[*valid, Q("term", stars=level)]), "weight": level}
            )
        if query.sort == "relevance":
            if query.words:
                # Every word in the Vietnamese title, or every word in the English one.
                in_title = [
                    Q(
                        "match",
                        **{
                            f"{field}.prefix": {
                                "query": " ".join(query.words),
                                "operator": "and",
                                "analyzer": "vietnamese_folding",
                            }
                        },
                    )
                    for field in ("title", "title_en")
                ]
                functions.append(
                    {
                        "filter": Q("bool", should=in_title, minimum_should_match=1),
                        "weight": IN_TITLE_WEIGHT,
                    }
                )
            functions.append({"filter": Q("term", in_stock=True), "weight": IN_STOCK_WEIGHT})
        return Q(
            "function_score",
            query=text,
            functions=functions,
            score_mode="sum",
            boost_mode="replace",
        )

    def _sort(self, query: SearchQuery) -> list[Any]:
        if query.sort == "price":
            return [{"price": {"order": "asc"}}, {"date_created": {"order": "desc"}}]
        if query.sort == "-price":
            return [{"price": {"order": "desc"}}, {"date_created": {"order": "desc"}}]
        if query.sort == "newest":
            return [{"date_created": {"order": "desc"}}, {"product_id": {"order": "desc"}}]
        if query.sort == "rating":
            # Unrated products carry no rating and sort last. `unmapped_type` lets an index
            # built before ratings existed answer until the next rebuild.
            return [
                {"rating": {"order": "desc", "missing": "_last", "unmapped_type": "float"}},
                {"rating_count": {"order": "desc", "unmapped_type": "integer"}},
                {"date_created": {"order": "desc"}},
                {"product_id": {"order": "desc"}},
            ]
        # "stars" and "relevance": the function score already ranks; ties go to the newest.
        return [{"_score": {"order": "desc"}}, {"date_created": {"order": "desc"}}]

    # -- the request -----------------------------------------------------------------------

    def build_search(self, query: SearchQuery, *, facets: bool = True) -> Search:
        """The whole request for one page, without touching the network."""
        filters = self._filters(query)
        scored = query.sort in ("relevance", "stars")
        search = (
            Search(index=index_name())
            .query(self._scored(query) if scored else self._text_or_all(query))
            .sort(*self._sort(query))
            .source(_SOURCE)
            .extra(track_total_hits=True)
        )
        every = self._all_but(filters, None)
        if every:
            # post_filter narrows the hits but not the aggregations: each facet applies the
            # other facets' filters itself, so choosing a value keeps its siblings' counts.
            search = search.post_filter(_bool(every))
        start = (query.page - 1) * query.page_size
        search = search.extra(from_=start, size=query.page_size)
        if facets:
            self._add_facets(search, query, filters)
        return search

    def _text_or_all(self, query: SearchQuery) -> Query:
        # Price and date sorts ignore the score: a constant score spares computing it.
        text = self._text(query)
        return Q("constant_score", filter=text) if text else Q("match_all")

    def _add_facets(
        self, search: Search, query: SearchQuery, filters: dict[str, list[Query]]
    ) -> None:
        others = {name: self._all_but(filters, name) for name in FACETS}

        stars = search.aggs.bucket(
            "stars", "filter", filter=_bool([*others["stars"], *_valid_stars(self.today)])
        )
        stars.bucket(
            "values",
            "filters",
            filters={str(level): Q("range", stars={"gte": level}) for level in STAR_LEVELS},
        )

        province = search.aggs.bucket("province", "filter", filter=_bool(others["province"]))
        province.bucket("values", "terms", field="province_code", size=PROVINCE_BUCKETS).bucket(
            "label", "terms", field="province_name", size=1
        )

        chosen = self._category(query.category)
        prefix = chosen.path if chosen else ""
        category = search.aggs.bucket("category", "filter", filter=_bool(others["category"]))
        # Paths use [0-9A-Z] only, so the prefix is safe inside the regular expression.
        category.bucket(
            "values",
            "terms",
            field="category_ancestors",
            size=CATEGORY_BUCKETS,
            include=prefix + "." * STEP,
        )

        vendor = search.aggs.bucket("vendor", "filter", filter=_bool(others["vendor"]))
        vendor.bucket(
            "values", "terms", field="vendor_slug", size=VENDOR_BUCKETS, order={"_count": "desc"}
        ).bucket("label", "terms", field="vendor_name", size=1)

        price = search.aggs.bucket("price", "filter", filter=_bool(others["price"]))
        bands: dict[str, Query] = {}
        for key, low, high in PRICE_BANDS:
            bounds: dict[str, int] = {}
            if low is not None:
                bounds["gte"] = low
            if high is not None:
                bounds["lt"] = high
            bands[key] = Q("range", price=bounds)
        price.bucket("values", "filters", filters=bands)

        rating = search.aggs.bucket("rating", "filter", filter=_bool(others["rating"]))
        rating.bucket(
            "values",
            "filters",
            filters={str(level): _rated_at_least(level) for level in BUYER_RATING_LEVELS},
        )

    # -- the service's entry points --------------------------------------------------------

    def search(self, query: SearchQuery, *, facets: bool = True) -> SearchResult:
        es = client()
        body = self.build_search(query, facets=facets).to_dict()
        response = es.search(index=index_name(), body=body)
        count = response["hits"]["total"]["value"]
        # Never past MAX_PAGE, as the database backend: the page list stops there too.
        num_pages = max(1, min(math.ceil(count / query.page_size), MAX_PAGE))
        page = min(query.page, num_pages)
        hits = response["hits"]["hits"]
        if page != query.page:
            # Past the last page: answer with the last one, as the database backend does.
            last = self.build_search(_at_page(query, page), facets=False).to_dict()
            hits = es.search(index=index_name(), body=last)["hits"]["hits"]
        aggregations = response.get("aggregations", {})
        return SearchResult(
            query=query,
            hits=[self._hit(hit["_source"]) for hit in hits],
            count=count,
            page=page,
            num_pages=num_pages,
            facets=self._facets(query, aggregations) if facets else {},
            backend=self.name,
        )

    def _facets(self, query: SearchQuery, aggs: dict[str, Any]) -> dict[str, list[FacetValue]]:
        def buckets(name: str) -> Any:
            return aggs[name]["values"]["buckets"]

        values: dict[str, list[FacetValue]] = {}
        stars = buckets("stars")
        values["stars"] = [
            FacetValue(
                str(level), f"{level}★+", stars[str(level)]["doc_count"], query.stars == level
            )
            for level in STAR_LEVELS
        ]

        provinces = [
            FacetValue(b["key"], _label(b), b["doc_count"], query.province == b["key"])
            for b in buckets("province")
        ]
        values["province"] = province_facet_order(provinces)

        counts = {b["key"]: b["doc_count"] for b in buckets("category")}
        categories = Category.objects.filter(path__in=counts)
        category_values = [
            FacetValue(c.slug, c.display_name, counts[c.path], query.category == c.slug)
            for c in sorted(categories, key=lambda c: c.path)
        ]
        chosen = self._category(query.category)
        if chosen:
            total = sum(counts.values())
            category_values.insert(0, FacetValue(chosen.slug, chosen.display_name, total, True))
        values["category"] = category_values

        vendors = [
            FacetValue(b["key"], _label(b), b["doc_count"], query.vendor == b["key"])
            for b in buckets("vendor")
        ]
        values["vendor"] = by_count_then_name(vendors)

        bands = buckets("price")
        values["price"] = [
            FacetValue(
                key,
                key,
                bands[key]["doc_count"],
                query.price_min == low and (query.price_max == (high - 1 if high else None)),
            )
            for key, low, high in PRICE_BANDS
        ]

        rated = buckets("rating")
        values["rating"] = [
            FacetValue(
                str(level), f"{level}+", rated[str(level)]["doc_count"], query.rating == level
            )
            for level in BUYER_RATING_LEVELS
        ]
        return {name: values[name] for name in FACETS}

    def _hit(self, source: dict[str, Any]) -> Hit:
        stars = source.get("stars")
        start, until = source.get("stars_from"), source.get("stars_until")
        valid = bool(
            stars
            and start
            and until
            and date.fromisoformat(start[:10]) <= self.today <= date.fromisoformat(until[:10])
        )
        return Hit(
            product_id=int(source["product_id"]),
            title=source.get("title") or "",
            title_en=source.get("title_en") or "",
            url=source.get("url") or "",
            price=source.get("price"),
            stars=stars if valid else None,
            province=source.get("province_name") or "",
            vendor=source.get("vendor_name") or "",
            image=source.get("image") or "",
            in_stock=bool(source.get("in_stock")),
            rating=buyer_rating_shown(source.get("rating"), source.get("rating_count") or 0),
            rating_count=int(source.get("rating_count") or 0),
        )

    def suggest(self, text: str, *, limit: int = 8) -> list[Suggestion]:
        query = SearchQuery(q=text)
        if not query.words:
            return []
        folded = " ".join(query.words)
        body = (
            Search(index=index_name())
            .source(["title", "title_en", "url"])
            .suggest(
                "products",
                folded,
                completion={"field": "suggest", "size": limit, "skip_duplicates": True},
            )
            .extra(size=0)
            .to_dict()
        )
        response = client().search(index=index_name(), body=body)
        options = response["suggest"]["products"][0]["options"]
        english = reader_reads_english()
        suggestions = [
            Suggestion(
                "product",
                (english and option["_source"].get("title_en")) or option["_source"]["title"],
                option["_source"]["url"],
            )
            for option in options
        ]
        # Categories are few and live in the database: matched there, as the database does.
        for category in Category.objects.all():
            if folded in fold_vietnamese(f"{category.name} {category.name_en}"):
                suggestions.append(
                    Suggestion("category", category.display_name, category.get_absolute_url())
                )
        return suggestions[: limit + 4]


def _label(bucket: dict[str, Any]) -> str:
    labels = bucket.get("label", {}).get("buckets", [])
    return labels[0]["key"] if labels else bucket["key"]


def _at_page(query: SearchQuery, page: int) -> SearchQuery:
    return replace(query, page=page)


# -- writing the index -----------------------------------------------------------------------


def _entries(product_ids: Iterable[int] | None = None):
    entries = ProductIndexEntry.objects.select_related("province", "commune", "vendor")
    if product_ids is not None:
        entries = entries.filter(product_id__in=list(product_ids))
    return entries.order_by("product_id")


def _index_actions(entries: Iterable[ProductIndexEntry], index: str) -> Iterator[dict[str, Any]]:
    for entry in entries:
        document = document_from_entry(entry)
        yield {
            "_op_type": "index",
            "_index": index,
            "_id": entry.product_id,
            "_source": document.to_dict(skip_empty=False),
        }


def update_documents(*, product_ids: Iterable[int]) -> None:
    """Index these products' documents from their index rows; a product without a row is
    no longer listed, so its document is deleted."""
    ids = sorted(set(product_ids))
    if not ids:
        return
    alias = index_name()
    entries = list(_entries(ids))
    listed = {entry.product_id for entry in entries}
    deletions = (
        {"_op_type": "delete", "_index": alias, "_id": product_id}
        for product_id in ids
        if product_id not in listed
    )
    actions = [*_index_actions(entries, alias), *deletions]
    # A document already gone is what a delete wants: 404 is no error here.
    bulk(client(), actions, chunk_size=BULK_CHUNK, ignore_status=(404,))


def _indices_behind(es: Elasticsearch, alias: str) -> list[str]:
    try:
        return sorted(es.indices.get_alias(name=alias).keys())
    except NotFoundError:
        return []


def rebuild_index() -> str:
    """Fill a new concrete index from every index row, then swap the alias to it in one
    step, so searches never see a half-built index. Returns the new index's name."""
    es = client()
    alias = index_name()
    new = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    product_index(new).create(using=es)
    try:
        bulk(
            es,
            _index_actions(_entries().iterator(chunk_size=BULK_CHUNK), new),
            chunk_size=BULK_CHUNK,
        )
        es.indices.refresh(index=new)
        old = _indices_behind(es, alias)
        if not old and es.indices.exists(index=alias):
            # A concrete index holding the alias's name (e.g. from Document.init) blocks it.
            es.indices.delete(index=alias)
        actions: list[dict[str, Any]] = [
            {"remove": {"index": name, "alias": alias}} for name in old
        ]
        actions.append({"add": {"index": new, "alias": alias}})
        es.indices.update_aliases(actions=actions)
    except Exception:
        es.indices.delete(index=new, ignore_unavailable=True)
        raise
    for name in old:
        es.indices.delete(index=name, ignore_unavailable=True)
    logger.info("Search index %s now points to %s", alias, new)
    return new
