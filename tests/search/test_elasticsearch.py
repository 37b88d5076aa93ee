"""The Elasticsearch backend: its mapping and requests (always checked), the fallback to the
database when the cluster is down, and, with ELASTICSEARCH_URL set, answers from a live server."""

import json
import logging
import os
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from catalogue.models import Category, Commune
from search.backends.database import DatabaseBackend
from search.documents import (
    ProductDocument,
    category_ancestors,
    document_from_entry,
    product_index,
)
from search.indexing import index_rebuild
from search.models import ProductIndexEntry
from search.query import FACETS, SearchQuery
from search.service import search_products
from tests.factories import CertificateFactory, ProductFactory, VendorFactory

LIVE_URL = os.environ.get("ELASTICSEARCH_URL", "")


def _mapping() -> dict:
    return product_index("ocop-products-test").to_dict()


def _filters_of(node: dict) -> str:
    """A filter clause as text, to look for the terms it holds."""
    return json.dumps(node, ensure_ascii=False)


@pytest.fixture
def catalogue_rows():
    """Arrowroot noodles from Quảng Ninh (4 stars), honey from another province (5 stars),
    tea without a certificate, and noodles whose certificate has expired."""
    elsewhere = (
        Commune.objects.exclude(province__short_name="Quảng Ninh").select_related("province")
    ).first()
    noodles = ProductFactory(title="Miến dong Bình Liêu", stock=(Decimal("85000"), 40))
    noodles.categories.add(Category.objects.get(ocop_code="I.3.b"))
    CertificateFactory(product=noodles, stars=4)
    honey = ProductFactory(
        title="Mật ong hoa Ban",
        vendor=VendorFactory(commune=elsewhere),
        stock=(Decimal("250000"), 8),
    )
    honey.categories.add(Category.objects.get(ocop_code="I.2.b"))
    CertificateFactory(product=honey, stars=5)
    tea = ProductFactory(title="Trà hoa vàng", stock=(Decimal("600000"), 0))
    tea.categories.add(Category.objects.get(ocop_code="I.2.b"))
    old = ProductFactory(title="Miến dong Đồng Văn", stock=(Decimal("120000"), 5))
    old.categories.add(Category.objects.get(ocop_code="I.3.b"))
    CertificateFactory(
        product=old,
        stars=3,
        issued_on=timezone.localdate() - timedelta(days=5 * 365),
        valid_until=timezone.localdate() - timedelta(days=10),
    )
    index_rebuild()
    return {"noodles": noodles, "honey": honey, "tea": tea, "old": old}


# -- the mapping ---------------------------------------------------------------------------


def test_the_folding_analyzer_lowercases_and_folds_accents_including_d_bar():
    analysis = _mapping()["settings"]["analysis"]
    folding = analysis["analyzer"]["vietnamese_folding"]

    assert folding["tokenizer"] == "standard"
    assert folding["filter"] == ["lowercase", "asciifolding"]  # asciifolding folds đ to d
    assert analysis["filter"]["word_start"]["type"] == "edge_ngram"


def test_text_fields_use_the_folding_analyzer_and_facets_are_keywords():
    properties = _mapping()["mappings"]["properties"]

    assert properties["title"]["analyzer"] == "vietnamese_folding"
    assert properties["title"]["fields"]["raw"]["type"] == "keyword"
    assert properties["title"]["fields"]["prefix"]["search_analyzer"] == "vietnamese_folding"
    assert properties["text"]["analyzer"] == "vietnamese_folding"
    assert properties["suggest"]["type"] == "completion"
    assert properties["suggest"]["analyzer"] == "vietnamese_folding"
    for field in (
        "province_code",
        "province_name",
        "commune_code",
        "category_path",
        "category_ancestors",
        "vendor_slug",
        "vendor_name",
    ):
        assert properties[field]["type"] == "keyword", field
    assert properties["price"]["type"] == "long"
    assert properties["stars_from"]["type"] == "date"
    assert properties["in_stock"]["type"] == "boolean"


def test_the_document_index_is_named_by_the_setting_with_a_default():
    assert ProductDocument._index._name == "ocop-products"


