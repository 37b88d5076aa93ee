"""A product sold as a pre-order can be ordered today whatever its stock: the "in stock"
filter lists it and the facet summary counts it, like the index rows; once its pre-orders
close or its day comes, it is out of stock again."""

from datetime import timedelta

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from search.backends import database
from search.indexing import index_products
from search.query import SearchQuery
from search.service import search_products
from vendors.models import PreorderTerms

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def _in_stock(params=None) -> dict:
    result = search_products(query=SearchQuery.from_params({"in_stock": "1", **(params or {})}))
    return {
        "count": result.count,
        "titles": [hit.title for hit in result.hits],
        "facets": {name: [v.as_json() for v in values] for name, values in result.facets.items()},
    }


def _counted_from_rows(monkeypatch, params=None) -> dict:
    with monkeypatch.context() as patch:
        patch.setattr(database, "summary_ensure", lambda **kwargs: False)
        return _in_stock(params)


def _card_of(page: str, product) -> str:
    """The product's card on a list page."""
    link = f'href="{product.get_absolute_url()}"'
    cards = [card for card in page.split('<article class="product_pod') if link in card]
    assert len(cards) == 1, f"{len(cards)} cards of {product.title}"
    return cards[0].split("</article>")[0]


def _sold_out(record) -> None:
    StockRecord.objects.filter(pk=record.pk).update(num_in_stock=record.num_allocated or 0)
    index_products(product_ids=[record.product_id])


@pytest.fixture
def sold_out_product(demo_catalogue):
    record = (
        StockRecord.objects.filter(product__vendor__isnull=False, num_in_stock__gt=0)
        .select_related("product")
        .order_by("pk")
        .first()
    )
    _sold_out(record)
    return record.product


def test_a_sold_out_product_on_pre_order_is_in_stock_in_search(
    sold_out_product, monkeypatch, english
):
    title = sold_out_product.title
    before = _in_stock({"sort": "newest"})
    assert title not in before["titles"]

    terms = PreorderTerms.objects.create(
        product=sold_out_product,
        is_open=True,
        ships_from=timezone.localdate() + timedelta(days=40),
        deposit_percent=30,
    )
    index_products(product_ids=[sold_out_product.pk])
    after = _in_stock({"sort": "newest", "per_page": "100"})
    assert after["count"] == before["count"] + 1
    assert after == _counted_from_rows(monkeypatch, {"sort": "newest", "per_page": "100"})
    # The storefront's filtered list links to it (the search box alone would echo the title).
    page = english.get("/catalogue/", {"in_stock": "1", "q": title}).content.decode()
    assert f'href="{sold_out_product.get_absolute_url()}"' in page
    # Its card sells it as a pre-order (the list reads the terms with the product).
    day = terms.ships_from
    card = _card_of(page, sold_out_product)
    assert f"Pre-order – ships from {day.day} {day:%B} · 30% deposit" in card
    assert f'action="/basket/add/{sold_out_product.pk}/"' in card

    # Closed pre-orders: out of stock again, and the summary follows.
    terms.is_open = False
    terms.save()
    index_products(product_ids=[sold_out_product.pk])
    closed = _in_stock({"sort": "newest"})
    assert closed == before == _counted_from_rows(monkeypatch, {"sort": "newest"})
    card = _card_of(english.get("/catalogue/", {"q": title}).content.decode(), sold_out_product)
    assert "Pre-order" not in card
    assert f'action="/basket/add/{sold_out_product.pk}/"' not in card


def test_a_pre_order_whose_day_has_come_is_not_in_stock(sold_out_product):
    # From its ship-from day on, the product is sold from its stock again (none here).
    title = sold_out_product.title
    PreorderTerms.objects.create(
        product=sold_out_product, is_open=True, ships_from=timezone.localdate()
    )
    index_products(product_ids=[sold_out_product.pk])
    assert title not in _in_stock({"q": title})["titles"]
    assert title in search_products(query=SearchQuery.from_params({"q": title})).hits[0].title
