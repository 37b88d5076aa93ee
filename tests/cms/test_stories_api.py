"""/api/v1/stories/: published stories for partner sites, with the products they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from tests.cms.conftest import paragraph, product_cards, province
from tests.factories import ProductFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def test_stories_list_the_published_ones_with_region_tags_and_products(client, make_story):
    noodles = ProductFactory(title="Miến dong Bình Liêu")
    make_story(
        title="Mùa miến dong Bình Liêu",
        region=province("Quảng Ninh"),
        tags=["miến dong"],
        body=[paragraph("Tháng Chạp, cả bản phơi miến."), product_cards(noodles)],
    )
    make_story(title="Bản nháp chưa đăng", publish=False)

    answer = client.get("/api/v1/stories/")

    assert answer.status_code == 200
    data = answer.json()
    assert data["count"] == 1
    story = data["results"][0]
    assert story["title"] == "Mùa miến dong Bình Liêu"
    assert story["region"]["short_name"] == "Quảng Ninh"
    assert story["tags"] == ["miến dong"]
    assert story["products"] == [noodles.pk]
    assert story["url"].startswith("http://127.0.0.1:8000/")
    detail = client.get(f"/api/v1/stories/{story['id']}/")
    assert detail.status_code == 200
    assert detail.json()["title"] == "Mùa miến dong Bình Liêu"


def test_stories_filter_by_region_and_tag_and_tolerate_nonsense(client, make_story):
    make_story(title="Mật ong hoa Ban", region=province("Điện Biên"), tags=["mật ong"])
    make_story(title="Dầu sở Bình Liêu", region=province("Quảng Ninh"), tags=["dầu sở"])
    dien_bien = province("Điện Biên").slug
    oil_tag = Tag.objects.get(name="dầu sở").slug

    by_region = client.get(f"/api/v1/stories/?region={dien_bien}").json()
    by_tag = client.get(f"/api/v1/stories/?tag={oil_tag}").json()
    unknown = client.get("/api/v1/stories/?region=khong-co&page=abc")

    assert [s["title"] for s in by_region["results"]] == ["Mật ong hoa Ban"]
    assert [s["title"] for s in by_tag["results"]] == ["Dầu sở Bình Liêu"]
    assert unknown.status_code == 200
    assert unknown.json()["count"] == 0


def test_a_draft_or_unknown_story_is_a_json_404(client, make_story):
    draft = make_story(title="Chưa đăng", publish=False)

    for url in (f"/api/v1/stories/{draft.pk}/", "/api/v1/stories/99999999/"):
        answer = client.get(url)
        assert answer.status_code == 404
        assert answer["Content-Type"].startswith("application/json")


def test_the_list_costs_as_many_queries_for_six_stories_as_for_one(
    client, make_story, django_assert_max_num_queries
):
    noodles = ProductFactory(title="Miến dong Bình Liêu")

    def story(n):
        make_story(
            title=f"Câu chuyện số {n}",
            region=province("Quảng Ninh"),
            tags=[f"thẻ {n}", "miến dong"],
            body=[paragraph("Tháng Chạp."), product_cards(noodles)],
        )

    story(0)
    with CaptureQueriesContext(connection) as one:
        assert client.get("/api/v1/stories/").json()["count"] == 1
    for n in range(1, 6):
        story(n)

    with django_assert_max_num_queries(len(one)):
        answer = client.get("/api/v1/stories/")

    assert answer.json()["count"] == 6
    assert all(
        s["products"] == [noodles.pk] and len(s["tags"]) == 2 for s in answer.json()["results"]
    )