def test_a_category_path_lists_every_ancestor_so_a_group_finds_its_subgroups():
    assert category_ancestors("000100030002") == ["0001", "00010003", "000100030002"]
    assert category_ancestors("") == []


@pytest.mark.django_db
def test_a_document_is_built_from_its_index_row(catalogue_rows):
    entry = ProductIndexEntry.objects.get(product=catalogue_rows["noodles"])

    document = document_from_entry(entry).to_dict()

    assert document["title"] == "Miến dong Bình Liêu"
    assert document["price"] == 85000
    assert document["stars"] == 4
    assert document["province_name"] == "Quảng Ninh"
    assert document["category_ancestors"][-1] == entry.category_path
    assert len(document["category_ancestors"]) == 3
    assert document["suggest"]["input"] == [
        "Miến dong Bình Liêu",
        "mien dong binh lieu",
        "dong binh lieu",
        "binh lieu",
        "lieu",
    ]


# -- the request ---------------------------------------------------------------------------


@pytest.fixture
def full_query(db) -> SearchQuery:
    return SearchQuery(
        q="Miến DONG",
        stars=4,
        province="22",
        category=Category.objects.get(ocop_code="I.3").slug,
        price_min=50_000,
        price_max=200_000,
        in_stock=True,
        sort="price",
        page=2,
    )


def _request(query: SearchQuery, **kwargs) -> dict:
    from search.backends.elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend().build_search(query, **kwargs).to_dict()


@pytest.mark.django_db
def test_words_must_all_match_in_any_order_without_accents(full_query):
    body = _request(full_query)

    match = body["query"]["constant_score"]["filter"]["multi_match"]
    assert match["query"] == "mien dong"
    assert match["operator"] == "and"
    assert match["analyzer"] == "vietnamese_folding"
    assert match["fields"] == ["title.prefix^3", "text.prefix"]


@pytest.mark.django_db
def test_every_filter_narrows_the_hits_through_the_post_filter(full_query):
    body = _request(full_query)

    post_filter = _filters_of(body["post_filter"])
    assert '{"term": {"province_code": "22"}}' in post_filter
    assert '{"range": {"stars": {"gte": 4}}}' in post_filter
    assert '{"range": {"price": {"gte": 50000, "lte": 200000}}}' in post_filter
    assert '{"term": {"in_stock": true}}' in post_filter
    assert "category_ancestors" in post_filter
    assert f'"lte": "{timezone.localdate().isoformat()}"' in post_filter  # stars still valid


@pytest.mark.django_db
def test_each_facet_counts_with_every_filter_but_its_own(full_query):
    aggs = _request(full_query)["aggs"]

    assert set(aggs) == set(FACETS)
    province = _filters_of(aggs["province"]["filter"])
    assert "province_code" not in province
    assert '{"range": {"stars": {"gte": 4}}}' in province
    assert "category_ancestors" in province
    stars = _filters_of(aggs["stars"]["filter"])
    assert '{"range": {"stars": {"gte": 4}}}' not in stars
    assert '"field": "stars"' in stars  # counts only stars valid today
    assert "province_code" in stars
    price = _filters_of(aggs["price"]["filter"])
    assert '"price"' not in price
    assert "province_code" in price
    category = _filters_of(aggs["category"]["filter"])
    assert '"category_ancestors"' not in category
    assert '{"term": {"in_stock": true}}' in category
    vendor_terms = aggs["vendor"]["aggs"]["values"]["terms"]
    assert vendor_terms["field"] == "vendor_slug"
    assert vendor_terms["size"] == 30


@pytest.mark.django_db
def test_category_facet_counts_the_chosen_groups_children():
    food = Category.objects.get(ocop_code="I")
    query = SearchQuery(category=food.slug)

    terms = _request(query)["aggs"]["category"]["aggs"]["values"]["terms"]

    assert terms["field"] == "category_ancestors"
    assert terms["include"] == food.path + "...."
    root = _request(SearchQuery())["aggs"]["category"]["aggs"]["values"]["terms"]
    assert root["include"] == "...."


