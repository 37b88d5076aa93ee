"""Text searches count their facets and order their hits in SQL over the typed words'
matches: every answer must equal a plain count of the index rows, made here in Python, on
a catalogue varied on purpose (expired and future certificates, no price, no producer, no
province, buyers' ratings, harvest seasons, out of stock), and with two filters but no text."""

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.utils import timezone

from catalogue.models import Category, Commune, Province
from catalogue.seasons import SeasonIndexFacts, index_facts_in_season, month_bit
from search.backends import database
from search.models import ProductIndexEntry, ProductIndexWord
from search.query import (
    BUYER_RATING_LEVELS,
    FACETS,
    PRICE_BANDS,
    STAR_LEVELS,
    SearchQuery,
    buyer_rating_floor,
)
from search.service import facet_values, search_products
from search.summary import entries_lock, summary_build
from vendors.models import Vendor

pytestmark = pytest.mark.django_db

SHOWN = 3  # producers a facet lists here, so that ties at the limit are decided


@pytest.fixture(scope="module")
def varied(demo_catalogue, django_db_blocker):
    """The demo catalogue's index rows, varied row by row (the search reads only these)."""
    today = timezone.localdate()
    with django_db_blocker.unblock():
        entries = list(ProductIndexEntry.objects.order_by("pk"))
        same_moment = entries[0].date_created
        for n, entry in enumerate(entries):
            if n % 7 == 0:  # a certificate that ran out, or one not yet valid
                entry.stars_from, entry.stars_until = (
                    today - timedelta(days=400),
                    today - timedelta(days=1),
                )
            if n % 11 == 0:
                entry.stars_from = today + timedelta(days=3)
            if n % 5 == 0:
                entry.price = None
            elif n % 5 == 1:
                entry.price = [99_999, 100_000, 500_000, 1_000_000][n % 4]
            if n % 6 == 0:
                entry.in_stock = not entry.in_stock
            if n % 4 == 0:
                entry.rating, entry.rating_count = [4.96, 3.95, 3.94, 2.0][n % 3], 1 + n % 4
            elif n % 9 == 0:
                entry.rating, entry.rating_count = 4.5, 0
            if n % 3 == 0:
                entry.season_months = month_bit(today.month) | month_bit(1 + today.month % 12)
            if n % 12 == 0:
                entry.season_starts_on = today + timedelta(days=2)
            if n % 13 == 0:
                entry.vendor_id = None
            if n % 17 == 0:
                entry.province_id = None
            if n % 4 == 2:  # equal dates: the id decides among them
                entry.date_created = same_moment
        ProductIndexEntry.objects.bulk_update(
            entries,
            [
                "stars_from",
                "stars_until",
                "price",
                "in_stock",
                "rating",
                "rating_count",
                "season_months",
                "season_starts_on",
                "vendor",
                "province",
                "date_created",
            ],
        )
        entries_lock()
        summary_build(day=today)
    return today


def _live_stars(entry: ProductIndexEntry, day: date) -> int:
    if entry.stars and entry.stars_from and entry.stars_until:
        return entry.stars if entry.stars_from <= day <= entry.stars_until else 0
    return 0


