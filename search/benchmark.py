"""The searches both benchmarks time (bin/benchmark_search alone, bin/bench beside the pages
under load), so their figures name the same cases. Timings are taken in this process, warm:
one run first fills whatever the service caches, as on a site that has been serving."""

import statistics
import time
from dataclasses import dataclass

from catalogue.models import Category
from search.query import SearchQuery
from search.service import facet_values, search_products

# The cases the 20 ms goal names: faceted search, and browsing without text.
GOAL_CASES = ("browse all, all facets", "text + 3 filters, all facets")


@dataclass(frozen=True)
class Timing:
    name: str
    median_ms: float
    p95_ms: float
    cpu_ms: float
    hits: int


def search_cases() -> dict[str, tuple[SearchQuery, bool | str]]:
    """Name → (query, facets): True for every facet, False for none, a facet's name for that
    facet's whole list (the "see all" fragment)."""
    food = Category.objects.get(ocop_code="I").slug
    province = "22"
    mat_ong = SearchQuery(q="mat ong", stars=3, category=food, in_stock=True)
    return {
        "text only, no facets": (SearchQuery(q="mat ong"), False),
        "text only, all facets": (SearchQuery(q="mat ong"), True),
        "browse all, all facets": (SearchQuery(), True),
        "a group's page, all facets": (SearchQuery(category=food), True),
        "one province, all facets": (SearchQuery(province=province), True),
        "4 stars + province, all facets": (SearchQuery(stars=4, province=province), True),
        "text + 3 filters, no facets": (mat_ong, False),
        "text + 3 filters, all facets": (mat_ong, True),
        "2 words + province + price, all facets": (
            SearchQuery(q="tra shan", province="01", price_max=500000, sort="price"),
            True,
        ),
        "page 50 sorted by price, all facets": (SearchQuery(sort="price", page=50), True),
        "page 100 newest, no facets": (SearchQuery(sort="newest", page=100), False),
        "every producer (see all)": (SearchQuery(), "vendor"),
    }


def _run(query: SearchQuery, facets: bool | str) -> int:
    if isinstance(facets, str):
        return len(facet_values(query=query, facet=facets))
    return search_products(query=query, facets=facets).count


def search_timed(*, name: str, query: SearchQuery, facets: bool | str, repeat: int) -> Timing:
    _run(query, facets)
    times, cpu = [], []
    found = 0
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        found = _run(query, facets)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    times.sort()
    return Timing(
        name=name,
        median_ms=statistics.median(times),
        p95_ms=times[min(len(times) - 1, int(len(times) * 0.95))],
        cpu_ms=statistics.median(cpu),
        hits=found,
    )