@pytest.mark.django_db
def test_price_sort_and_second_page(full_query):
    body = _request(full_query)

    assert body["sort"] == [{"price": {"order": "asc"}}, {"date_created": {"order": "desc"}}]
    assert body["from"] == 24
    assert body["size"] == 24
    assert body["track_total_hits"] is True


def test_relevance_ranks_title_matches_then_stars_then_stock():
    body = _request(SearchQuery(q="mat ong"), facets=False)

    score = body["query"]["function_score"]
    weights = [function["weight"] for function in score["functions"]]
    assert score["boost_mode"] == "replace"
    assert score["score_mode"] == "sum"
    assert weights == [1.0, 1, 2, 3, 4, 5, 100.0, 0.5]
    assert body["sort"][0] == {"_score": {"order": "desc"}}
    assert "aggs" not in body
    assert "post_filter" not in body


def test_newest_sort_orders_by_date_then_id():
    body = _request(SearchQuery(sort="newest"), facets=False)

    assert body["sort"] == [
        {"date_created": {"order": "desc"}},
        {"product_id": {"order": "desc"}},
    ]
    assert body["query"] == {"match_all": {}}


@pytest.mark.django_db
def test_an_unknown_category_matches_nothing():
    body = _request(SearchQuery(category="no-such-group"), facets=False)

    assert body["post_filter"] == {"bool": {"filter": [{"match_none": {}}]}}


# -- reading an answer --------------------------------------------------------------------


class CannedCluster:
    """Stands in for the client: answers every search with the next canned response."""

    def __init__(self, *responses: dict) -> None:
        self.responses = list(responses)
        self.bodies: list[dict] = []

    def search(self, *, index: str, body: dict) -> dict:
        self.bodies.append(body)
        return self.responses.pop(0)


def _source(product_id: int, **fields) -> dict:
    today = timezone.localdate()
    return {
        "_source": {
            "product_id": product_id,
            "title": f"Sản phẩm {product_id}",
            "url": f"/p/{product_id}/",
            "image": "",
            "price": 85000,
            "stars": 4,
            "stars_from": (today - timedelta(days=30)).isoformat(),
            "stars_until": (today + timedelta(days=30)).isoformat(),
            "province_name": "Quảng Ninh",
            "vendor_name": "HTX Bình Liêu",
            "in_stock": True,
            **fields,
        }
    }


def _buckets(*pairs: tuple[str, int], label: str | None = None) -> dict:
    return {
        "buckets": [
            {"key": key, "doc_count": count, "label": {"buckets": [{"key": label or key}]}}
            for key, count in pairs
        ]
    }


@pytest.mark.django_db
def test_an_answer_becomes_hits_and_facets_like_the_database_backends(monkeypatch):
    from search.backends import elasticsearch

    food = Category.objects.get(ocop_code="I")
    expired = (timezone.localdate() - timedelta(days=1)).isoformat()
    aggregations = {
        "stars": {
            "values": {
                "buckets": {"3": {"doc_count": 2}, "4": {"doc_count": 2}, "5": {"doc_count": 0}}
            }
        },
        "province": {"values": _buckets(("22", 2), ("11", 5), label="Quảng Ninh")},
        "category": {"values": _buckets((food.path, 3))},
        "vendor": {"values": _buckets(("htx-a", 1), label="HTX A")},
        "price": {
            "values": {
                "buckets": {
                    "0-100000": {"doc_count": 2},
                    "100000-200000": {"doc_count": 1},
                    "200000-500000": {"doc_count": 0},
                    "500000-1000000": {"doc_count": 0},
                    "1000000-": {"doc_count": 0},
                }
            }
        },
        "rating": {"values": {"buckets": {"4": {"doc_count": 1}}}},
    }
    cluster = CannedCluster(
        {"hits": {"total": {"value": 3}, "hits": []}, "aggregations": aggregations},
        {"hits": {"total": {"value": 3}, "hits": [_source(1), _source(2, stars_until=expired)]}},
    )
    monkeypatch.setattr(elasticsearch, "client", lambda: cluster)

    result = elasticsearch.ElasticsearchBackend().search(
        SearchQuery(q="mien", province="22", page=7, page_size=2)
    )

    assert result.backend == "elasticsearch"
    assert (result.count, result.page, result.num_pages) == (3, 2, 2)
    assert cluster.bodies[1]["from"] == 2  # past the end: the last page is asked for again
    assert [hit.product_id for hit in result.hits] == [1, 2]
    assert [hit.stars for hit in result.hits] == [4, None]  # the second one's stars expired
    assert [(v.value, v.count) for v in result.facets["stars"]] == [("3", 2), ("4", 2), ("5", 0)]
    assert [(v.value, v.count, v.selected) for v in result.facets["province"]] == [
        ("11", 5, False),
        ("22", 2, True),
    ]
    assert [(v.value, v.label) for v in result.facets["category"]] == [
        (food.slug, food.display_name)
    ]
    assert result.facets["vendor"][0].label == "HTX A"
    assert [v.count for v in result.facets["price"]][:2] == [2, 1]
    assert [(v.value, v.count) for v in result.facets["rating"]] == [("4", 1)]
    assert list(result.facets) == list(FACETS)


