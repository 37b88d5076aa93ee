"""A search's counts in one SQL statement, on SQLite and PostgreSQL alike.

The rows a search narrows to are found once (a common table expression, "m"): the entries
having every typed word, or without text (two filters or more) those the filters leave. The
total, each asked facet's counts and the page's ids are then grouped over those rows in one
UNION ALL, so a search costs one round trip whatever the number of facets. A facet counts
the rows passing every filter but its own (multi-select: choosing a province still lists the
other provinces with their counts); "in stock" and "in season" belong to no facet and always
apply.

Why not read the matches into Python and count there: at national scale a common word
matches thousands of entries, and fetching and converting their rows cost more than the
database spends grouping them. Why the word ranges go through an array on PostgreSQL: given
`IN (SELECT ...)`, its planner (costing random reads as if from disk) reads all 20,000 wide
entries to hash-join them; `= ANY(ARRAY(...))` makes it look the matches up in the primary
key, about four times faster (measured in docs/decisions.md).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from django.db import connection

from search.models import ProductIndexEntry, ProductIndexWord
from search.query import PRICE_BANDS, buyer_rating_floor


class Condition(NamedTuple):
    """A filter as SQL over the matched rows' columns, with its parameters."""

    sql: str
    params: list


class Counted(NamedTuple):
    total: int
    # facet -> value -> count, in the form the facet summary keeps (search.summary): stars and
    # buyers' rating levels by their exact value, categories by the branch's path.
    facets: dict[str, dict[str, int]]
    page_ids: list[int]


# Each facet's own filter (the one it leaves out when counting).
OWN_FILTER = {
    "stars": "stars",
    "province": "province",
    "category": "category",
    "vendor": "vendor",
    "price": "price",
    "rating": "rating",
}

STEP = 4  # treebeard's path step
# The fourth column of a count row (a page row holds its position there); typed, because
# PostgreSQL takes an untyped NULL in a subquery for text and cannot add it to numbers.
NO_ORDER = "CAST(NULL AS BIGINT)"

# The orders of the result list; every one ends with the newest first, then the highest id.
NEWEST = "date_created DESC, pk DESC"
RATED = "(rating_count > 0 AND rating IS NOT NULL)"
ORDERS = {
    "newest": NEWEST,
    # Products without a price go last either way (the databases disagree on where NULL sorts).
    "price": f"CASE WHEN price IS NULL THEN 1 ELSE 0 END, price, {NEWEST}",
    "-price": f"CASE WHEN price IS NULL THEN 1 ELSE 0 END, price DESC, {NEWEST}",
    "stars": f"live_stars DESC, {NEWEST}",
    # Best average first, more reviews first among equals; products no buyer rated last.
    "rating": (
        f"CASE WHEN {RATED} THEN 0 ELSE 1 END, CASE WHEN {RATED} THEN rating END DESC,"
        f" CASE WHEN {RATED} THEN rating_count END DESC, {NEWEST}"
    ),
    # Relevance: every word in the title first, then stars, then what can be bought now.
    "relevance": f"in_title DESC, live_stars DESC, in_stock DESC, {NEWEST}",
}


