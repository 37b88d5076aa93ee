"""Browsing without text counts from the facet summary: the same answers as counting the index;
pages past the last one listed."""

import pytest

from catalogue.models import Category
from search.backends import database
from search.query import SearchQuery
from search.service import search_products

pytestmark = pytest.mark.django_db


def _answer(params: dict) -> dict:
    result = search_products(query=SearchQuery.from_params(params))
    return {
        "count": result.count,
        "titles": [hit.title for hit in result.hits],
        "facets": {name: [v.as_json() for v in values] for name, values in result.facets.items()},
    }


def _counted_from_rows(monkeypatch, params: dict) -> dict:
    # The same search with the summary out of reach: every count comes from the index rows.
    with monkeypatch.context() as patch:
        patch.setattr(database, "summary_ensure", lambda **kwargs: False)
        return _answer(params)


SINGLE_FILTERS = [
    {},
    {"stars": "3"},
    {"stars": "4"},
    {"stars": "5"},
    {"province": "22"},
    {"province": "11"},
    {"province": "99"},
    {"commune": "07093"},
    {"in_stock": "1"},
    {"price_min": "100000", "price_max": "199999"},
    {"price_max": "99999"},
    {"price_min": "1000000"},
    {"rating": "4"},
    {"category": "khong-co"},
    {"sort": "price"},
    {"sort": "-price", "page": "2"},
    {"sort": "stars"},
    {"sort": "newest"},
    {"sort": "rating"},
]


@pytest.mark.parametrize("params", SINGLE_FILTERS)
def test_the_summary_answers_as_counting_the_rows_would(demo_catalogue, monkeypatch, params):
    assert _answer(params) == _counted_from_rows(monkeypatch, params)


def test_a_group_and_a_producer_page_answer_as_counting_the_rows_would(demo_catalogue, monkeypatch):
    food = Category.objects.get(ocop_code="I")
    noodles = Category.objects.get(ocop_code="I.3.b")
    vendor = _answer({})["facets"]["vendor"][0]["value"]

    for params in ({"category": food.slug}, {"category": noodles.slug}, {"vendor": vendor}):
        assert _answer(params) == _counted_from_rows(monkeypatch, params), params


def test_a_page_past_the_end_says_so_and_nonsense_pages_are_the_first(demo_catalogue, english):
    past = english.get("/catalogue/", {"page": "7"})

    assert past.status_code == 200
    assert "There is no page 7: this is the last page." in past.content.decode()
    assert 'class="ocop-grid' in past.content.decode()
    for nonsense in ("abc", "-1", "0", "9" * 40, "1e9", "２"):
        answer = english.get("/catalogue/", {"page": nonsense})
        assert answer.status_code == 200, nonsense
        assert "ocop-page-notice" not in answer.content.decode()


def test_pages_deeper_than_the_limit_are_not_served(demo_catalogue, english, monkeypatch):
    from search import query as search_query
    from search.views import catalogue as catalogue_views

    # With a limit of one page, the demo catalogue is deeper than the limit.
    for module in (search_query, database, catalogue_views):
        monkeypatch.setattr(module, "MAX_PAGE", 1)
    first = english.get("/catalogue/", {"sort": "price"}).content.decode()

    deep = english.get("/catalogue/", {"sort": "price", "page": "2"}).content.decode()
    api = english.get("/api/v1/products/", {"sort": "price", "page": "2"}).json()

    assert "Only the first 1 pages are listed." in deep
    assert 'class="ocop-grid' in deep
    assert "page=2" not in first  # no link past the limit
    assert api["page"] == api["num_pages"] == 1
    assert api["count"] > 24