# -- the fallback --------------------------------------------------------------------------


@pytest.mark.django_db
def test_search_answers_from_the_database_when_elasticsearch_is_down(
    catalogue_rows, settings, caplog
):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port

    with caplog.at_level(logging.WARNING, logger="search.service"):
        result = search_products(query=SearchQuery(q="mien dong"))

    assert result.backend == "database"
    assert {hit.title for hit in result.hits} == {"Miến dong Bình Liêu", "Miến dong Đồng Văn"}
    assert any(
        record.levelno == logging.WARNING and "answering from the database" in record.message
        for record in caplog.records
    )


# -- a live server -------------------------------------------------------------------------


@pytest.fixture
def live(settings):
    """An Elasticsearch server from ELASTICSEARCH_URL, with an index name of its own."""
    if not LIVE_URL:
        pytest.skip("ELASTICSEARCH_URL is not set: no Elasticsearch server to test against")
    from search.backends.elasticsearch import client

    settings.ELASTICSEARCH_URL = LIVE_URL
    settings.SEARCH_INDEX_NAME = f"ocop-products-test-{uuid.uuid4().hex[:8]}"
    es = client()
    yield es
    # Wildcard deletes are refused by default (action.destructive_requires_name): name each.
    for name in es.indices.get(index=f"{settings.SEARCH_INDEX_NAME}-*"):
        es.indices.delete(index=name, ignore_unavailable=True)


def _live_backend():
    from search.backends.elasticsearch import ElasticsearchBackend, rebuild_index

    rebuild_index()
    return ElasticsearchBackend()


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_search_finds_arrowroot_noodles_without_accents(live, catalogue_rows):
    backend = _live_backend()

    result = backend.search(SearchQuery(q="mien dong"))

    assert result.backend == "elasticsearch"
    assert [hit.title for hit in result.hits][0] == "Miến dong Bình Liêu"  # valid stars first
    assert {hit.title for hit in result.hits} == {"Miến dong Bình Liêu", "Miến dong Đồng Văn"}
    assert result.hits[0].stars == 4
    assert result.hits[1].stars is None  # its certificate has expired


