"""/search/, /catalogue/ and /api/v1/products/: the same contract, and an answer for any input."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from freezegun import freeze_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.models import Category
from catalogue.services import certificate_revoke
from search.models import ProductIndexEntry
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db

PARAMS = [
    "q",
    "stars",
    "province",
    "commune",
    "category",
    "vendor",
    "price_min",
    "price_max",
    "in_stock",
    "sort",
    "page",
]


@pytest.fixture
def honey():
    product = ProductFactory(title="Mật ong hoa Ban Điện Biên", stock=(Decimal("250000"), 8))
    product.categories.add(Category.objects.get(ocop_code="I.2.b"))
    CertificateFactory(product=product, stars=4)
    return product


def test_search_page_finds_without_accents_and_shows_facets(client, honey):
    page = client.get("/search/", {"q": "mat ong dien bien"})

    text = page.content.decode()
    assert page.status_code == 200
    assert honey.title in text
    assert "Quảng Ninh" in text  # the province facet
    assert "4★+" in text


def test_api_answers_the_same_contract_as_json(client, honey):
    answer = client.get("/api/v1/products/", {"q": "MAT ONG", "stars": "4", "facets": "1"}).json()

    assert answer["count"] == 1
    assert answer["results"][0] == {
        "id": honey.pk,
        "title": honey.title,
        "title_en": None,  # its producer wrote no English title
        "url": honey.get_absolute_url(),
        "price": 250000,
        "stars": 4,
        "province": "Quảng Ninh",
        "vendor": honey.vendor.legal_name,
        "image": "",
        "in_stock": True,
        "buyer_rating": None,
        "buyer_rating_count": 0,
    }
    assert {"stars", "province", "category", "vendor", "price", "rating"} == set(answer["facets"])


def test_category_page_lists_its_subgroups_products(client, honey):
    food = Category.objects.get(ocop_code="I")

    page = client.get(food.get_absolute_url())

    assert page.status_code == 200
    assert honey.title in page.content.decode()


def test_nonsense_parameters_get_an_answer_and_are_reported(client, honey):
    answer = client.get(
        "/api/v1/products/",
        {
            "province": "zz",
            "price_min": "-5",
            "page": "9999",
            "stars": "seven",
            "sort": "drop table",
            "q": "x" * 2000,
        },
    )

    assert answer.status_code == 200
    body = answer.json()
    assert set(body["ignored"]) == {"province", "price_min", "stars", "sort"}
    assert body["page"] == 1


def test_unknown_category_or_page_beyond_the_end_still_renders(client, honey):
    assert client.get("/search/", {"category": "khong-co", "page": "9999"}).status_code == 200
    assert client.get("/catalogue/", {"page": "-3", "price_max": "abc"}).status_code == 200


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.dictionaries(st.sampled_from(PARAMS), st.text(max_size=300), max_size=len(PARAMS)))
def test_any_parameters_get_a_json_answer_never_an_error(client, params):
    answer = client.get("/api/v1/products/", params)

    assert answer.status_code == 200
    assert answer.json()["count"] >= 0


def test_price_and_certificate_changes_reach_the_index(
    client, honey, django_capture_on_commit_callbacks
):
    record = honey.stockrecords.get()
    record.price = Decimal("199000")
    with django_capture_on_commit_callbacks(execute=True):
        record.save()
        certificate_revoke(certificate=honey.ocop_certificates.get(), reason="Hết điều kiện")

    hit = client.get("/api/v1/products/", {"q": "mat ong"}).json()["results"][0]

    assert hit["price"] == 199000
    assert hit["stars"] is None


def test_expired_stars_leave_search_without_reindexing(client, honey):
    # Time passes the end of the certificate the index holds: nothing is written meanwhile,
    # the search compares the window with the day it is asked on.
    until = ProductIndexEntry.objects.get(product=honey).stars_until
    with freeze_time(until):
        assert client.get("/api/v1/products/", {"stars": "3"}).json()["count"] == 1
    with freeze_time(until + timedelta(days=1)):
        answer = client.get("/api/v1/products/", {"stars": "3"}).json()

    assert answer["count"] == 0


def test_suggestions_offer_products_and_categories(client, honey):
    answer = client.get("/search/suggest/", {"q": "mat ong"}).json()

    kinds = {(s["kind"], s["label"]) for s in answer["suggestions"]}
    assert ("product", honey.title) in kinds
    assert any(kind == "category" for kind, _ in kinds)


@pytest.mark.django_db(transaction=True)
def test_index_updates_wait_for_the_commit():
    from catalogue.services import ocop_categories_sync, places_sync

    places_sync()
    ocop_categories_sync()
    with transaction.atomic():
        product = ProductFactory(title="Khoai sọ Phì Nhừ")
        assert not ProductIndexEntry.objects.filter(product=product).exists()

    assert ProductIndexEntry.objects.get(product=product).title == "Khoai sọ Phì Nhừ"
