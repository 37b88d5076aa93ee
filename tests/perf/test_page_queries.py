"""Anonymous storefront pages cost the same number of queries whatever the catalogue's size and
however many cards a page shows, and can be kept by a shared cache (no cookie, public).

The module seeds the demo catalogue with synthetic products up to 100, counts each page's
queries, grows the catalogue to 5,000 (bulk-written by `seed_demo --products`) and counts
again. Every count is of a page rendered from scratch: the caches are emptied just before
(after one earlier request, so what a process loads once is not counted), so a page cache in
front cannot hide a page whose queries grow.
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from catalogue.models import Category, Product
from catalogue.selectors import storefront_products
from cms.models.pages import RegionPage, StoryPage
from shop.tourism.models import Widget

pytestmark = pytest.mark.django_db

SMALL, LARGE = 100, 5_000
# The real demo catalogue (35 producers' products and a gift box of some of them) comes
# first; synthetic products fill up to the size.
DEMO_PRODUCTS = 36


def caches_clear() -> None:
    for alias in settings.CACHES:
        caches[alias].clear()


def queries(url: str) -> int:
    """Queries of an anonymous GET of a page rendered from scratch."""
    # Code and templates a process loads once. Twice, with the caches emptied between: in a
    # full parallel run the home page's first render from scratch after other modules cost
    # 14 queries more than every later one (not seen when the module runs alone).
    Client().get(url)
    caches_clear()
    Client().get(url)
    caches_clear()
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured.captured_queries)


def storefront_urls() -> dict[str, str]:
    """One URL of every anonymous storefront page, the same rows whatever the size."""
    product = storefront_products().exclude(upc__startswith="SYN-").order_by("id").first()
    widget = Widget.objects.select_related("partner").order_by("id").first()
    return {
        "home": "/",
        "catalogue": "/catalogue/",
        "catalogue, 4 stars + province": "/catalogue/?stars=4&province=22",
        "category": Category.objects.get(ocop_code="I").get_absolute_url(),
        "search": "/search/?q=mat+ong",
        "product": product.get_absolute_url(),
        "stories": "/stories/",
        "story": StoryPage.objects.live().order_by("id").first().url,
        "region": RegionPage.objects.live().order_by("id").first().url,
        "embed": f"/embed/w/{widget.pk}/?key={widget.partner.publishable_key}",
        "API list": "/api/v1/products/?q=mat",
    }


PAGES = (
    "home",
    "catalogue",
    "catalogue, 4 stars + province",
    "category",
    "search",
    "product",
    "stories",
    "story",
    "region",
    "embed",
    "API list",
)
# Lists of cards: a full first page against the last page, which holds fewer cards. Lists
# stop at page 100 (2,400 products), so the whole catalogue of 5,000 ends on a full page:
# the catalogue and the API are counted within one province.
LISTS = {
    "catalogue": "/catalogue/?province=22",
    "category": None,  # the group I page in that province, filled in once the catalogue exists
    "search": "/search/?q=mat+ong",
    "API list": "/api/v1/products/?province=22",
}


def last_page(url: str) -> tuple[str, int, int]:
    """The URL of the list's last page, with the number of cards on its first and last."""
    joiner = "&" if "?" in url else "?"
    response = Client().get(url)
    if url.startswith("/api/"):
        body = response.json()
        last = body["num_pages"]
        cards_last = len(Client().get(f"{url}{joiner}page={last}").json()["results"])
        return f"{url}{joiner}page={last}", len(body["results"]), cards_last
    last = response.context["paginator"].num_pages
    cards_last = len(Client().get(f"{url}{joiner}page={last}").context["products"])
    return f"{url}{joiner}page={last}", len(response.context["products"]), cards_last


def seed(total: int) -> None:
    call_command(
        "seed_demo",
        products=total - DEMO_PRODUCTS,
        no_images=True,
        verbosity=0,
        stdout=StringIO(),
        stderr=StringIO(),
    )


@pytest.fixture(scope="module")
def counted(django_db_setup, django_db_blocker, tmp_path_factory):
    """Queries of every page at 100 and at 5,000 products, and of the first and last page of
    each list at 5,000 products; the catalogue stays at 5,000 for the module's other tests."""
    media = tmp_path_factory.mktemp("perf-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media / "media", PRIVATE_MEDIA_ROOT=media / "private"),
        transaction.atomic(),
    ):
        seed(SMALL)
        assert Product.objects.count() == SMALL
        urls = storefront_urls()
        small = {name: queries(urls[name]) for name in PAGES}
        seed(LARGE)
        assert Product.objects.count() == LARGE
        large = {name: queries(urls[name]) for name in PAGES}
        lists = {}
        for name, url in LISTS.items():
            url = url or f"{urls[name]}?province=22"
            last_url, cards_first, cards_last = last_page(url)
            assert cards_first > cards_last, (name, cards_first, cards_last)
            lists[name] = (queries(url), queries(last_url), cards_first, cards_last)
        yield {"urls": urls, "small": small, "large": large, "lists": lists}
        transaction.set_rollback(True)


@pytest.mark.parametrize("page", PAGES)
def test_queries_do_not_grow_with_the_catalogue(counted, page):
    assert counted["large"][page] == counted["small"][page], (
        f"{counted['urls'][page]}: {counted['small'][page]} queries with {SMALL} products, "
        f"{counted['large'][page]} with {LARGE}"
    )


@pytest.mark.parametrize("name", LISTS)
def test_queries_do_not_grow_with_the_cards_on_a_page(counted, name):
    full, last, cards_full, cards_last = counted["lists"][name]

    assert last == full, f"{name}: {full} queries for {cards_full} cards, {last} for {cards_last}"


# Queries of a page rendered from scratch, at most (the same on SQLite and PostgreSQL). List
# pages load their cards with only what a card shows (the stars and the pre-order terms in
# the products' own query, no prefetch nobody reads) and read the six OCOP groups once for
# the header and the side column; the product, editorial and embed pages read each row they
# show once (a story's pictures in one query, a child page with its locale, province and lead
# picture, breadcrumbs from the pages routing read). A change that reads more fails here; one
# that reads less lowers the figure.
MOST_QUERIES = {
    "home": 27,
    "catalogue": 17,
    "catalogue, 4 stars + province": 18,
    "category": 27,
    "search": 16,
    "product": 24,
    "stories": 19,
    "story": 29,
    "region": 31,
    "embed": 13,
}


@pytest.mark.parametrize("page", MOST_QUERIES)
def test_pages_read_no_more_than_their_rows(counted, page):
    assert counted["large"][page] <= MOST_QUERIES[page], (
        f"{counted['urls'][page]}: {counted['large'][page]} queries, "
        f"at most {MOST_QUERIES[page]} expected"
    )


# The home, catalogue, product, search and stories pages are checked in
# tests/shop/test_cacheable_pages.py; these are the other anonymous storefront pages. The
# widget's embed page is not among them yet: it is still sent as "private".
@pytest.mark.parametrize(
    "page", ("category", "catalogue, 4 stars + province", "story", "region", "API list")
)
def test_other_storefront_pages_set_no_cookie_and_may_be_kept_by_a_shared_cache(counted, page):
    response = Client().get(counted["urls"][page])

    assert response.status_code == 200
    assert not response.cookies, list(response.cookies)
    assert "public" in response["Cache-Control"]
