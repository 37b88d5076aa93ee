"""The embedded search backend: filters, relevance and multi-select facets over
ProductIndexEntry, typed words looked up in ProductIndexWord. Works on SQLite and PostgreSQL."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Substr

from catalogue.models import Category, Commune, Province, reader_reads_english
from catalogue.seasons import month_bit
from catalogue.text import fold_vietnamese
from search.backends.base import SearchBackend
from search.backends.matched import Condition, MatchedStatement
from search.models import WORD_MAX_LENGTH, FacetCount, ProductIndexEntry, ProductIndexWord
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
from search.summary import TOTAL, summary_ensure
from vendors.models import Vendor

STEP = 4  # treebeard's path step: a category's children extend its path by 4 characters


# The producers a facet lists, most products first (the API's answer and the page's top).
VENDORS_SHOWN = 30


class _SummaryCounts(NamedTuple):
    total: int
    facets: dict[str, dict[str, int]]


def _valid_stars(day: date) -> Q:
    return Q(stars__isnull=False, stars_from__lte=day, stars_until__gte=day)


def in_season_on(entries: QuerySet[ProductIndexEntry], day: date) -> QuerySet:
    """Entries whose harvest season is open on `day`: the day's month is one of the season's
    and the day falls within its dates, if it has dates."""
    return entries.alias(season_now=F("season_months").bitand(month_bit(day.month))).filter(
        Q(season_starts_on__isnull=True) | Q(season_starts_on__lte=day),
        Q(season_ends_on__isnull=True) | Q(season_ends_on__gte=day),
        season_now__gt=0,
    )


def word_start_range(word: str) -> tuple[str, str]:
    """The B-tree range of the indexed words starting with `word`: "mat" -> ("mat", "mau")."""
    word = word[:WORD_MAX_LENGTH]
    return word, word[:-1] + chr(ord(word[-1]) + 1)


def with_words(entries: QuerySet[ProductIndexEntry], words: list[str]):
    """Entries having, for every typed word, an indexed word that starts with it.

    Each word is an index range over (word, entry): "ong" finds "ong" (bee), not "không".
    """
    for word in words:
        low, high = word_start_range(word)
        ids = ProductIndexWord.objects.filter(word__gte=low, word__lt=high).values("entry_id")
        entries = entries.filter(pk__in=ids)
    return entries


def _rows_counted(filters: dict[str, Condition], facets: tuple[str, ...]) -> Condition:
    """The rows a text-free search counts its `facets` over: passing every filter, or
    failing only the own filter of one of those facets (multi-select)."""
    sql, params = [], []
    misses, miss_params = [], []
    for name, condition in filters.items():
        if name in facets:
            misses.append(f"CASE WHEN {condition.sql} THEN 0 ELSE 1 END")
            miss_params += condition.params
        else:
            sql.append(f"({condition.sql})")
            params += condition.params
    # One counted filter alone may fail, so it narrows nothing; two or more: at most one fails.
    if len(misses) > 1:
        sql.append(f"({' + '.join(misses)}) <= 1")
        params += miss_params
    return Condition(" AND ".join(sql) or "1 = 1", params)


class DatabaseBackend(SearchBackend):
    name = "database"

    def __init__(self) -> None:
        super().__init__()
        # Whether the facet summary counts for today: then its counts answer text-free
        # searches and the entries' live_stars column holds today's stars.
        self.summary_current = False
        self._ids: dict[tuple, int] = {}
        self.vendor_limit: int | None = VENDORS_SHOWN

    def facet_values(self, query: SearchQuery, facet: str) -> list[FacetValue]:
        """All values of one facet, not only the top producers: that facet alone, without
        the result list or the other facets a search would count as well."""
        if facet not in FACETS:
            return []
        self.vendor_limit = None
        self.summary_current = summary_ensure(day=self.today)
        if query.words:
            return self._search_matched(replace(query, page=1), facets=(facet,)).facets[facet]
        counts = self._summary_counts(query)
        if counts:
            return self._facets_from_summary(query, counts)[facet]
        if self.summary_current:
            return self._search_matched(replace(query, page=1), facets=(facet,)).facets[facet]
        return getattr(self, f"_facet_{facet}")(query)

    # -- filters ---------------------------------------------------------------------------

    def _id(self, model, **lookup) -> int:
        """The id of a province, commune or producer named in a filter; 0 (no row) if unknown.
        Filtering on the id lets the index on the column and the sort's index meet."""
        key = (model.__name__, *lookup.items())
        if key not in self._ids:
            self._ids[key] = (
                model.objects.filter(**lookup).values_list("pk", flat=True).first() or 0
            )
        return self._ids[key]

    def _stars_at_least(self, level: int) -> Q:
        if self.summary_current:
            return Q(live_stars__gte=level)
        return Q(_valid_stars(self.today), stars__gte=level)

    def filtered(self, query: SearchQuery) -> QuerySet[ProductIndexEntry]:
        entries = with_words(ProductIndexEntry.objects.all(), query.words)
        if query.stars:
            entries = entries.filter(self._stars_at_least(query.stars))
        if query.commune:
            entries = entries.filter(commune_id=self._id(Commune, code=query.commune))
        elif query.province:
            entries = entries.filter(province_id=self._id(Province, code=query.province))
        if query.category:
            category = self._category(query.category)
            if category is None:
                return entries.none()
            entries = entries.filter(category_path__startswith=category.path)
        if query.vendor:
            entries = entries.filter(vendor_id=self._id(Vendor, slug=query.vendor))
        if query.price_min is not None:
            entries = entries.filter(price__gte=query.price_min)
        if query.price_max is not None:
            entries = entries.filter(price__lte=query.price_max)
        if query.in_stock:
            entries = entries.filter(in_stock=True)
        if query.rating:
            entries = entries.filter(
                rating_count__gt=0, rating__gte=buyer_rating_floor(query.rating)
            )
        if query.in_season:
            entries = in_season_on(entries, self.today)
        return entries

    def _live_stars(self) -> Case | F:
        """Stars of a certificate valid today, else 0."""
        if self.summary_current:
            return F("live_stars")
        return Case(
            When(_valid_stars(self.today), then="stars"),
            default=Value(0),
            output_field=IntegerField(),
        )

    @staticmethod
    def _in_title(words: list[str]) -> Case | Value:
        """1 when every typed word starts a word of the title, else 0."""
        if not words:
            return Value(0, output_field=IntegerField())
        title_match = Q()
        for word in words:
            title_match &= Q(title_folded__contains=f" {word}")
        return Case(When(title_match, then=Value(1)), default=Value(0), output_field=IntegerField())

    def _ordered(self, entries, query: SearchQuery):
        # Products without a price go last in both directions: the databases disagree on
        # where NULL sorts (first ascending on SQLite, last on PostgreSQL), so say it.
        if query.sort == "price":
            return entries.order_by(F("price").asc(nulls_last=True), "-date_created", "-pk")
        if query.sort == "-price":
            return entries.order_by(F("price").desc(nulls_last=True), "-date_created", "-pk")
        if query.sort == "stars":
            if self.summary_current:
                return entries.order_by("-live_stars", "-date_created", "-pk")
            return entries.annotate(now_stars=self._live_stars()).order_by(
                "-now_stars", "-date_created", "-pk"
            )
        if query.sort == "newest":
            return entries.order_by("-date_created", "-pk")
        if query.sort == "rating":
            # Best average first, more reviews first among equals; products no buyer rated last.
            return entries.order_by(
                F("rating").desc(nulls_last=True), "-rating_count", "-date_created", "-pk"
            )
        # Relevance: every word in the title first, then stars, then what can be bought now.
        if self.summary_current and not query.words:
            # The order of the index search_entry_relevance.
            return entries.order_by("-live_stars", "-in_stock", "-date_created", "-pk")
        if self.summary_current:
            return entries.annotate(in_title=self._in_title(query.words)).order_by(
                "-in_title", "-live_stars", "-in_stock", "-date_created", "-pk"
            )
        return entries.annotate(
            in_title=self._in_title(query.words), now_stars=self._live_stars()
        ).order_by("-in_title", "-now_stars", "-in_stock", "-date_created", "-pk")

    # -- facets ----------------------------------------------------------------------------

    def _facet_stars(self, query: SearchQuery) -> list[FacetValue]:
        base = self.filtered(query.without("stars"))
        counts = base.aggregate(
            **{
                f"s{level}": Count("pk", filter=self._stars_at_least(level))
                for level in STAR_LEVELS
            }
        )
        return [
            FacetValue(str(level), f"{level}★+", counts[f"s{level}"], query.stars == level)
            for level in STAR_LEVELS
        ]

    def _facet_province(self, query: SearchQuery) -> list[FacetValue]:
        rows = (
            self.filtered(query.without("province"))
            .exclude(province__isnull=True)
            .values("province_id")
            .annotate(n=Count("pk"))
        )
        counts = {row["province_id"]: row["n"] for row in rows}
        provinces = Province.objects.filter(pk__in=counts).only("code", "short_name")
        values = [
            FacetValue(p.code, p.short_name, counts[p.pk], query.province == p.code)
            for p in provinces
        ]
        return province_facet_order(values)

    def _facet_category(self, query: SearchQuery) -> list[FacetValue]:
        # Counts by the children of the chosen category, or by the six OCOP groups.
        chosen = self._category(query.category)
        prefix = chosen.path if chosen else ""
        length = len(prefix) + STEP
        rows = (
            self.filtered(query.without("category"))
            .filter(category_path__startswith=prefix)
            .exclude(category_path="")
            .annotate(branch=Substr("category_path", 1, length))
            .values("branch")
            .annotate(n=Count("pk"))
        )
        counts = {row["branch"]: row["n"] for row in rows if len(row["branch"]) == length}
        categories = Category.objects.filter(path__in=counts)
        values = [
            FacetValue(c.slug, c.display_name, counts[c.path], query.category == c.slug)
            for c in sorted(categories, key=lambda c: c.path)
        ]
        if chosen:
            total = sum(counts.values())
            values.insert(0, FacetValue(chosen.slug, chosen.display_name, total, True))
        return values

    def _facet_vendor(self, query: SearchQuery) -> list[FacetValue]:
        rows = (
            self.filtered(query.without("vendor"))
            .exclude(vendor__isnull=True)
            .values("vendor_id")
            .annotate(n=Count("pk"))
            .order_by("-n")[: self.vendor_limit]
        )
        counts = {row["vendor_id"]: row["n"] for row in rows}
        vendors = Vendor.objects.filter(pk__in=counts).only("slug", "legal_name")
        values = [
            FacetValue(v.slug, v.legal_name, counts[v.pk], query.vendor == v.slug) for v in vendors
        ]
        return by_count_then_name(values)

    def _facet_price(self, query: SearchQuery) -> list[FacetValue]:
        def band(low: int | None, high: int | None) -> Q:
            condition = Q(price__isnull=False)
            if low is not None:
                condition &= Q(price__gte=low)
            if high is not None:
                condition &= Q(price__lt=high)
            return condition

        counts = self.filtered(query.without("price")).aggregate(
            **{key: Count("pk", filter=band(low, high)) for key, low, high in PRICE_BANDS}
        )
        return [
            FacetValue(
                key,
                key,
                counts[key],
                query.price_min == low and (query.price_max == (high - 1 if high else None)),
            )
            for key, low, high in PRICE_BANDS
        ]

    def _facet_rating(self, query: SearchQuery) -> list[FacetValue]:
        base = self.filtered(query.without("rating")).filter(rating_count__gt=0)
        counts = base.aggregate(
            **{
                f"r{level}": Count("pk", filter=Q(rating__gte=buyer_rating_floor(level)))
                for level in BUYER_RATING_LEVELS
            }
        )
        return [
            FacetValue(str(level), f"{level}+", counts[f"r{level}"], query.rating == level)
            for level in BUYER_RATING_LEVELS
        ]

    # -- the service's entry points --------------------------------------------------------

    def search(self, query: SearchQuery, *, facets: bool = True) -> SearchResult:
        self.summary_current = summary_ensure(day=self.today)
        if query.words:
            # The words' matches found once, and everything counted over them in one statement.
            return self._search_matched(query, facets=FACETS if facets else ())
        counts = self._summary_counts(query)
        if facets and counts is None and self.summary_current:
            # Two filters or more: what the summary holds comes from there, the rest is
            # counted over the rows the filters leave, in one statement.
            return self._search_matched(query, facets=FACETS)
        entries = self.filtered(query)
        count = counts.total if counts else entries.count()
        num_pages = max(1, min(math.ceil(count / query.page_size), MAX_PAGE))
        page = min(query.page, num_pages)
        start = (page - 1) * query.page_size
        rows = list(
            self._ordered(entries, query).select_related("province", "vendor")[
                start : start + query.page_size
            ]
        )
        if not facets:
            facet_values = {}
        elif counts:
            facet_values = self._facets_from_summary(query, counts)
        else:
            facet_values = {name: getattr(self, f"_facet_{name}")(query) for name in FACETS}
        return SearchResult(
            query=query,
            hits=[self._hit(row) for row in rows],
            count=count,
            page=page,
            num_pages=num_pages,
            facets=facet_values,
            backend=self.name,
        )

    # -- the facet summary (text-free searches with at most one filter) ---------------------

    def _summary_scope(self, query: SearchQuery) -> tuple[str, str] | None:
        """The summary's scope for this query's filters and the facet that filter belongs
        to: ("", "") without filters; None when the summary cannot answer (two filters or
        more, a price range that is not one band, a level the summary does not keep)."""
        scopes: list[tuple[str, str]] = []
        if query.stars:
            if query.stars not in STAR_LEVELS:
                return None
            scopes.append((f"stars:{query.stars}", "stars"))
        if query.commune:
            scopes.append((f"commune:{self._id(Commune, code=query.commune)}", "province"))
        elif query.province:
            scopes.append((f"province:{self._id(Province, code=query.province)}", "province"))
        if query.category:
            category = self._category(query.category)
            scopes.append((f"category:{category.path if category else '-'}", "category"))
        if query.vendor:
            scopes.append((f"vendor:{self._id(Vendor, slug=query.vendor)}", "vendor"))
        if query.price_min is not None or query.price_max is not None:
            band = next(
                (
                    key
                    for key, low, high in PRICE_BANDS
                    if query.price_min == low and query.price_max == (high - 1 if high else None)
                ),
                None,
            )
            if band is None:
                return None
            scopes.append((f"price:{band}", "price"))
        if query.in_stock:
            scopes.append(("in_stock", ""))
        if query.rating:
            if query.rating not in BUYER_RATING_LEVELS:
                return None
            scopes.append((f"rating:{query.rating}", "rating"))
        if query.in_season:
            # Being in season depends on the month: the summary keeps no count of it, so
            # the (narrowed) rows are counted.
            return None
        if len(scopes) > 1:
            return None
        return scopes[0] if scopes else ("", "")

    def _summary_counts(self, query: SearchQuery) -> _SummaryCounts | None:
        if not self.summary_current:
            return None
        found = self._summary_scope(query)
        if found is None:
            return None
        scope, own = found

        def scope_of(facet: str) -> str:
            # A facet counts without its own filter (multi-select): then over everything.
            return "" if facet == own else scope

        wanted = {scope, ""} if own else {scope}
        rows = (
            FacetCount.objects.filter(scope__in=wanted, count__gt=0)
            .exclude(facet="vendor")
            .values_list("scope", "facet", "value", "count")
        )
        by_scope: dict[tuple[str, str], dict[str, int]] = {}
        for row_scope, facet, value, n in rows:
            by_scope.setdefault((row_scope, facet), {})[value] = n
        vendors = dict(
            FacetCount.objects.filter(scope=scope_of("vendor"), facet="vendor", count__gt=0)
            .order_by("-count", "value")
            .values_list("value", "count")[: self.vendor_limit]
        )
        facets = {name: by_scope.get((scope_of(name), name), {}) for name in FACETS}
        facets["vendor"] = vendors
        total = by_scope.get((scope, TOTAL), {}).get("", 0)
        return _SummaryCounts(total=total, facets=facets)

    def _summary_facets(self, scopes: dict[str, str]) -> dict[str, dict[str, int]]:
        """Each facet's counts within its summary scope (facet -> scope), in one query, and
        one more for the top producers."""
        if not scopes:
            return {}
        wanted = Q()
        for facet, scope in scopes.items():
            if facet != "vendor":
                wanted |= Q(scope=scope, facet=facet)
        counts: dict[str, dict[str, int]] = {facet: {} for facet in scopes}
        if wanted:
            for facet, value, n in FacetCount.objects.filter(wanted, count__gt=0).values_list(
                "facet", "value", "count"
            ):
                counts[facet][value] = n
        if "vendor" in scopes:
            counts["vendor"] = dict(
                FacetCount.objects.filter(scope=scopes["vendor"], facet="vendor", count__gt=0)
                .order_by("-count", "value")
                .values_list("value", "count")[: self.vendor_limit]
            )
        return counts

    def _facets_from_summary(
        self, query: SearchQuery, counts: _SummaryCounts
    ) -> dict[str, list[FacetValue]]:
        stars = counts.facets["stars"]
        result: dict[str, list[FacetValue]] = {
            "stars": [
                FacetValue(
                    str(level),
                    f"{level}★+",
                    sum(n for value, n in stars.items() if int(value) >= level),
                    query.stars == level,
                )
                for level in STAR_LEVELS
            ]
        }
        provinces = {int(pk): n for pk, n in counts.facets["province"].items()}
        result["province"] = province_facet_order(
            FacetValue(p.code, p.short_name, provinces[p.pk], query.province == p.code)
            for p in Province.objects.filter(pk__in=provinces).only("code", "short_name")
        )
        chosen = self._category(query.category)
        prefix = chosen.path if chosen else ""
        length = len(prefix) + STEP
        branches = {
            path: n
            for path, n in counts.facets["category"].items()
            if len(path) == length and path.startswith(prefix)
        }
        values = [
            FacetValue(c.slug, c.display_name, branches[c.path], query.category == c.slug)
            for c in sorted(Category.objects.filter(path__in=branches), key=lambda c: c.path)
        ]
        if chosen:
            values.insert(
                0, FacetValue(chosen.slug, chosen.display_name, sum(branches.values()), True)
            )
        result["category"] = values
        vendors = {int(pk): n for pk, n in counts.facets["vendor"].items()}
        result["vendor"] = by_count_then_name(
            FacetValue(v.slug, v.legal_name, vendors[v.pk], query.vendor == v.slug)
            for v in Vendor.objects.filter(pk__in=vendors).only("slug", "legal_name")
        )
        bands = counts.facets["price"]
        result["price"] = [
            FacetValue(
                key,
                key,
                bands.get(key, 0),
                query.price_min == low and query.price_max == (high - 1 if high else None),
            )
            for key, low, high in PRICE_BANDS
        ]
        ratings = counts.facets["rating"]
        result["rating"] = [
            FacetValue(
                str(level),
                f"{level}+",
                sum(n for value, n in ratings.items() if int(value) >= level),
                query.rating == level,
            )
            for level in BUYER_RATING_LEVELS
        ]
        return result

    def _search_matched(self, query: SearchQuery, *, facets: tuple[str, ...]) -> SearchResult:
        """A search in one statement (search.backends.matched): the rows it narrows to found
        once, the total, the facets' counts and the page's ids grouped over them; then the
        page's entries and the names of the counted values.

        With text the rows are the typed words' matches. Without text (two filters or more,
        the summary current) a facet whose own filter leaves at most one other is read from
        the summary, and the rows are those the remaining facets count: passing every filter,
        or failing at most one of the counted facets' own filters."""
        filters = self._filter_conditions(query, unknown_finds_nothing=not query.words)
        empty = {name: [] for name in facets}
        if filters is None:  # a filter names something that does not exist
            return SearchResult(
                query=query, hits=[], count=0, page=1, num_pages=1, facets=empty, backend=self.name
            )
        summarized: dict[str, str] = {}
        if not query.words:
            for name in facets:
                found = self._summary_scope(query.without(name))
                if found is not None:
                    summarized[name] = found[0]
        counted_facets = tuple(name for name in facets if name not in summarized)
        statement = MatchedStatement(
            words=query.words,
            ranges=[word_start_range(word) for word in query.words],
            day=self.today,
            live_stars_column=self.summary_current,
            filters=filters,
            source=None if query.words else _rows_counted(filters, counted_facets),
        )
        chosen = self._category(query.category)
        counted = statement.run(
            facets=counted_facets,
            category_prefix=chosen.path if chosen else "",
            vendor_limit=self.vendor_limit,
            sort=query.sort,
            start=(query.page - 1) * query.page_size,
            size=query.page_size,
        )
        num_pages = max(1, min(math.ceil(counted.total / query.page_size), MAX_PAGE))
        page = min(query.page, num_pages)
        page_ids = counted.page_ids
        if page != query.page:  # past the last page: the last one is shown
            page_ids = statement.run(
                facets=(),
                category_prefix="",
                vendor_limit=None,
                sort=query.sort,
                start=(page - 1) * query.page_size,
                size=query.page_size,
            ).page_ids
        entries = ProductIndexEntry.objects.select_related("province", "vendor").in_bulk(page_ids)
        if facets:
            # Counted as the summary keeps its counts: the same code names and orders them.
            every = self._facets_from_summary(
                query,
                _SummaryCounts(
                    total=counted.total,
                    facets={name: {} for name in FACETS}
                    | counted.facets
                    | self._summary_facets(summarized),
                ),
            )
            facet_values = {name: every[name] for name in facets}
        else:
            facet_values = {}
        return SearchResult(
            query=query,
            hits=[self._hit(entries[pk]) for pk in page_ids if pk in entries],
            count=counted.total,
            page=page,
            num_pages=num_pages,
            facets=facet_values,
            backend=self.name,
        )

    def _filter_conditions(
        self, query: SearchQuery, *, unknown_finds_nothing: bool = False
    ) -> dict[str, Condition] | None:
        """The query's filters as conditions on the index rows, named by the facet each
        belongs to ("in_stock" and "in_season" belong to none). A filter naming an unknown
        province, commune, category or producer: None (a text search then shows nothing, not
        even facets), or with `unknown_finds_nothing` a condition no row passes (browsing then
        still counts the other values of that filter's facet)."""
        conditions: dict[str, Condition] = {}
        nothing = Condition("1 = 0", [])
        if query.stars:
            conditions["stars"] = Condition("live_stars >= %s", [query.stars])
        if query.commune:
            commune = self._id(Commune, code=query.commune)
            if not commune and not unknown_finds_nothing:
                return None
            conditions["province"] = Condition("commune_id = %s", [commune])
        elif query.province:
            province = self._id(Province, code=query.province)
            if not province and not unknown_finds_nothing:
                return None
            conditions["province"] = Condition("province_id = %s", [province])
        if query.category:
            category = self._category(query.category)
            if category is None and unknown_finds_nothing:
                conditions["category"] = nothing
            elif category is None:
                return None
            else:
                conditions["category"] = Condition(
                    "SUBSTR(category_path, 1, %s) = %s", [len(category.path), category.path]
                )
        if query.vendor:
            vendor = self._id(Vendor, slug=query.vendor)
            if not vendor and not unknown_finds_nothing:
                return None
            conditions["vendor"] = Condition("vendor_id = %s", [vendor])
        if query.price_min is not None or query.price_max is not None:
            sql, params = ["price IS NOT NULL"], []
            if query.price_min is not None:
                sql.append("price >= %s")
                params.append(query.price_min)
            if query.price_max is not None:
                sql.append("price <= %s")
                params.append(query.price_max)
            conditions["price"] = Condition(" AND ".join(sql), params)
        if query.in_stock:
            conditions["in_stock"] = Condition("in_stock", [])
        if query.rating:
            conditions["rating"] = Condition(
                "rating_count > 0 AND rating IS NOT NULL AND rating >= %s",
                [buyer_rating_floor(query.rating)],
            )
        if query.in_season:
            day = connection.ops.adapt_datefield_value(self.today)
            conditions["in_season"] = Condition(
                "(season_months & %s) > 0"
                " AND (season_starts_on IS NULL OR season_starts_on <= %s)"
                " AND (season_ends_on IS NULL OR season_ends_on >= %s)",
                [month_bit(self.today.month), day, day],
            )
        return conditions

    def _hit(self, row: ProductIndexEntry) -> Hit:
        valid = row.stars and row.stars_from <= self.today <= row.stars_until
        return Hit(
            product_id=row.product_id,
            title=row.title,
            title_en=row.title_en,
            url=row.url,
            price=row.price,
            stars=row.stars if valid else None,
            province=row.province.short_name if row.province else "",
            vendor=row.vendor.legal_name if row.vendor else "",
            image=row.image,
            in_stock=row.in_stock,
            rating=buyer_rating_shown(row.rating, row.rating_count),
            rating_count=row.rating_count,
        )

    def suggest(self, text: str, *, limit: int = 8) -> list[Suggestion]:
        query = SearchQuery(q=text)
        if not query.words:
            return []
        # The best matches by relevance, found as a search finds them (one statement).
        ids = (
            MatchedStatement(
                words=query.words,
                ranges=[word_start_range(word) for word in query.words],
                day=self.today,
                live_stars_column=False,
                filters={},
            )
            .run(
                facets=(),
                category_prefix="",
                vendor_limit=None,
                sort="relevance",
                start=0,
                size=limit,
            )
            .page_ids
        )
        entries = ProductIndexEntry.objects.only("title", "title_en", "url").in_bulk(ids)
        products = [entries[pk] for pk in ids if pk in entries]
        english = reader_reads_english()
        suggestions = [
            Suggestion("product", (english and p.title_en) or p.title, p.url) for p in products
        ]
        folded = " ".join(query.words)
        for category in Category.objects.all():
            if folded in fold_vietnamese(f"{category.name} {category.name_en}"):
                suggestions.append(
                    Suggestion("category", category.display_name, category.get_absolute_url())
                )
        return suggestions[: limit + 4]