def _plain(query: SearchQuery, *, day: date, shown: int | None = SHOWN) -> dict:
    """The answer counted the plain way: every index row read, every rule written out."""
    words: dict[int, set[str]] = {}
    for entry_id, word in ProductIndexWord.objects.values_list("entry_id", "word"):
        words.setdefault(entry_id, set()).add(word)
    rows = [
        e
        for e in ProductIndexEntry.objects.all()
        if all(any(w.startswith(typed) for w in words.get(e.pk, ())) for typed in query.words)
    ]
    category = Category.objects.filter(slug=query.category).first() if query.category else None
    tests = {}
    if query.stars:
        tests["stars"] = lambda e: _live_stars(e, day) >= query.stars
    if query.commune:
        pk = Commune.objects.filter(code=query.commune).values_list("pk", flat=True).first()
        tests["province"] = lambda e: e.commune_id == pk
    elif query.province:
        pk = Province.objects.filter(code=query.province).values_list("pk", flat=True).first()
        tests["province"] = lambda e: e.province_id == pk
    if query.category:
        tests["category"] = lambda e: (
            category is not None and e.category_path.startswith(category.path)
        )
    if query.vendor:
        pk = Vendor.objects.filter(slug=query.vendor).values_list("pk", flat=True).first()
        tests["vendor"] = lambda e: e.vendor_id == pk
    if query.price_min is not None or query.price_max is not None:
        tests["price"] = lambda e: (
            e.price is not None
            and (query.price_min is None or e.price >= query.price_min)
            and (query.price_max is None or e.price <= query.price_max)
        )
    if query.in_stock:
        tests["in_stock"] = lambda e: e.in_stock
    if query.rating:
        tests["rating"] = lambda e: (
            e.rating_count > 0
            and e.rating is not None
            and e.rating >= buyer_rating_floor(query.rating)
        )
    if query.in_season:
        tests["in_season"] = lambda e: index_facts_in_season(
            facts=SeasonIndexFacts(e.season_months, e.season_starts_on, e.season_ends_on), day=day
        )

    def passing(leave_out: str = "") -> list[ProductIndexEntry]:
        return [e for e in rows if all(t(e) for name, t in tests.items() if name != leave_out)]

    newest = sorted(rows, key=lambda e: (e.date_created, e.pk), reverse=True)
    position = {e.pk: n for n, e in enumerate(newest)}
    matched = passing()
    in_title = {e.pk: all(f" {typed}" in e.title_folded for typed in query.words) for e in rows}
    matched.sort(key=lambda e: position[e.pk])
    if query.sort == "price":
        matched.sort(key=lambda e: (e.price is None, e.price or 0))
    elif query.sort == "-price":
        matched.sort(key=lambda e: (e.price is None, -(e.price or 0)))
    elif query.sort == "stars":
        matched.sort(key=lambda e: -_live_stars(e, day))
    elif query.sort == "rating":
        rated = lambda e: e.rating_count > 0 and e.rating is not None  # noqa: E731
        matched.sort(key=lambda e: (0, -e.rating, -e.rating_count) if rated(e) else (1, 0, 0))
    elif query.sort == "relevance":
        matched.sort(key=lambda e: (not in_title[e.pk], -_live_stars(e, day), not e.in_stock))
    start = (query.page - 1) * query.page_size

    facets: dict[str, dict[str, int]] = {}
    pool = passing("stars")
    facets["stars"] = {str(n): sum(_live_stars(e, day) >= n for e in pool) for n in STAR_LEVELS}
    pool = passing("province")
    facets["province"] = dict(
        Counter(
            Province.objects.get(pk=e.province_id).code for e in pool if e.province_id is not None
        )
    )
    prefix = category.path if category else ""
    pool = [e for e in passing("category") if e.category_path.startswith(prefix)]
    branches = Counter(e.category_path[: len(prefix) + 4] for e in pool)
    facets["category"] = {
        c.slug: branches[c.path]
        for c in Category.objects.filter(
            path__in=[p for p in branches if len(p) == len(prefix) + 4]
        )
    }
    if category:
        facets["category"][category.slug] = sum(facets["category"].values())
    pool = passing("vendor")
    vendor_pk = Vendor.objects.filter(slug=query.vendor).values_list("pk", flat=True).first()
    by_vendor = Counter(e.vendor_id for e in pool if e.vendor_id is not None)
    first_seen = {}
    for e in sorted(pool, key=lambda e: (e.vendor_id != vendor_pk, position[e.pk])):
        first_seen.setdefault(e.vendor_id, len(first_seen))
    top = sorted(by_vendor, key=lambda pk: (-by_vendor[pk], first_seen[pk]))[:shown]
    facets["vendor"] = {Vendor.objects.get(pk=pk).slug: by_vendor[pk] for pk in top}
    pool = [e.price for e in passing("price") if e.price is not None]
    facets["price"] = {
        key: sum((lo is None or p >= lo) and (hi is None or p < hi) for p in pool)
        for key, lo, hi in PRICE_BANDS
    }
    pool = [e.rating for e in passing("rating") if e.rating_count > 0 and e.rating is not None]
    facets["rating"] = {
        str(n): sum(r >= buyer_rating_floor(n) for r in pool) for n in BUYER_RATING_LEVELS
    }
    return {
        "count": len(matched),
        "ids": [e.pk for e in matched[start : start + query.page_size]],
        "facets": facets,
    }


def _served(query: SearchQuery) -> dict:
    result = search_products(query=query)
    facets = {name: {v.value: v.count for v in result.facets[name]} for name in FACETS}
    # Values counted zero are listed by the fixed facets only (stars, prices, ratings).
    for name in ("province", "category", "vendor"):
        facets[name] = {value: n for value, n in facets[name].items() if n}
    return {"count": result.count, "ids": [hit.product_id for hit in result.hits], "facets": facets}


