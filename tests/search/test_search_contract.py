"""The search contract on the demo catalogue: accent-free text, filters, facets, sorts."""

import pytest

from catalogue.models import Category, Product
from catalogue.text import fold_vietnamese
from search.models import ProductIndexEntry
from search.query import FACETS, SearchQuery
from search.service import search_products

pytestmark = pytest.mark.django_db


def titles(**params) -> list[str]:
    result = search_products(query=SearchQuery.from_params({**params, "page": 1}))
    return [hit.title for hit in result.hits]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("mien dong binh lieu", "Miến dong Bình Liêu"),
        ("MẬT ONG", "Mật ong"),
        ("dau so", "Dầu sở"),
        ("lieu binh dong mien", "Miến dong Bình Liêu"),
        ("mat ong hoa ban dien bien", "Mật ong hoa Ban Điện Biên"),
        ("tinh dau que", "Tinh dầu quế"),
    ],
)
def test_vietnamese_is_found_with_or_without_accents_in_any_order(demo_catalogue, typed, expected):
    found = titles(q=typed)

    assert found, typed
    assert found[0].startswith(expected), (typed, found[:3])


def test_every_demo_product_is_found_by_its_name_typed_without_accents(demo_catalogue):
    for product in Product.objects.all():
        typed = fold_vietnamese(product.title)

        assert product.title in titles(q=typed), typed


def test_a_word_matches_from_its_start_not_from_inside_another_word(demo_catalogue):
    result = search_products(query=SearchQuery(q="ong"))
    texts = " ".join(e.text_folded for e in ProductIndexEntry.objects.all())

    assert result.count > 0
    assert " khong " in texts or " trong " in texts  # words that merely contain "ong" exist
    for hit in result.hits:
        entry = ProductIndexEntry.objects.get(product_id=hit.product_id)
        assert " ong" in entry.text_folded, hit.title


def test_minimum_stars_counts_only_valid_certificates(demo_catalogue):
    five = search_products(query=SearchQuery(stars=5))
    products = Product.objects.filter(pk__in=[h.product_id for h in five.hits])

    assert five.count >= 2
    assert all(p.ocop_stars == 5 for p in products)
    expired_five = [
        p for p in Product.objects.all() if p.ocop_stars is None and p.ocop_certificates.exists()
    ]
    assert not {p.pk for p in expired_five} & {h.product_id for h in five.hits}


def test_a_group_includes_its_subgroups(demo_catalogue):
    food = Category.objects.get(ocop_code="I")
    noodles = Category.objects.get(ocop_code="I.3.b")

    in_food = set(titles(category=food.slug, sort="newest"))
    in_noodles = set(titles(category=noodles.slug))

    assert in_noodles and in_noodles <= in_food
    assert any("Miến dong" in t for t in in_noodles)


def test_filters_narrow_by_province_producer_price_and_stock(demo_catalogue):
    quang_ninh = search_products(query=SearchQuery(province="22"))
    cheap = search_products(query=SearchQuery(price_max=100000, sort="price"))
    stocked = search_products(query=SearchQuery(in_stock=True))

    assert quang_ninh.count and all(h.province == "Quảng Ninh" for h in quang_ninh.hits)
    prices = [h.price for h in cheap.hits]
    assert prices == sorted(prices) and max(prices) <= 100000
    assert all(h.in_stock for h in stocked.hits)
    assert stocked.count < search_products(query=SearchQuery()).count


@pytest.mark.parametrize("text", ["", "mat ong"])
@pytest.mark.parametrize("facet", FACETS)
def test_facet_counts_match_the_results_of_choosing_them(demo_catalogue, facet, text):
    # With text the counts come from the in-memory path, without it from SQL: both agree.
    base = {"q": text, "in_stock": "1"}
    if facet != "stars":
        base["stars"] = "3"
    result = search_products(query=SearchQuery.from_params(base))

    for value in result.facets[facet]:
        params = dict(base)
        if facet == "price":
            low, _, high = value.value.partition("-")
            if low and low != "0":
                params["price_min"] = low
            if high:
                params["price_max"] = str(int(high) - 1)
        else:
            params[facet] = value.value
        chosen = search_products(query=SearchQuery.from_params(params), facets=False)
        assert chosen.count == value.count, (facet, value)


def test_choosing_a_province_keeps_the_other_provinces_counts(demo_catalogue):
    everywhere = search_products(query=SearchQuery())
    in_dien_bien = search_products(query=SearchQuery(province="11"))

    assert in_dien_bien.facets["province"] == [
        value.__class__(value.value, value.label, value.count, value.value == "11")
        for value in everywhere.facets["province"]
    ]


@pytest.mark.parametrize("sort", ["price", "-price", "stars", "newest"])
def test_sorts_order_the_results(demo_catalogue, sort):
    hits = search_products(query=SearchQuery(sort=sort)).hits

    if sort in ("price", "-price"):
        prices = [h.price for h in hits]
        assert prices == sorted(prices, reverse=sort == "-price")
    elif sort == "stars":
        stars = [h.stars or 0 for h in hits]
        assert stars == sorted(stars, reverse=True)
    else:
        assert len(hits) == 24


def test_relevance_puts_title_matches_before_mentions(demo_catalogue):
    found = titles(q="mat ong")

    assert fold_vietnamese(found[0]).count("mat ong") == 1
