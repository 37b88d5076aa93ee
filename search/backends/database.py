"""The embedded search backend: filters, relevance and multi-select facets in SQL over
ProductIndexEntry. Works on SQLite and PostgreSQL."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Substr

from catalogue.models import Category, Commune, Province
from catalogue.text import fold_vietnamese
from search.backends.base import SearchBackend
from search.models import ProductIndexEntry
from search.query import (
    FACETS,
    PRICE_BANDS,
    STAR_LEVELS,
    FacetValue,
    Hit,
    SearchQuery,
    SearchResult,
    Suggestion,
)
from vendors.models import Vendor

STEP = 4  # treebeard's path step: a category's children extend its path by 4 characters


def _valid_stars(day: date) -> Q:
    return Q(stars__isnull=False, stars_from__lte=day, stars_until__gte=day)


class DatabaseBackend(SearchBackend):
    name = "database"

    # -- filters ---------------------------------------------------------------------------

    def filtered(self, query: SearchQuery) -> QuerySet[ProductIndexEntry]:
        entries = ProductIndexEntry.objects.all()
        for word in query.words:
            # Words match from their start: "ong" finds "ong" (bee), not "không".
            entries = entries.filter(text_folded__contains=f" {word}")
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
        return entries

    def _ordered(self, entries, query: SearchQuery):
        stars = Case(When(_valid_stars(self.today), then="stars"), default=Value(0))
        if query.sort == "price":
            return entries.order_by("price", "-date_created")
        if query.sort == "-price":
            return entries.order_by("-price", "-date_created")
        if query.sort == "stars":
            return entries.annotate(live_stars=stars).order_by("-live_stars", "-date_created")
        if query.sort == "newest":
            return entries.order_by("-date_created", "-pk")
        # Relevance: every word in the title first, then stars, then what can be bought now.
        title_match = Q()
        for word in query.words:
            title_match &= Q(title_folded__contains=f" {word}")
        in_title = (
            Case(When(title_match, then=Value(1)), default=Value(0), output_field=IntegerField())
            if query.words
            else Value(0, output_field=IntegerField())
        )
        return entries.annotate(in_title=in_title, live_stars=stars).order_by(
            "-in_title", "-live_stars", "-in_stock", "-date_created"
        )

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
        return sorted(values, key=lambda v: (-v.count, v.label))

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
        return sorted(values, key=lambda v: (-v.count, v.label))

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
        """One scan for the text, then filters, facets and order in Python.

        Multi-select facets need the matches of six filter combinations; reading the
        text-matched rows once and counting here is several times faster than six SQL
        scans of the index, on SQLite above all.
        """
        scope = ProductIndexEntry.objects.all()
        for word in query.words:
            scope = scope.filter(text_folded__contains=f" {word}")
        columns = (
            "pk", "stars", "stars_from", "stars_until", "province_id", "commune_id",
            "category_path", "vendor_id", "price", "in_stock", "date_created", "title_folded",
        )  # fmt: skip
        rows = [dict(zip(columns, values, strict=True)) for values in scope.values_list(*columns)]
        today = self.today
        for row in rows:
            valid = row["stars"] and row["stars_from"] <= today <= row["stars_until"]
            row["live_stars"] = row["stars"] if valid else 0
        tests = self._row_tests(query)
        if tests is None:  # a filter names something that does not exist
            matched, facet_values = [], self._empty_facets(query)
        else:
            matched = [r for r in rows if all(test(r) for test in tests.values())]
            facet_values = self._facets_from_rows(query, rows, tests)
        matched = self._sort_rows(matched, query)
        count = len(matched)
        num_pages = max(1, math.ceil(count / query.page_size))
        page = min(query.page, num_pages)
        start = (page - 1) * query.page_size
        page_ids = [r["pk"] for r in matched[start : start + query.page_size]]
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

    def _row_tests(self, query: SearchQuery) -> dict | None:
        """One predicate per facet (the text is already applied), or None if a filter
        names an unknown province, commune, category or producer."""
        tests: dict[str, object] = {}
        if query.stars:
            tests["stars"] = lambda r, n=query.stars: r["live_stars"] >= n
        if query.commune:
            commune = Commune.objects.filter(code=query.commune).values_list("pk", flat=True)
            if not commune:
                return None
            tests["province"] = lambda r, pk=commune[0]: r["commune_id"] == pk
        elif query.province:
            province = Province.objects.filter(code=query.province).values_list("pk", flat=True)
            if not province:
                return None
            tests["province"] = lambda r, pk=province[0]: r["province_id"] == pk
        if query.category:
            category = self._category(query.category)
            if category is None:
                return None
            tests["category"] = lambda r, p=category.path: r["category_path"].startswith(p)
        if query.vendor:
            vendor = Vendor.objects.filter(slug=query.vendor).values_list("pk", flat=True)
            if not vendor:
                return None
            tests["vendor"] = lambda r, pk=vendor[0]: r["vendor_id"] == pk
        low, high = query.price_min, query.price_max
        if low is not None or high is not None:
            tests["price"] = lambda r: (
                r["price"] is not None
                and ((low is None or r["price"] >= low) and (high is None or r["price"] <= high))
            )
        if query.in_stock:
            tests["in_stock"] = lambda r: r["in_stock"]
        return tests

    def _facets_from_rows(self, query, rows, tests) -> dict[str, list[FacetValue]]:
        def rows_without(facet: str):
            others = [t for name, t in tests.items() if name != facet]
            return [r for r in rows if all(t(r) for t in others)]

        result: dict[str, list[FacetValue]] = {}
        base = rows_without("stars")
        result["stars"] = [
            FacetValue(
                str(n), f"{n}★+", sum(1 for r in base if r["live_stars"] >= n), query.stars == n
            )
            for n in STAR_LEVELS
        ]
        counts = Counter(r["province_id"] for r in rows_without("province") if r["province_id"])
        provinces = Province.objects.filter(pk__in=counts).only("code", "short_name")
        result["province"] = sorted(
            (
                FacetValue(p.code, p.short_name, counts[p.pk], query.province == p.code)
                for p in provinces
            ),
            key=lambda v: (-v.count, v.label),
        )
        chosen = self._category(query.category)
        prefix = chosen.path if chosen else ""
        length = len(prefix) + STEP
        counts = Counter(
            r["category_path"][:length]
            for r in rows_without("category")
            if r["category_path"].startswith(prefix) and len(r["category_path"]) >= length
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
        counts = Counter(r["vendor_id"] for r in rows_without("vendor") if r["vendor_id"])
        top = dict(counts.most_common(30))
        vendors = Vendor.objects.filter(pk__in=top).only("slug", "legal_name")
        result["vendor"] = sorted(
            (FacetValue(v.slug, v.legal_name, top[v.pk], query.vendor == v.slug) for v in vendors),
            key=lambda v: (-v.count, v.label),
        )
        priced = [r["price"] for r in rows_without("price") if r["price"] is not None]
        result["price"] = [
            FacetValue(
                key,
                key,
                sum(1 for p in priced if (lo is None or p >= lo) and (hi is None or p < hi)),
                query.price_min == lo and query.price_max == (hi - 1 if hi else None),
            )
            for key, lo, hi in PRICE_BANDS
        ]
        return result

    def _empty_facets(self, query: SearchQuery) -> dict[str, list[FacetValue]]:
        return {name: [] for name in FACETS}

    def _sort_rows(self, rows: list[dict], query: SearchQuery) -> list[dict]:
        newest = sorted(rows, key=lambda r: (r["date_created"], r["pk"]), reverse=True)
        if query.sort == "newest":
            return newest
        if query.sort in ("price", "-price"):
            # Products without a price go last either way.
            priced = [r for r in newest if r["price"] is not None]
            unpriced = [r for r in newest if r["price"] is None]
            return (
                sorted(priced, key=lambda r: r["price"], reverse=query.sort == "-price") + unpriced
            )
        if query.sort == "stars":
            return sorted(newest, key=lambda r: -r["live_stars"])
        words = [f" {w}" for w in query.words]

        def relevance(r: dict) -> tuple:
            in_title = bool(words) and all(w in r["title_folded"] for w in words)
            return (not in_title, -r["live_stars"], not r["in_stock"])

        return sorted(newest, key=relevance)

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
