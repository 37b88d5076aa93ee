"""Every change to a product shows in the facet counts and totals of the very next request
(they come from the summary the index writer keeps), and the API counts facets with text only
when asked."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from freezegun import freeze_time

from catalogue.models import Category
from catalogue.services import certificate_revoke, product_hide, product_show
from tests.factories import CertificateFactory, ProductFactory, UserFactory

pytestmark = pytest.mark.django_db


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


def test_a_hidden_product_leaves_the_counts_and_comes_back(
    client, shelf, django_capture_on_commit_callbacks
):
    honey = shelf["honey"]
    staff = UserFactory(is_staff=True)
    vendor = honey.vendor.slug
    assert _count(client) == 2
    assert _facet(client, "stars")["4"] == 1
    assert _facet(client, "vendor")[vendor] == 1

    with django_capture_on_commit_callbacks(execute=True):
        product_hide(product=honey, reason="Thu hồi lô hàng", by=staff)

    assert _count(client) == 1
    assert _count(client, stars="3") == 0
    assert _facet(client, "stars")["4"] == 0
    assert vendor not in _facet(client, "vendor")

    with django_capture_on_commit_callbacks(execute=True):
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


def test_a_large_index_counts_rows_until_the_rebuild_builds_its_summary(client, shelf, monkeypatch):
    from search import summary
    from search.indexing import index_rebuild

    monkeypatch.setattr(summary, "BUILD_ON_READ_LIMIT", 1)
    summary.summary_invalidate()

    assert _count(client) == 2
    assert _facet(client, "stars")["4"] == 1
    assert summary.summary_day() is None  # a search did not build it

    index_rebuild()

    assert summary.summary_day() == timezone.localdate()
    assert _count(client, stars="4") == 1
    assert _facet(client, "vendor")[shelf["honey"].vendor.slug] == 1