@pytest.mark.elasticsearch
@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": "mien dong"},
        {},
        {"stars": "4"},
        {"province": "22", "in_stock": "1"},
        {"category": "I"},
        {"price_min": "100000", "price_max": "199999", "sort": "-price"},
        {"sort": "stars", "page": "9"},
    ],
)
def test_live_answers_equal_the_database_backends(live, catalogue_rows, params):
    backend = _live_backend()
    if params.get("category"):
        params = {**params, "category": Category.objects.get(ocop_code=params["category"]).slug}
    query = SearchQuery.from_params(params)

    expected = DatabaseBackend().search(query)
    answer = backend.search(query)

    assert answer.count == expected.count
    assert answer.page == expected.page
    assert answer.num_pages == expected.num_pages
    assert [hit.product_id for hit in answer.hits] == [hit.product_id for hit in expected.hits]
    assert answer.facets == expected.facets


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_suggestions_complete_a_title_typed_without_accents(live, catalogue_rows):
    backend = _live_backend()

    labels = [suggestion.label for suggestion in backend.suggest("mien do")]

    assert "Miến dong Bình Liêu" in labels


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_update_indexes_and_deletes_documents(live, catalogue_rows, settings):
    from search.backends.elasticsearch import update_documents

    backend = _live_backend()
    tea = catalogue_rows["tea"]
    ProductIndexEntry.objects.filter(product=tea).delete()

    update_documents(product_ids=[tea.pk, catalogue_rows["honey"].pk])
    live.indices.refresh(index=settings.SEARCH_INDEX_NAME)

    assert backend.search(SearchQuery(q="tra hoa vang")).count == 0
    assert backend.search(SearchQuery(q="mat ong")).count == 1


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_rebuild_swaps_the_alias_and_leaves_one_concrete_index(live, catalogue_rows, settings):
    from search.backends.elasticsearch import rebuild_index

    first = rebuild_index()
    second = rebuild_index()

    behind = live.indices.get_alias(name=settings.SEARCH_INDEX_NAME)
    assert list(behind.keys()) == [second]
    assert not live.indices.exists(index=first)
    assert second.startswith(f"{settings.SEARCH_INDEX_NAME}-")


@pytest.mark.django_db
def test_update_indexes_listed_products_and_deletes_unlisted_ones(catalogue_rows, monkeypatch):
    from search.backends import elasticsearch

    sent: list[dict] = []
    monkeypatch.setattr(elasticsearch, "client", lambda: None)
    monkeypatch.setattr(
        elasticsearch, "bulk", lambda client, actions, **kwargs: sent.extend(actions)
    )
    tea, honey = catalogue_rows["tea"], catalogue_rows["honey"]
    ProductIndexEntry.objects.filter(product=tea).delete()

    elasticsearch.update_documents(product_ids=[tea.pk, honey.pk])

    assert {(a["_op_type"], a["_id"]) for a in sent} == {("index", honey.pk), ("delete", tea.pk)}
    assert all(a["_index"] == "ocop-products" for a in sent)


# -- buyers' ratings -------------------------------------------------------------------------


def test_buyers_rating_is_mapped_filtered_sorted_and_counted():
    properties = _mapping()["mappings"]["properties"]
    assert properties["rating"] == {"type": "float"}
    assert properties["rating_count"] == {"type": "integer"}

    body = _request(SearchQuery(rating=4, sort="rating"))

    assert '{"range": {"rating": {"gte": 3.95}}}' in _filters_of(body["post_filter"])
    assert body["sort"][:2] == [
        {"rating": {"order": "desc", "missing": "_last", "unmapped_type": "float"}},
        {"rating_count": {"order": "desc", "unmapped_type": "integer"}},
    ]
    rating = body["aggs"]["rating"]
    assert '"rating"' not in _filters_of(rating["filter"])  # its own filter is left out
    assert rating["aggs"]["values"]["filters"]["filters"] == {
        "4": {"range": {"rating": {"gte": 3.95}}}
    }


@pytest.fixture
def rated_rows(catalogue_rows):
    from oscar.core.loading import get_model
    from oscar.test.factories import UserFactory

    ProductReview = get_model("reviews", "ProductReview")
    for product, scores in (("noodles", (4, 5)), ("honey", (5,)), ("tea", (3, 2))):
        for score in scores:
            ProductReview.objects.create(
                product=catalogue_rows[product],
                user=UserFactory(),
                score=score,
                title="Đánh giá",
                body="Đúng mô tả.",
                status=ProductReview.APPROVED,
            )
    index_rebuild()
    return catalogue_rows


@pytest.mark.django_db
def test_a_document_carries_the_buyers_rating_only_when_reviews_are_approved(rated_rows):
    rated = document_from_entry(ProductIndexEntry.objects.get(product=rated_rows["noodles"]))
    unrated = document_from_entry(ProductIndexEntry.objects.get(product=rated_rows["old"]))

    assert (rated.rating, rated.rating_count) == (4.5, 2)
    assert (unrated.to_dict().get("rating"), unrated.rating_count) == (None, 0)


