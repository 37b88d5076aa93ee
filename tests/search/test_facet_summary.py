"""Browsing without text counts from the facet summary: the same answers as counting the index,
and every change to a product shows in the counts of the very next request."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from freezegun import freeze_time

from catalogue.models import Category
from catalogue.services import certificate_revoke, product_hide, product_show
from search.backends import database
from search.query import SearchQuery
from search.service import search_products
from tests.factories import CertificateFactory, ProductFactory, UserFactory

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


def _count(client, **params) -> int:
    return client.get("/api/v1/products/", params).json()["count"]


def _facet(client, name: str, **params) -> dict[str, int]:
    answer = client.get("/api/v1/products/", params).json()
    return {value["value"]: value["count"] for value in answer["facets"][name]}


@pytest.fixture
def shelf():
    honey = ProductFactory(title="Mật ong bạc hà Đồng Văn", stock=(Decimal("250000"), 8))
    honey.categories.add(Category.objects.get(ocop_code="I.2.b"))
    CertificateFactory(product=honey, stars=4)
    noodles = ProductFactory(title="Miến dong Bình Liêu", stock=(Decimal("60000"), 5))
    return {"honey": honey, "noodles": noodles}


def test_a_hidden_product_leaves_the_counts_and_comes_back(client, shelf):
    honey = shelf["honey"]
    staff = UserFactory(is_staff=True)
    vendor = honey.vendor.slug
    assert _count(client) == 2
    assert _facet(client, "stars")["4"] == 1
    assert _facet(client, "vendor")[vendor] == 1

    product_hide(product=honey, reason="Thu hồi lô hàng", by=staff)

    assert _count(client) == 1
    assert _count(client, stars="3") == 0
    assert _facet(client, "stars")["4"] == 0
    assert vendor not in _facet(client, "vendor")

    product_show(product=honey, by=staff)

    assert _count(client) == 2
    assert _facet(client, "stars")["4"] == 1


def test_out_of_stock_and_a_new_price_move_the_counts(
    client, shelf, django_capture_on_commit_callbacks
):
    record = shelf["honey"].stockrecords.get()
    assert _count(client, in_stock="1") == 2
    assert _facet(client, "price")["200000-500000"] == 1

    record.num_in_stock = 0
    record.price = Decimal("90000")
    with django_capture_on_commit_callbacks(execute=True):
        record.save()

    assert _count(client, in_stock="1") == 1
    prices = _facet(client, "price")
    assert prices["200000-500000"] == 0
    assert prices["0-100000"] == 2
    assert _count(client, price_max="99999") == 2


def test_a_revoked_or_new_certificate_restars_the_counts(
    client, shelf, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=shelf["honey"].ocop_certificates.get(), reason="Hết hạn")

    assert _count(client, stars="3") == 0
    assert _facet(client, "stars") == {"3": 0, "4": 0, "5": 0}

    CertificateFactory(product=shelf["noodles"], stars=5)

    assert _count(client, stars="5") == 1
    assert _facet(client, "stars") == {"3": 1, "4": 1, "5": 1}
    assert _facet(client, "province", stars="5") == _facet(client, "province", stars="3")


def test_a_deleted_product_leaves_the_counts(client, shelf, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        shelf["honey"].delete()

    assert _count(client) == 1
    assert _facet(client, "stars")["4"] == 0
    assert _facet(client, "category") == {}


def test_stars_leave_the_counts_the_day_after_the_certificate_ends(client, shelf):
    until = shelf["honey"].ocop_certificates.get().valid_until

    with freeze_time(until):
        assert _count(client, stars="4") == 1
        assert _facet(client, "stars")["4"] == 1
        first = client.get("/api/v1/products/", {"sort": "stars"}).json()["results"][0]
        assert first["title"] == shelf["honey"].title
    with freeze_time(until + timedelta(days=1)):
        assert _count(client, stars="4") == 0
        assert _facet(client, "stars")["4"] == 0
        first = client.get("/api/v1/products/", {"sort": "stars"}).json()["results"][0]
        assert first["stars"] is None
    # And back to today (a clock may move either way): the stars count again.
    assert timezone.localdate() <= until
    assert _count(client, stars="4") == 1


def test_the_api_counts_facets_with_text_only_when_asked(client, shelf):
    plain = client.get("/api/v1/products/", {"q": "mat ong"}).json()
    asked = client.get("/api/v1/products/", {"q": "mat ong", "facets": "1"}).json()
    browsing = client.get("/api/v1/products/").json()
    left_out = client.get("/api/v1/products/", {"facets": "0"}).json()

    assert plain["count"] == asked["count"] == 1
    assert plain["facets"] == {} and left_out["facets"] == {}
    assert asked["facets"]["stars"][1] == {
        "value": "4",
        "label": "4★+",
        "count": 1,
        "selected": False,
    }
    assert set(browsing["facets"]) == {"stars", "province", "category", "vendor", "price", "rating"}


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
