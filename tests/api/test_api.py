"""/api/v1/: the search contract, product detail, categories and provinces; keys, limits,
CORS and the OpenAPI schema."""

from decimal import Decimal

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from shop.tourism.models import TourismPartner
from tests.factories import ProductFactory
from tests.tourism.factories import TourismPartnerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def partner(db):
    return TourismPartnerFactory(
        allowed_domains="khachsan.example\n127.0.0.1:8123\n*.dulich.example"
    )


def test_products_keep_the_search_contract_with_a_key(client, honey, partner):
    answer = client.get(
        "/api/v1/products/", {"q": "mat ong", "stars": "4"}, HTTP_X_OCOP_KEY=partner.publishable_key
    )

    assert answer.status_code == 200
    body = answer.json()
    assert body["count"] == 1
    assert body["results"][0]["id"] == honey.pk
    assert body["results"][0]["price"] == 250000
    assert set(body) == {"count", "page", "num_pages", "results", "facets", "ignored"}


def test_filters_narrow_the_products(client, honey):
    ProductFactory(title="Miến dong Bình Liêu", stock=(Decimal("60000"), 5))

    cheap = client.get("/api/v1/products/", {"price_max": "100000"}).json()
    starred = client.get("/api/v1/products/", {"stars": "3"}).json()

    assert [hit["title"] for hit in cheap["results"]] == ["Miến dong Bình Liêu"]
    assert [hit["id"] for hit in starred["results"]] == [honey.pk]


def test_nonsense_parameters_are_ignored_and_named(client, honey):
    answer = client.get("/api/v1/products/", {"stars": "nine", "sort": "1;drop", "page": "-1"})

    assert answer.status_code == 200
    assert set(answer.json()["ignored"]) == {"stars", "sort", "page"}


def test_product_detail_shows_price_from_the_strategy_and_place(client, honey):
    answer = client.get(f"/api/v1/products/{honey.pk}/")

    assert answer.status_code == 200
    body = answer.json()
    assert body["title"] == honey.title
    assert body["price"] == 250000
    assert body["currency"] == "VND"
    assert body["stars"] == 4
    assert body["province"] == "Quảng Ninh"
    assert body["producer"] == honey.vendor.legal_name


def test_unknown_or_hidden_product_is_a_json_404(client, honey):
    honey.is_public = False
    honey.save()

    answer = client.get(f"/api/v1/products/{honey.pk}/")
    missing = client.get("/api/v1/products/999999999/")

    assert answer.status_code == 404
    assert missing.status_code == 404
    assert "detail" in missing.json()


def test_categories_and_provinces_list_the_reference_data(client):
    categories = client.get("/api/v1/categories/").json()
    provinces = client.get("/api/v1/provinces/").json()

    food = next(c for c in categories if c["ocop_code"] == "I")
    honey_group = next(c for c in categories if c["ocop_code"] == "I.2.b")
    assert food["parent"] is None
    assert honey_group["depth"] == 3
    assert len(provinces) == 34
    assert {"code": "22", "short_name": "Quảng Ninh"}.items() <= next(
        p for p in provinces if p["code"] == "22"
    ).items()


def test_an_unknown_or_suspended_key_is_refused_with_a_message(client, partner):
    partner.status = TourismPartner.Status.SUSPENDED
    partner.save()

    suspended = client.get("/api/v1/provinces/", {"key": partner.publishable_key})
    unknown = client.get("/api/v1/provinces/", HTTP_X_OCOP_KEY="pk_nothingofthekind")

    assert suspended.status_code == 403
    assert unknown.status_code == 403
    # Vietnamese by default: the message tells the partner to copy its current key.
    assert "Khóa này không tồn tại" in unknown.json()["detail"]
    assert suspended.json() == unknown.json()


def test_too_many_requests_get_a_clear_429_with_retry_after(client, settings, partner):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            "partner_key": "3/minute",
            "partner_address": "100/minute",
            "anonymous_address": "2/minute",
        },
    }

    anonymous = [client.get("/api/v1/provinces/").status_code for _ in range(3)]
    keyed = [
        client.get("/api/v1/provinces/", HTTP_X_OCOP_KEY=partner.publishable_key).status_code
        for _ in range(4)
    ]
    refused = client.get("/api/v1/provinces/", HTTP_X_OCOP_KEY=partner.publishable_key)

    assert anonymous == [200, 200, 429]
    assert keyed == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused.json()["retry_after"] == int(refused["Retry-After"])
    seconds = refused["Retry-After"]
    assert refused.json()["detail"] == f"Quá nhiều yêu cầu. Hãy thử lại sau {seconds} giây."


def test_one_address_cannot_use_up_a_partners_quota(client, settings, partner):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            "partner_key": "100/minute",
            "partner_address": "2/minute",
            "anonymous_address": "100/minute",
        },
    }
    key = {"HTTP_X_OCOP_KEY": partner.publishable_key}

    first = [client.get("/api/v1/provinces/", **key).status_code for _ in range(3)]
    other = client.get("/api/v1/provinces/", REMOTE_ADDR="10.0.0.9", **key)

    assert first == [200, 200, 429]
    assert other.status_code == 200


