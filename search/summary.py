"""The facet summary: text-free facet counts kept current by the index writer.

Browsing without text (the catalogue, a group's page, one facet chosen) reads its counts and
its total from `FacetCount` instead of counting the index. Each entry adds 1 to a set of
(scope, facet, value) keys: for every scope it belongs to ("" for all products, one per
filter it passes), every facet value it has except the scope's own facet, plus "total".
The index writer applies the difference between an entry's old and new keys in the same
transaction as the entry; a deleted entry takes its keys away (receiver below).

Stars depend on the day (a certificate runs out without re-indexing): the summary and each
entry's `live_stars` are counted for `FacetSummaryState.day`. The first search on another
day moves them: only entries whose stars changed in between are touched.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from django.db import DatabaseError, connection, transaction
from django.db.models import Case, F, IntegerField, Q, Value, When

from search.models import FacetCount, FacetSummaryState, ProductIndexEntry
from search.query import BUYER_RATING_LEVELS, PRICE_BANDS, STAR_LEVELS, buyer_rating_floor

logger = logging.getLogger(__name__)

STEP = 4  # treebeard's path step
TOTAL = "total"
Key = tuple[str, str, str]


class Facts(NamedTuple):
    """The entry columns the keys are made of."""

    pk: int
    live_stars: int
    province_id: int | None
    commune_id: int | None
    category_path: str
    vendor_id: int | None
    price: int | None
    in_stock: bool
    rating: float | None
    rating_count: int


COLUMNS = Facts._fields


def facts_of(entry: ProductIndexEntry) -> Facts:
    return Facts(*(getattr(entry, name) for name in COLUMNS))


def live_stars_on(day: date) -> Case:
    """SQL: the stars of the certificate valid on `day`, else 0."""
    valid = Q(stars__isnull=False, stars_from__lte=day, stars_until__gte=day)
    return Case(When(valid, then=F("stars")), default=Value(0), output_field=IntegerField())


def live_stars_of(entry: ProductIndexEntry, day: date) -> int:
    if entry.stars and entry.stars_from and entry.stars_until:
        if entry.stars_from <= day <= entry.stars_until:
            return entry.stars
    return 0


def price_band(price: int | None) -> str | None:
    if price is None:
        return None
    for key, low, high in PRICE_BANDS:
        if (low is None or price >= low) and (high is None or price < high):
            return key
    return None


def rating_level(rating: float | None, count: int) -> int:
    """The highest whole level (1-5) the buyers' average reaches, 0 without reviews."""
    if not count or rating is None:
        return 0
    return max((level for level in range(1, 6) if rating >= buyer_rating_floor(level)), default=0)


def ancestors(path: str) -> list[str]:
    return [path[:end] for end in range(STEP, len(path) + 1, STEP)]


def keys_of(facts: Facts) -> list[Key]:
    values: list[tuple[str, str]] = [(TOTAL, ""), ("stars", str(facts.live_stars))]
    if facts.province_id:
        values.append(("province", str(facts.province_id)))
    values += [("category", path) for path in ancestors(facts.category_path)]
    if facts.vendor_id:
        values.append(("vendor", str(facts.vendor_id)))
    band = price_band(facts.price)
    if band:
        values.append(("price", band))
    level = rating_level(facts.rating, facts.rating_count)
    if level:
        values.append(("rating", str(level)))
    # (scope, the facet that scope's filter belongs to)
    scopes: list[tuple[str, str]] = [("", "")]
    scopes += [(f"stars:{n}", "stars") for n in STAR_LEVELS if facts.live_stars >= n]
    if facts.province_id:
        scopes.append((f"province:{facts.province_id}", "province"))
    if facts.commune_id:
        scopes.append((f"commune:{facts.commune_id}", "province"))
    scopes += [(f"category:{path}", "category") for path in ancestors(facts.category_path)]
    if facts.vendor_id:
        scopes.append((f"vendor:{facts.vendor_id}", "vendor"))
    if band:
        scopes.append((f"price:{band}", "price"))
    if facts.in_stock:
        scopes.append(("in_stock", ""))
    scopes += [(f"rating:{n}", "rating") for n in BUYER_RATING_LEVELS if level >= n]
    return [
        (scope, facet, value)
        for scope, own in scopes
        for facet, value in values
        if facet != own or facet == TOTAL
    ]


# -- the state ---------------------------------------------------------------------------------


def _state(*, lock: bool, nowait: bool = False) -> FacetSummaryState:
    states = FacetSummaryState.objects.all()
    if lock:
        states = states.select_for_update(nowait=nowait)
    state = states.first()
    if state is None:
        state, _ = FacetSummaryState.objects.get_or_create(pk=1)
    return state


def summary_day() -> date | None:
    """The day the summary is counted for, None while it is to be built."""
    return FacetSummaryState.objects.values_list("day", flat=True).first()


# -- writing -----------------------------------------------------------------------------------