def _like_escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class MatchedStatement:
    def __init__(
        self,
        *,
        words: list[str],
        ranges: list[tuple[str, str]],
        day: date,
        live_stars_column: bool,
        filters: dict[str, Condition] | None,
        source: Condition | None = None,
    ) -> None:
        # The typed words (for the title test) and their ranges of indexed words.
        self.words = words
        self.ranges = ranges
        self.day = day
        # Whether the entries' live_stars column counts for `day` (the facet summary's day);
        # otherwise the stars valid on `day` are computed from the certificate's window.
        self.live_stars_column = live_stars_column
        self.filters = filters
        # Without words: the condition on the index rows that makes the common table.
        self.source = source

    # -- the common table expression ------------------------------------------------------

    def _matches(self) -> tuple[str, list]:
        word_table = connection.ops.quote_name(ProductIndexWord._meta.db_table)
        ranges, params = [], []
        for low, high in self.ranges:
            ranges.append(f"SELECT entry_id FROM {word_table} WHERE word >= %s AND word < %s")
            params += [low, high]
        ids = " INTERSECT ".join(ranges)
        if connection.vendor == "postgresql":
            return f"e.product_id = ANY(ARRAY({ids}))", params
        return f"e.product_id IN ({ids})", params

    def _cte(self) -> tuple[str, list]:
        entries = connection.ops.quote_name(ProductIndexEntry._meta.db_table)
        params: list = []
        if self.live_stars_column:
            live_stars = "e.live_stars"
        else:
            day = connection.ops.adapt_datefield_value(self.day)
            live_stars = (
                "CASE WHEN e.stars IS NOT NULL AND e.stars_from <= %s AND e.stars_until >= %s"
                " THEN e.stars ELSE 0 END"
            )
            params += [day, day]
        if self.words:
            in_title = " AND ".join(["e.title_folded LIKE %s ESCAPE '\\'"] * len(self.words))
            params += [f"% {_like_escaped(word)}%" for word in self.words]
            matches, match_params = self._matches()
        else:
            in_title = "1 = 0"
            matches, match_params = self.source.sql, self.source.params
        params += match_params
        rows = (
            f"SELECT e.product_id AS pk, {live_stars} AS live_stars, e.province_id,"
            " e.commune_id, e.category_path, e.vendor_id, e.price, e.in_stock, e.rating,"
            " e.rating_count, e.season_months, e.season_starts_on, e.season_ends_on,"
            f" e.date_created, CASE WHEN {in_title} THEN 1 ELSE 0 END AS in_title"
            f" FROM {entries} e WHERE {matches}"
        )
        # Each row's failed filters as bits ("miss"), tested once here: a branch then only
        # compares a number (0: passes every filter; a filter's bit: fails that one alone).
        misses, miss_params = [], []
        for bit, condition in self._bits().values():
            misses.append(f"CASE WHEN {condition.sql} THEN 0 ELSE {bit} END")
            miss_params += condition.params
        miss = " + ".join(misses) or "0"
        return f"SELECT r.*, {miss} AS miss FROM ({rows}) r", miss_params + params

    def _bits(self) -> dict[str, tuple[int, Condition]]:
        return {
            name: (1 << n, condition) for n, (name, condition) in enumerate(self.filters.items())
        }

    def _where(self, *, leave_out: str = "", extra: str = "") -> tuple[str, list]:
        own = self._bits().get(leave_out)
        parts = [f"miss IN (0, {own[0]})" if own else "miss = 0"]
        if extra:
            parts.append(extra)
        return " WHERE " + " AND ".join(parts), []

    # -- the branches ---------------------------------------------------------------------

    def _branch(self, facet: str, *, category_prefix: str, vendor_limit: int | None):
        """(sql, params) of one facet's counts: rows of (facet, value, count, order)."""
        if facet == "stars":
            where, params = self._where(leave_out="stars")
            return (
                f"SELECT 'stars', CAST(live_stars AS TEXT), COUNT(*), {NO_ORDER} FROM m{where}"
                " GROUP BY live_stars",
                params,
            )
        if facet == "province":
            where, params = self._where(leave_out="province", extra="province_id IS NOT NULL")
            return (
                f"SELECT 'province', CAST(province_id AS TEXT), COUNT(*), {NO_ORDER} FROM m{where}"
                " GROUP BY province_id",
                params,
            )
        if facet == "category":
            # The children of the chosen category (or the six groups) that hold matches.
            length = len(category_prefix) + STEP
            extra = f"LENGTH(category_path) >= {length}"
            if category_prefix:
                extra += f" AND SUBSTR(category_path, 1, {len(category_prefix)}) = %s"
            where, params = self._where(leave_out="category", extra=extra)
            if category_prefix:
                params.append(category_prefix)
            return (
                f"SELECT 'category', SUBSTR(category_path, 1, {length}), COUNT(*), {NO_ORDER}"
                f" FROM m{where} GROUP BY SUBSTR(category_path, 1, {length})",
                params,
            )
        if facet == "vendor":
            where, params = self._where(leave_out="vendor", extra="vendor_id IS NOT NULL")
            if vendor_limit is None:
                return (
                    f"SELECT 'vendor', CAST(vendor_id AS TEXT), COUNT(*), {NO_ORDER} FROM m{where}"
                    " GROUP BY vendor_id",
                    params,
                )
            # The top producers by count; among equal counts the chosen producer, then the
            # one with the newest match (the order the shopper has always seen).
            later = "CASE WHEN miss = 0 THEN 0 ELSE 1000000000 END"
            return (
                "SELECT * FROM (SELECT 'vendor', CAST(vendor_id AS TEXT), COUNT(*) AS n,"
                " MIN(seen) AS first_seen FROM (SELECT vendor_id,"
                f" ROW_NUMBER() OVER (ORDER BY {NEWEST}) + {later} AS seen FROM m{where}) v"
                f" GROUP BY vendor_id ORDER BY n DESC, first_seen LIMIT {int(vendor_limit)}) top",
                params,
            )
        if facet == "price":
            bands, band_params = [], []
            for key, low, high in PRICE_BANDS:
                test = ["price IS NOT NULL"]
                if low is not None:
                    test.append("price >= %s")
                    band_params.append(low)
                if high is not None:
                    test.append("price < %s")
                    band_params.append(high)
                bands.append(f"WHEN {' AND '.join(test)} THEN %s")
                band_params.append(key)
            where, params = self._where(leave_out="price", extra="price IS NOT NULL")
            return (
                f"SELECT 'price', CASE {' '.join(bands)} END, COUNT(*), {NO_ORDER}"
                f" FROM m{where} GROUP BY 2",
                band_params + params,
            )
        if facet == "rating":
            # Each rated row by the highest whole level its average reaches, as the summary
            # keeps them (search.summary.rating_level): a level's count sums those above it.
            levels = " ".join(["WHEN rating >= %s THEN %s"] * 5)
            level_params = [p for n in (5, 4, 3, 2, 1) for p in (buyer_rating_floor(n), str(n))]
            where, params = self._where(leave_out="rating", extra=RATED)
            return (
                f"SELECT 'rating', CASE {levels} ELSE '0' END, COUNT(*), {NO_ORDER}"
                f" FROM m{where} GROUP BY 2",
                level_params + params,
            )
        raise ValueError(facet)

    def run(
        self,
        *,
        facets: tuple[str, ...],
        category_prefix: str,
        vendor_limit: int | None,
        sort: str,
        start: int,
        size: int,
    ) -> Counted:
        cte, params = self._cte()
        where, where_params = self._where()
        branches = [(f"SELECT 'total', '', COUNT(*), {NO_ORDER} FROM m{where}", where_params)]
        branches += [
            self._branch(facet, category_prefix=category_prefix, vendor_limit=vendor_limit)
            for facet in facets
        ]
        order = ORDERS.get(sort, ORDERS["relevance"])
        branches.append(
            (
                # The first rows up to the page's end (a top-N sort, not a sort of every
                # match), numbered in that order; the page is the last `size` of them.
                "SELECT * FROM (SELECT 'page', '', pk, ROW_NUMBER() OVER (ORDER BY"
                f" {order}) AS o FROM (SELECT * FROM m{where} ORDER BY {order}"
                f" LIMIT {int(start + size)}) top_rows) p WHERE o > {int(start)}",
                where_params,
            )
        )
        sql = f"WITH m AS ({cte}) " + " UNION ALL ".join(
            f"SELECT * FROM ({branch}) b{n}" for n, (branch, _) in enumerate(branches)
        )
        for _, branch_params in branches:
            params += branch_params
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        total = 0
        counts: dict[str, dict[str, int]] = {name: {} for name in facets}
        page: list[tuple[int, int]] = []
        for facet, value, n, order_key in rows:
            if facet == "total":
                total = n
            elif facet == "page":
                page.append((order_key, n))
            elif value is not None:
                counts[facet][value] = n
        return Counted(total=total, facets=counts, page_ids=[pk for _, pk in sorted(page)])