def _expected(query: SearchQuery, day: date) -> dict:
    answer = _plain(query, day=day)
    for name in ("province", "category", "vendor"):
        answer["facets"][name] = {v: n for v, n in answer["facets"][name].items() if n}
    return answer


def _common_words() -> list[str]:
    counts = Counter(ProductIndexWord.objects.values_list("word", flat=True))
    return [word for word, _ in counts.most_common(4)]


@pytest.fixture
def few_producers(monkeypatch):
    monkeypatch.setattr(database, "VENDORS_SHOWN", SHOWN)


FILTERS = [
    {},
    {"stars": "3"},
    {"stars": "4", "in_stock": "1"},
    {"price_min": "100000", "price_max": "999999"},
    {"price_max": "99999", "stars": "3", "rating": "4"},
    {"rating": "4"},
    {"in_season": "1"},
    {"in_season": "1", "in_stock": "1", "stars": "3"},
    {"province": "22"},
]
SORTS = ["relevance", "price", "-price", "stars", "newest", "rating"]


@pytest.mark.parametrize("filters", FILTERS)
def test_text_searches_count_as_the_rows_do(varied, few_producers, filters):
    day = varied
    first, second, *_ = _common_words()
    group = Category.objects.filter(depth=1).order_by("path").first().slug
    for text in (first, f"{first} {second}", first[:2], f"{second[:3]} {first}"):
        for extra in ({}, {"category": group}):
            query = SearchQuery.from_params({"q": text, **filters, **extra})
            assert _served(query) == _expected(query, day), query


@pytest.mark.parametrize("sort", SORTS)
def test_text_searches_order_their_hits_as_the_rows_do(varied, few_producers, sort):
    day = varied
    word = _common_words()[0]
    for params in ({"q": word[:1]}, {"q": word, "stars": "3"}, {"q": word[:2], "page": "2"}):
        query = replace(SearchQuery.from_params({**params, "sort": sort}), page_size=5)
        assert _served(query) == _expected(query, day), query


def test_a_chosen_producer_and_a_chosen_subgroup_count_as_the_rows_do(varied, few_producers):
    day = varied
    word = _common_words()[0]
    entry = ProductIndexEntry.objects.filter(
        vendor__isnull=False, words__word__startswith=word
    ).first()
    subgroup = Category.objects.filter(path__startswith=entry.category_path[:4], depth=2).first()
    for params in (
        {"q": word, "vendor": entry.vendor.slug},
        {"q": word, "vendor": entry.vendor.slug, "stars": "3"},
        {"q": word, "category": subgroup.slug},
        {"q": word, "commune": Commune.objects.get(pk=entry.commune_id).code}
        if entry.commune_id
        else {"q": word},
    ):
        query = SearchQuery.from_params(params)
        assert _served(query) == _expected(query, day), params


def test_see_all_producers_of_a_text_search_lists_every_one(varied):
    day = varied
    query = SearchQuery.from_params({"q": _common_words()[0], "stars": "3"})
    every = {v.value: v.count for v in facet_values(query=query, facet="vendor")}
    assert every == _plain(query, day=day, shown=None)["facets"]["vendor"]
    assert len(every) > SHOWN


def test_unknown_places_and_producers_find_nothing(varied):
    word = _common_words()[0]
    for params in ({"province": "99"}, {"vendor": "khong-co"}, {"category": "khong-co"}):
        result = search_products(query=SearchQuery.from_params({"q": word, **params}))
        assert (result.count, result.hits) == (0, [])


@pytest.mark.parametrize(
    "filters",
    [
        {"stars": "4", "province": "22"},
        {"stars": "3", "in_stock": "1"},
        {"province": "22", "price_max": "99999"},
        {"stars": "3", "rating": "4", "in_season": "1"},
        {"stars": "3", "category": "thuc-pham", "in_stock": "1"},
        {"vendor": "htx-mien-dong-binh-lieu", "stars": "3", "price_min": "100000"},
        {"province": "22", "rating": "4", "sort": "price"},
    ],
)
def test_two_filters_without_text_count_as_the_rows_do(varied, few_producers, filters):
    query = SearchQuery.from_params(filters)
    assert _served(query) == _expected(query, varied)
