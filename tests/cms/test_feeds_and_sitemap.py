"""RSS and Atom feeds of stories; sitemap.xml with pages, products and producers."""

import json
import re

import pytest

from cms.models import RegionPage
from tests.cms.conftest import product_cards, province
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


def test_rss_feed_lists_published_stories(client, make_story):
    story = make_story(title="Mùa hoa ban", intro="Mật ong từ hoa ban trắng.")
    make_story(title="Bản nháp chưa đăng", publish=False)
    response = client.get("/stories/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    text = response.content.decode()
    assert "<title>Mùa hoa ban</title>" in text
    assert "Mật ong từ hoa ban trắng." in text
    assert "Bản nháp chưa đăng" not in text
    assert f"<link>{story.full_url}</link>" in text


def test_atom_feed_lists_published_stories(client, make_story):
    make_story(title="Dầu sở Bình Liêu")
    response = client.get("/stories/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Dầu sở Bình Liêu" in response.content.decode()


def _locs(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(r"<loc>(.*?)</loc>", response.content.decode())


def _sitemap_locations(client) -> set[str]:
    """Every address of every section page the index at /sitemap.xml names."""
    locations = set()
    for section in _locs(client.get("/sitemap.xml")):
        locations.update(_locs(client.get(section.removeprefix("http://127.0.0.1:8000"))))
    return locations


def test_sitemap_has_stories_regions_products_and_producers(client, make_story, region_index):
    product = ProductFactory(title="Miến dong")
    hidden = ProductFactory(title="Không bán", is_public=False)
    story = make_story(title="Mùa miến", body=[product_cards(product)])
    region = region_index.add_child(
        instance=RegionPage(
            title="Quảng Ninh", slug="quang-ninh", province=province("Quảng Ninh"), intro="<p>x</p>"
        )
    )
    locations = _sitemap_locations(client)
    # Pages carry the Wagtail site's address, catalogue rows the address asked on.
    assert story.full_url in locations
    assert region.full_url in locations
    assert f"http://127.0.0.1:8000{product.get_absolute_url()}" in locations
    assert f"http://127.0.0.1:8000{product.vendor.get_absolute_url()}" in locations
    assert f"http://127.0.0.1:8000{hidden.get_absolute_url()}" not in locations


def _json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_story_carries_an_article(client, make_story):
    story = make_story(title="Mật ong hoa ban", intro="Ong và hoa.", region=province("Điện Biên"))
    (article,) = _json_ld(client.get(story.url).content.decode())
    assert article["@type"] == "Article"
    assert article["headline"] == "Mật ong hoa ban"
    assert article["description"] == "Ong và hoa."
    assert article["contentLocation"]["name"] == province("Điện Biên").name


def test_product_page_carries_a_truthful_product(client):
    product = ProductFactory(title="Mật ong hoa ban", stock=(125000, 7))
    CertificateFactory(product=product, stars=4)
    (data,) = _json_ld(client.get(product.get_absolute_url()).content.decode())
    assert data["@type"] == "Product"
    assert data["offers"]["price"] == "125000"
    assert data["offers"]["priceCurrency"] == "VND"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["additionalProperty"][0] == {
        "@type": "PropertyValue",
        "name": "OCOP",
        "value": 4,
        "unitText": "stars",
    }
    # No customer reviews: no rating is claimed.
    assert "aggregateRating" not in data


def test_product_without_certificate_or_stock_claims_neither(client):
    product = ProductFactory(title="Miến dong", stock=(85000, 0))
    (data,) = _json_ld(client.get(product.get_absolute_url()).content.decode())
    assert data["offers"]["availability"] == "https://schema.org/OutOfStock"
    assert "additionalProperty" not in data


def test_sitemap_of_many_products_is_paged_in_a_flat_number_of_queries(
    client, monkeypatch, django_assert_max_num_queries
):
    """20,000 products fill four pages of 5,000: here pages of 10 stand in for them."""
    from catalogue.models import Product, ProductClass
    from cms.sitemaps import ProductSitemap

    monkeypatch.setattr(ProductSitemap, "limit", 10)
    kind = ProductClass.objects.first() or ProductClass.objects.create(name="Thực phẩm")
    Product.objects.bulk_create(
        Product(title=f"Sản phẩm {n}", slug=f"san-pham-{n}", product_class=kind, is_public=True)
        for n in range(25)
    )
    index = _locs(client.get("/sitemap.xml"))
    products = [loc for loc in index if "sitemap-products.xml" in loc]
    assert products == [
        "http://127.0.0.1:8000/sitemap-products.xml",
        "http://127.0.0.1:8000/sitemap-products.xml?p=2",
        "http://127.0.0.1:8000/sitemap-products.xml?p=3",
    ]
    listed = []
    for page in products:
        with django_assert_max_num_queries(8):
            listed += _locs(client.get(page.removeprefix("http://127.0.0.1:8000")))
    assert len(listed) == len(set(listed)) == 25


@pytest.mark.parametrize(
    "url", ["/sitemap-products.xml?p=abc", "/sitemap-products.xml?p=99", "/sitemap-nothing.xml"]
)
def test_sitemap_nonsense_page_or_section_is_not_found(client, url):
    assert client.get(url).status_code == 404