def _apply(deltas: Counter) -> None:
    rows = [(*key, n) for key, n in deltas.items() if n]
    if not rows:
        return
    table = connection.ops.quote_name(FacetCount._meta.db_table)
    q = connection.ops.quote_name
    columns = ", ".join(q(c) for c in ("scope", "facet", "value", "count"))
    # One statement per chunk: add to the row, or create it. Both databases know the clause.
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            chunk = rows[start : start + 500]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES "
                + ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
                + f" ON CONFLICT ({q('scope')}, {q('facet')}, {q('value')}) DO UPDATE SET "
                f"{q('count')} = {table}.{q('count')} + excluded.{q('count')}",
                [value for row in chunk for value in row],
            )


def summary_day_for_writing() -> date | None:
    """Lock the state for an index write and say which day its stars are counted for (None:
    the summary is not built, the write only has to leave it so)."""
    return _state(lock=True).day


def summary_update(*, before: Iterable[Facts], after: Iterable[Facts]) -> None:
    """Move the counts from the entries' old facts to their new ones (caller holds the lock)."""
    deltas: Counter = Counter()
    for facts in before:
        deltas.subtract(keys_of(facts))
    for facts in after:
        deltas.update(keys_of(facts))
    _apply(deltas)


def summary_invalidate() -> None:
    """Drop the summary until it is built again: by the rebuild that calls this first, or for
    a small index by the next write or search."""
    state = _state(lock=True)
    state.day = None
    state.save(update_fields=["day"])


def entry_deleted(sender, instance: ProductIndexEntry, **kwargs) -> None:
    # Entries go when a product is deleted (a cascade, before any task runs) or leaves the
    # storefront (the writer deletes them): either way their counts go with them.
    if summary_day_for_writing() is not None:
        summary_update(before=[facts_of(instance)], after=[])


def summary_build(*, day: date) -> int:
    """Count everything again for `day`; returns the number of keys. The caller holds the
    entries and the state (search.indexing.index_rebuild, or `summary_ensure`)."""
    ProductIndexEntry.objects.exclude(live_stars=live_stars_on(day)).update(
        live_stars=live_stars_on(day)
    )
    counts: Counter = Counter()
    for row in ProductIndexEntry.objects.values_list(*COLUMNS).iterator(chunk_size=2000):
        counts.update(keys_of(Facts(*row)))
    FacetCount.objects.all().delete()
    FacetCount.objects.bulk_create(
        (FacetCount(scope=s, facet=f, value=v, count=n) for (s, f, v), n in counts.items() if n),
        batch_size=2000,
    )
    FacetSummaryState.objects.update_or_create(pk=1, defaults={"day": day})
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(FacetCount._meta.db_table)}")
    return len(counts)


def summary_build_if_small(*, day: date) -> None:
    """Build a missing summary within an index write when the index is small (a new or test
    database), so that no shopper's request has to; a larger one waits for the rebuild."""
    if ProductIndexEntry.objects.count() > BUILD_ON_READ_LIMIT:
        return
    try:
        with transaction.atomic():
            entries_lock(nowait=True)
            summary_build(day=day)
    except DatabaseError:  # another write holds entries: the next write or search builds it
        logger.warning("The facet summary could not be built now", exc_info=True)


def entries_lock(*, nowait: bool = False) -> None:
    """Lock every entry (before the state: the order the index writer takes them in)."""
    list(ProductIndexEntry.objects.select_for_update(nowait=nowait).values_list("pk", flat=True))


def _roll(*, to: date) -> None:
    """Move live stars and counts to another day: only entries whose stars differ."""
    changed = list(
        ProductIndexEntry.objects.select_for_update(nowait=True)
        .annotate(now=live_stars_on(to))
        .exclude(live_stars=F("now"))
        .order_by("pk")
    )
    before = [facts_of(e) for e in changed]
    for entry in changed:
        entry.live_stars = entry.now
    ProductIndexEntry.objects.bulk_update(changed, ["live_stars"])
    summary_update(before=before, after=[facts_of(e) for e in changed])


# A search builds a missing summary itself only for a small index (a new or test database):
# at national scale the build takes seconds, which belongs to `search_index --rebuild` (run by
# every deploy and every night), and searches count rows until it has run.
BUILD_ON_READ_LIMIT = 5000


def summary_ensure(*, day: date) -> bool:
    """Make the summary count for `day` (build it, or move it from another day); False if it
    cannot be had now (an index write or rebuild holds it), and the search then counts rows
    itself. Never waits for a lock: a shopper's page does not queue behind a rebuild."""
    if summary_day() == day:
        return True
    try:
        with transaction.atomic():
            state = _state(lock=True, nowait=True)
            if state.day == day:
                return True
            if state.day is None:
                if ProductIndexEntry.objects.count() > BUILD_ON_READ_LIMIT:
                    return False
                entries_lock(nowait=True)
                summary_build(day=day)
            else:
                _roll(to=day)
                state.day = day
                state.save(update_fields=["day"])
        return True
    except DatabaseError as error:
        # Expected while an index write or the nightly rebuild holds the summary: every
        # search meanwhile comes here, so one line each, without a traceback.
        logger.info("The facet summary could not be brought to %s now: %s", day, error)
        return False