def test_cors_allows_the_partners_domains_only(client, partner):
    key = {"HTTP_X_OCOP_KEY": partner.publishable_key}

    allowed = client.get("/api/v1/provinces/", HTTP_ORIGIN="https://khachsan.example", **key)
    with_port = client.get("/api/v1/provinces/", HTTP_ORIGIN="http://127.0.0.1:8123", **key)
    other = client.get("/api/v1/provinces/", HTTP_ORIGIN="https://evil.example", **key)
    wrong_port = client.get("/api/v1/provinces/", HTTP_ORIGIN="http://127.0.0.1:9999", **key)
    no_key = client.get("/api/v1/provinces/", HTTP_ORIGIN="https://khachsan.example")

    assert allowed["Access-Control-Allow-Origin"] == "https://khachsan.example"
    assert with_port["Access-Control-Allow-Origin"] == "http://127.0.0.1:8123"
    for response in (other, wrong_port, no_key):
        assert response.status_code == 200
        assert "Access-Control-Allow-Origin" not in response
    assert "Origin" in allowed["Vary"]


def test_cors_preflight_answers_partner_domains_and_nobody_else(client, partner):
    preflight = {"HTTP_ACCESS_CONTROL_REQUEST_METHOD": "GET"}

    allowed = client.options(
        "/api/v1/products/", HTTP_ORIGIN="https://khachsan.example", **preflight
    )
    wildcard = client.options(
        "/api/v1/products/", HTTP_ORIGIN="https://a.dulich.example", **preflight
    )
    other = client.options("/api/v1/products/", HTTP_ORIGIN="https://evil.example", **preflight)

    assert allowed["Access-Control-Allow-Origin"] == "https://khachsan.example"
    assert "X-OCOP-Key" in allowed["Access-Control-Allow-Headers"]
    assert wildcard["Access-Control-Allow-Origin"] == "https://a.dulich.example"
    assert "Access-Control-Allow-Origin" not in other


def test_schema_and_its_documentation_page_are_served_without_a_cdn(client):
    schema = client.get("/api/v1/schema/", {"format": "json"})
    docs = client.get("/api/v1/docs/")

    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert {"/api/v1/products/", "/api/v1/products/{id}/", "/api/v1/categories/"} <= set(paths)
    assert docs.status_code == 200
    assert "swagger-ui" in docs.content.decode()
    assert "cdn" not in docs.content.decode().lower()


def _uncompressed(application):
    """The site as a client that does not ask for gzip: schemathesis's WSGI transport asks
    for it but checks the body without decoding it (the JSON's compression is tested in
    tests/shop/test_page_cache.py)."""

    def serve(environ, start_response):
        environ.pop("HTTP_ACCEPT_ENCODING", None)
        return application(environ, start_response)

    return serve


@pytest.fixture
def api_schema(db, honey):
    # The WSGI application in this process: the test's database and settings. Like Django's
    # test client, keep the test's connection open across requests (the handler would close
    # it when each request finishes, losing the test's transaction on PostgreSQL).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi(
        "/api/v1/schema/?format=json", _uncompressed(WSGIHandler())
    )
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_endpoint_answers_as_its_schema_says(api_schema):
    # Status codes, content types and bodies are checked against the published schema for
    # generated parameters; a 500 fails the check.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 4
    for operation in operations:

        @hypothesis_settings(
            max_examples=15,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def check(case):
            case.call_and_validate()

        check()


def test_cors_reuses_the_partner_the_key_check_found(client, partner, django_assert_num_queries):
    key = {"HTTP_X_OCOP_KEY": partner.publishable_key}
    client.get("/api/v1/provinces/", **key)  # warm: the first request loads reference data
    with CaptureQueriesContext(connection) as without_origin:
        client.get("/api/v1/provinces/", **key)

    with django_assert_num_queries(len(without_origin)):
        answer = client.get("/api/v1/provinces/", HTTP_ORIGIN="https://khachsan.example", **key)

    assert answer["Access-Control-Allow-Origin"] == "https://khachsan.example"


def test_a_new_forwarded_for_per_request_does_not_lift_the_address_limit(client, settings):
    """Without trusted proxies (the default) X-Forwarded-For is the client's own word: the
    61st request of a minute from one address is refused whatever the header says."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            "partner_key": "6000/hour",
            "partner_address": "120/minute",
            "anonymous_address": "60/minute",
        },
    }

    answers = [
        client.get("/api/v1/provinces/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(61)
    ]

    assert answers[:60] == [200] * 60
    assert answers[60] == 429


def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "NUM_PROXIES": 1,
        "DEFAULT_THROTTLE_RATES": {
            "partner_key": "6000/hour",
            "partner_address": "120/minute",
            "anonymous_address": "2/minute",
        },
    }
    # The proxy appends the address it saw; what the visitor wrote before it is not believed.
    first = [
        client.get("/api/v1/provinces/", HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 198.51.100.7")
        for n in range(3)
    ]
    other = client.get("/api/v1/provinces/", HTTP_X_FORWARDED_FOR="198.51.100.8")

    assert [answer.status_code for answer in first] == [200, 200, 429]
    assert other.status_code == 200