@pytest.mark.elasticsearch
@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"rating": "4"}, {"sort": "rating"}, {"q": "mien", "sort": "rating"}]
)
def test_live_buyers_rating_answers_equal_the_database_backends(live, rated_rows, params):
    backend = _live_backend()
    query = SearchQuery.from_params(params)

    expected = DatabaseBackend().search(query)
    answer = backend.search(query)

    assert [hit.product_id for hit in answer.hits] == [hit.product_id for hit in expected.hits]
    assert [(h.rating, h.rating_count) for h in answer.hits] == [
        (h.rating, h.rating_count) for h in expected.hits
    ]
    assert answer.facets == expected.facets


@pytest.mark.django_db
def test_the_english_title_is_searched_and_completed_like_the_title():
    product = ProductFactory(title="Miến dong Bình Liêu", title_en="Arrowroot noodles")
    index_rebuild()

    document = document_from_entry(ProductIndexEntry.objects.get(product=product)).to_dict()
    in_title = _request(SearchQuery(q="arrowroot"), facets=False)["query"]["function_score"]

    assert document["title"] == "Miến dong Bình Liêu"
    assert document["title_en"] == "Arrowroot noodles"
    assert "arrowroot noodles" in document["suggest"]["input"]
    assert "arrowroot" in document["text"]
    title_filter = json.dumps(in_title["functions"][-2]["filter"])
    assert '"title.prefix"' in title_filter and '"title_en.prefix"' in title_filter


# -- harvest seasons -------------------------------------------------------------------------


@pytest.fixture
def seasonal_rows(catalogue_rows):
    """Noodles in season from November to February (over the new year), honey in season by
    dates around today, tea's season months away; the old noodles have none."""
    from catalogue.models import ProductSeason

    today = timezone.localdate()
    away = (today.month + 5) % 12 + 1
    ProductSeason.objects.create(product=catalogue_rows["noodles"], first_month=11, last_month=2)
    ProductSeason.objects.create(
        product=catalogue_rows["honey"],
        starts_on=today - timedelta(days=3),
        ends_on=today + timedelta(days=3),
    )
    ProductSeason.objects.create(product=catalogue_rows["tea"], first_month=away, last_month=away)
    index_rebuild()
    return catalogue_rows


def test_the_season_is_mapped_as_months_and_days():
    properties = _mapping()["mappings"]["properties"]

    assert properties["season_months"]["type"] == "integer"
    assert properties["season_starts_on"]["type"] == "date"
    assert properties["season_ends_on"]["type"] == "date"


@pytest.mark.django_db
def test_a_document_carries_the_seasons_months_over_the_new_year(seasonal_rows):
    noodles = document_from_entry(ProductIndexEntry.objects.get(product=seasonal_rows["noodles"]))
    old = document_from_entry(ProductIndexEntry.objects.get(product=seasonal_rows["old"]))

    assert list(noodles.season_months) == [1, 2, 11, 12]
    assert not list(old.to_dict().get("season_months", []))


@pytest.mark.django_db
def test_in_season_filters_on_todays_month_and_the_seasons_days():
    body = _request(SearchQuery(in_season=True))

    post_filter = _filters_of(body["post_filter"])
    today = timezone.localdate()
    assert f'{{"term": {{"season_months": {today.month}}}}}' in post_filter
    assert f'{{"range": {{"season_starts_on": {{"lte": "{today.isoformat()}"}}}}}}' in post_filter
    assert f'{{"range": {{"season_ends_on": {{"gte": "{today.isoformat()}"}}}}}}' in post_filter


@pytest.mark.elasticsearch
@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"in_season": "1"}, {"in_season": "1", "q": "mien"}])
def test_live_in_season_answers_equal_the_database_backends(live, seasonal_rows, params):
    backend = _live_backend()
    query = SearchQuery.from_params(params)

    expected = DatabaseBackend().search(query)
    answer = backend.search(query)

    assert [hit.product_id for hit in answer.hits] == [hit.product_id for hit in expected.hits]
    assert answer.facets == expected.facets
