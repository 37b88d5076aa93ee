"""The search contract: what a shopper may ask for and what every backend answers.

`SearchQuery.from_params` reads request parameters and never raises: a value it cannot use
is dropped (and listed in `ignored`), so any URL gets an answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from catalogue.numbers import number_parse
from catalogue.text import fold_vietnamese, vietnamese_sort_key

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
PAGE_SIZE = 24
# Deeper pages are not served: 100 pages of 24 are 2,400 products, and filters narrow faster
# than paging (a deep OFFSET costs the database every row before it).
MAX_PAGE = 100
MAX_PRICE = 10**12
SORTS = ("relevance", "price", "-price", "stars", "newest", "rating")
STAR_LEVELS = (3, 4, 5)
# Buyers' average ratings offered as a filter ("rated 4 and up by buyers"); any level 1-5 is
# understood in a URL.
BUYER_RATING_LEVELS = (4,)
# Price bands shown as a facet, in đồng: (key, lower bound inclusive, upper bound exclusive).
PRICE_BANDS: tuple[tuple[str, int | None, int | None], ...] = (
    ("0-100000", None, 100_000),
    ("100000-200000", 100_000, 200_000),
    ("200000-500000", 200_000, 500_000),
    ("500000-1000000", 500_000, 1_000_000),
    ("1000000-", 1_000_000, None),
)
FACETS = ("stars", "province", "category", "vendor", "price", "rating")
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,95}")
_PROVINCE = re.compile(r"[0-9]{2}")
_COMMUNE = re.compile(r"[0-9]{5}")


def _money(value: Any) -> int | None:
    # Whole đồng, written with or without thousands separators ("125.000", "125,000").
    return number_parse(str(value).strip().replace(".", "").replace(",", ""), high=MAX_PRICE)


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""
    stars: int | None = None
    province: str | None = None
    commune: str | None = None
    category: str | None = None
    vendor: str | None = None
    price_min: int | None = None
    price_max: int | None = None
    in_stock: bool = False
    # The least average of buyers' approved reviews (1-5); never the OCOP stars.
    rating: int | None = None
    # Only products whose harvest season is open today (products sold all year are not).
    in_season: bool = False
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    ignored: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_params(cls, params: Any, **fixed: Any) -> SearchQuery:
        """Build a query from a QueryDict or dict; `fixed` values (e.g. a category page's
        category) win over the parameters."""
        get = params.get if hasattr(params, "get") else dict(params).get
        ignored: list[str] = []

        def take(name: str, parse):
            raw = get(name)
            if raw in (None, ""):
                return None
            value = parse(raw)
            if value is None:
                ignored.append(name)
            return value

        # NUL is no word separator to str.split(), and PostgreSQL refuses it in any string.
        q = " ".join(str(get("q") or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
        stars = take("stars", lambda v: number_parse(v, low=1, high=5))
        province = take("province", lambda v: v if _PROVINCE.fullmatch(str(v)) else None)
        commune = take("commune", lambda v: v if _COMMUNE.fullmatch(str(v)) else None)
        category = take("category", lambda v: v if _SLUG.fullmatch(str(v)) else None)
        vendor = take("vendor", lambda v: v if _SLUG.fullmatch(str(v)) else None)
        price_min = take("price_min", _money)
        price_max = take("price_max", _money)
        if price_min is not None and price_max is not None and price_min > price_max:
            price_min, price_max = price_max, price_min
        in_stock = str(get("in_stock") or "").lower() in ("1", "true", "on", "yes")
        rating = take("rating", lambda v: number_parse(v, low=1, high=5))
        in_season = str(get("in_season") or "").lower() in ("1", "true", "on", "yes")
        sort = str(get("sort") or "relevance")
        if sort not in SORTS:
            ignored.append("sort")
            sort = "relevance"
        page = take("page", lambda v: number_parse(v, low=1, high=10**9)) or 1
        query = cls(
            q=q,
            stars=stars,
            province=province,
            commune=commune,
            category=category,
            vendor=vendor,
            price_min=price_min,
            price_max=price_max,
            in_stock=in_stock,
            rating=rating,
            in_season=in_season,
            sort=sort,
            page=min(page, MAX_PAGE),
            ignored=tuple(ignored),
        )
        return replace(query, **fixed) if fixed else query

    @property
    def words(self) -> list[str]:
        """The folded words of the text query, at most MAX_WORDS of them."""
        return [w for w in re.split(r"[^\w]+", fold_vietnamese(self.q)) if w][:MAX_WORDS]

    def without(self, facet: str) -> SearchQuery:
        """The same query without one facet's filter: that facet's counts use it."""
        cleared = {
            "stars": {"stars": None},
            "province": {"province": None, "commune": None},
            "category": {"category": None},
            "vendor": {"vendor": None},
            "price": {"price_min": None, "price_max": None},
            "rating": {"rating": None},
        }[facet]
        return replace(self, **cleared)

    def to_params(self) -> dict[str, str]:
        """The non-default parameters, for links (pagination, clearing one filter)."""
        params: dict[str, str] = {}
        for name in ("q", "stars", "province", "commune", "category", "vendor", "rating"):
            value = getattr(self, name)
            if value not in (None, ""):
                params[name] = str(value)
        if self.price_min is not None:
            params["price_min"] = str(self.price_min)
        if self.price_max is not None:
            params["price_max"] = str(self.price_max)
        if self.in_stock:
            params["in_stock"] = "1"
        if self.in_season:
            params["in_season"] = "1"
        if self.sort != "relevance":
            params["sort"] = self.sort
        return params


@dataclass(frozen=True)
class Hit:
    product_id: int
    title: str
    url: str
    price: int | None
    stars: int | None
    province: str
    vendor: str
    image: str
    in_stock: bool
    # Buyers' average of approved reviews (one decimal) and their number; None and 0 without.
    rating: float | None = None
    rating_count: int = 0
    # The producer's English title; empty when none was written.
    title_en: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.product_id,
            "title": self.title,
            "title_en": self.title_en or None,
            "url": self.url,
            "price": self.price,
            "stars": self.stars,
            "province": self.province,
            "vendor": self.vendor,
            "image": self.image,
            "in_stock": self.in_stock,
            "buyer_rating": self.rating,
            "buyer_rating_count": self.rating_count,
        }


def buyer_rating_shown(rating: float | None, count: int) -> float | None:
    """The average as shown and served: one decimal rounded half up (as the badge's
    `floatformat`), and none without approved reviews."""
    if not count or rating is None:
        return None
    # Averages are 1 to 5, so adding a half tenth and dropping the rest rounds half up; Decimal
    # keeps 4.45 from reading as 4.4499… (money alone goes through shop.money).
    tenths = int(Decimal(repr(float(rating))) * 10 + Decimal("0.5"))
    return tenths / 10


def buyer_rating_floor(level: int) -> float:
    """The least stored average that reads as `level` or more once rounded to one decimal:
    a product shown "4/5" is found by "4 and up"."""
    return level - 0.05


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "label": self.label,
            "count": self.count,
            "selected": self.selected,
        }


def province_facet_order(values: Iterable[FacetValue]) -> list[FacetValue]:
    """Provinces in Vietnamese alphabetical order: a shopper looks a place up by its name.
    Values under the same name (a label the index lacks) keep the largest count first."""
    return sorted(values, key=lambda v: (vietnamese_sort_key(v.label), -v.count, v.value))


def by_count_then_name(values: Iterable[FacetValue]) -> list[FacetValue]:
    """The values with most products first; equal counts in Vietnamese order of their names."""
    return sorted(values, key=lambda v: (-v.count, vietnamese_sort_key(v.label)))


@dataclass(frozen=True)
class SearchResult:
    query: SearchQuery
    hits: list[Hit]
    count: int
    page: int
    num_pages: int
    facets: dict[str, list[FacetValue]]
    backend: str

    def as_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "page": self.page,
            "num_pages": self.num_pages,
            "results": [hit.as_json() for hit in self.hits],
            "facets": {
                name: [value.as_json() for value in values] for name, values in self.facets.items()
            },
            "ignored": list(self.query.ignored),
        }


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "product" or "category"
    label: str
    url: str
