"""The embedded search backend: filters, relevance and multi-select facets over
ProductIndexEntry, typed words looked up in ProductIndexWord. Works on SQLite and PostgreSQL."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Substr

from catalogue.models import Category, Commune, Province
from catalogue.text import fold_vietnamese
from search.backends.base import SearchBackend
from search.models import WORD_MAX_LENGTH, ProductIndexEntry, ProductIndexWord
from search.query import (
    BUYER_RATING_LEVELS,
    FACETS,
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
from vendors.models import Vendor

STEP = 4  # treebeard's path step: a category's children extend its path by 4 characters


def _valid_stars(day: date) -> Q:
    return Q(stars__isnull=False, stars_from__lte=day, stars_until__gte=day)


class _Row(NamedTuple):
    """The columns a text search reads for each matching entry."""

    pk: int
    live_stars: int
    province_id: int | None
    commune_id: int | None
    category_path: str
    vendor_id: int | None
    price: int | None
    in_stock: bool
    in_title: int
    rating: float | None
    rating_count: int


def _split_rows(
    rows: list[_Row], tests: dict[str, Callable[[_Row], bool]]
) -> tuple[list[_Row], dict[str, list[_Row]]]:
    """In one pass: the rows passing every filter, and for each filter the rows that fail
    it alone (a multi-select facet counts those too)."""
    matched: list[_Row] = []
    near: dict[str, list[_Row]] = {name: [] for name in tests}
    checks = list(tests.items())
    for row in rows:
        failed = [name for name, test in checks if not test(row)]
        if not failed:
            matched.append(row)
        elif len(failed) == 1:
            near[failed[0]].append(row)
    return matched, near


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


class DatabaseBackend(SearchBackend):
    name = "database"

    # -- filters ---------------------------------------------------------------------------

    def filtered(self, query: SearchQuery) -> QuerySet[ProductIndexEntry]:
        entries = with_words(ProductIndexEntry.objects.all(), query.words)
        if query.stars:
            entries = entries.filter(_valid_stars(self.today), stars__gte=query.stars)
        if query.commune:
            entries = entries.filter(commune__code=query.commune)
        elif query.province:
            entries = entries.filter(province__code=query.province)
        if query.category:
            category = self._category(query.category)
            if category is None:
                return entries.none()
            entries = entries.filter(category_path__startswith=category.path)
        if query.vendor:
            entries = entries.filter(vendor__slug=query.vendor)
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
        return entries

    def _live_stars(self) -> Case:
        """Stars of a certificate valid today, else 0."""
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
            return entries.annotate(live_stars=self._live_stars()).order_by(
                "-live_stars", "-date_created", "-pk"
            )
        if query.sort == "newest":
            return entries.order_by("-date_created", "-pk")
        if query.sort == "rating":
            # Best average first, more reviews first among equals; products no buyer rated last.
            return entries.order_by(
                F("rating").desc(nulls_last=True), "-rating_count", "-date_created", "-pk"
            )
        # Relevance: every word in the title first, then stars, then what can be bought now.
        return entries.annotate(
            in_title=self._in_title(query.words), live_stars=self._live_stars()
        ).order_by("-in_title", "-live_stars", "-in_stock", "-date_created", "-pk")

    # -- facets ----------------------------------------------------------------------------

    def _facet_stars(self, query: SearchQuery) -> list[FacetValue]:
        base = self.filtered(query.without("stars")).filter(_valid_stars(self.today))
        counts = base.aggregate(
            **{f"s{level}": Count("pk", filter=Q(stars__gte=level)) for level in STAR_LEVELS}
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
            .order_by("-n")[:30]
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
        if facets and query.words:
            # Text narrows the index: counting its matches in memory beats six SQL scans.
            return self._search_in_memory(query)
        entries = self.filtered(query)
        count = entries.count()
        num_pages = max(1, math.ceil(count / query.page_size))
        page = min(query.page, num_pages)
        start = (page - 1) * query.page_size
        rows = list(
            self._ordered(entries, query).select_related("province", "vendor")[
                start : start + query.page_size
            ]
        )
        return SearchResult(
            query=query,
            hits=[self._hit(row) for row in rows],
            count=count,
            page=page,
            num_pages=num_pages,
            facets={name: getattr(self, f"_facet_{name}")(query) for name in FACETS}
            if facets
            else {},
            backend=self.name,
        )

    def _search_in_memory(self, query: SearchQuery) -> SearchResult:
        """Rows matching the text in one query, then filters, facets and order in Python.

        Multi-select facets need the matches of six filter combinations; reading the rows
        that match the words once (few columns, no dates to parse, newest first) and
        counting here is several times faster than six SQL queries.
        """
        scope = (
            with_words(ProductIndexEntry.objects.all(), query.words)
            .annotate(live_stars=self._live_stars(), in_title=self._in_title(query.words))
            .order_by("-date_created", "-pk")
            .values_list(*_Row._fields)
        )
        rows = list(map(_Row._make, scope))
        tests = self._row_tests(query)
        if tests is None:  # a filter names something that does not exist
            matched, facet_values = [], self._empty_facets(query)
        else:
            matched, near = _split_rows(rows, tests)
            facet_values = self._facets_from_rows(query, matched, near)
        matched = self._sort_rows(matched, query)
        count = len(matched)
        num_pages = max(1, math.ceil(count / query.page_size))
        page = min(query.page, num_pages)
        start = (page - 1) * query.page_size
        page_ids = [r.pk for r in matched[start : start + query.page_size]]
        entries = ProductIndexEntry.objects.select_related("province", "vendor").in_bulk(page_ids)
        return SearchResult(
            query=query,
            hits=[self._hit(entries[pk]) for pk in page_ids if pk in entries],
            count=count,
            page=page,
            num_pages=num_pages,
            facets=facet_values,
            backend=self.name,
        )

    def _row_tests(self, query: SearchQuery) -> dict[str, Callable[[_Row], bool]] | None:
        """One predicate per filter, named by its facet (the text is already applied), or
        None if a filter names an unknown province, commune, category or producer."""
        tests: dict[str, Callable[[_Row], bool]] = {}
        if query.stars:
            tests["stars"] = lambda r, n=query.stars: r.live_stars >= n
        if query.commune:
            commune = Commune.objects.filter(code=query.commune).values_list("pk", flat=True)
            if not commune:
                return None
            tests["province"] = lambda r, pk=commune[0]: r.commune_id == pk
        elif query.province:
            province = Province.objects.filter(code=query.province).values_list("pk", flat=True)
            if not province:
                return None
            tests["province"] = lambda r, pk=province[0]: r.province_id == pk
        if query.category:
            category = self._category(query.category)
            if category is None:
                return None
            tests["category"] = lambda r, p=category.path: r.category_path.startswith(p)
        if query.vendor:
            vendor = Vendor.objects.filter(slug=query.vendor).values_list("pk", flat=True)
            if not vendor:
                return None
            tests["vendor"] = lambda r, pk=vendor[0]: r.vendor_id == pk
        low, high = query.price_min, query.price_max
        if low is not None or high is not None:
            tests["price"] = lambda r: (
                r.price is not None
                and ((low is None or r.price >= low) and (high is None or r.price <= high))
            )
        if query.in_stock:
            tests["in_stock"] = lambda r: r.in_stock
        if query.rating:
            floor = buyer_rating_floor(query.rating)
            tests["rating"] = lambda r: (
                r.rating_count > 0 and r.rating is not None and r.rating >= floor
            )
        return tests

    def _facets_from_rows(
        self, query: SearchQuery, matched: list[_Row], near: dict[str, list[_Row]]
    ) -> dict[str, list[FacetValue]]:
        """Facet counts: a facet counts the matches plus the rows only its own filter left out."""

        def pool(facet: str) -> list[_Row]:
            return matched + near.get(facet, [])

        result: dict[str, list[FacetValue]] = {}
        base = pool("stars")
        result["stars"] = [
            FacetValue(
                str(n), f"{n}★+", sum(1 for r in base if r.live_stars >= n), query.stars == n
            )
            for n in STAR_LEVELS
        ]
        counts = Counter(r.province_id for r in pool("province") if r.province_id)
        provinces = Province.objects.filter(pk__in=counts).only("code", "short_name")
        result["province"] = province_facet_order(
            FacetValue(p.code, p.short_name, counts[p.pk], query.province == p.code)
            for p in provinces
        )
        chosen = self._category(query.category)
        prefix = chosen.path if chosen else ""
        length = len(prefix) + STEP
        counts = Counter(
            r.category_path[:length]
            for r in pool("category")
            if r.category_path.startswith(prefix) and len(r.category_path) >= length
        )
        categories = sorted(Category.objects.filter(path__in=counts), key=lambda c: c.path)
        values = [
            FacetValue(c.slug, c.display_name, counts[c.path], query.category == c.slug)
            for c in categories
        ]
        if chosen:
            values.insert(
                0, FacetValue(chosen.slug, chosen.display_name, sum(counts.values()), True)
            )
        result["category"] = values
        counts = Counter(r.vendor_id for r in pool("vendor") if r.vendor_id)
        top = dict(counts.most_common(30))
        vendors = Vendor.objects.filter(pk__in=top).only("slug", "legal_name")
        result["vendor"] = by_count_then_name(
            FacetValue(v.slug, v.legal_name, top[v.pk], query.vendor == v.slug) for v in vendors
        )
        priced = [r.price for r in pool("price") if r.price is not None]
        result["price"] = [
            FacetValue(
                key,
                key,
                sum(1 for p in priced if (lo is None or p >= lo) and (hi is None or p < hi)),
                query.price_min == lo and query.price_max == (hi - 1 if hi else None),
            )
            for key, lo, hi in PRICE_BANDS
        ]
        rated = [r.rating for r in pool("rating") if r.rating_count and r.rating is not None]
        result["rating"] = [
            FacetValue(
                str(level),
                f"{level}+",
                sum(1 for value in rated if value >= buyer_rating_floor(level)),
                query.rating == level,
            )
            for level in BUYER_RATING_LEVELS
        ]
        return result

    def _empty_facets(self, query: SearchQuery) -> dict[str, list[FacetValue]]:
        return {name: [] for name in FACETS}

    def _sort_rows(self, rows: list[_Row], query: SearchQuery) -> list[_Row]:
        # Rows come newest first and Python's sort is stable: the newest wins every tie.
        if query.sort == "newest":
            return rows
        if query.sort in ("price", "-price"):
            # Products without a price go last either way.
            priced = [r for r in rows if r.price is not None]
            unpriced = [r for r in rows if r.price is None]
            return sorted(priced, key=lambda r: r.price, reverse=query.sort == "-price") + unpriced
        if query.sort == "stars":
            return sorted(rows, key=lambda r: -r.live_stars)
        if query.sort == "rating":
            rated = [r for r in rows if r.rating_count and r.rating is not None]
            unrated = [r for r in rows if not (r.rating_count and r.rating is not None)]
            return sorted(rated, key=lambda r: (-r.rating, -r.rating_count)) + unrated
        return sorted(rows, key=lambda r: (-r.in_title, -r.live_stars, not r.in_stock))

    def _hit(self, row: ProductIndexEntry) -> Hit:
        valid = row.stars and row.stars_from <= self.today <= row.stars_until
        return Hit(
            product_id=row.product_id,
            title=row.title,
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
        products = self._ordered(self.filtered(query), query)[:limit]
        suggestions = [Suggestion("product", p.title, p.url) for p in products]
        folded = " ".join(query.words)
        for category in Category.objects.all():
            if folded in fold_vietnamese(f"{category.name} {category.name_en}"):
                suggestions.append(
                    Suggestion("category", category.display_name, category.get_absolute_url())
                )
        return suggestions[: limit + 4]
