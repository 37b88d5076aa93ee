"""Buyers' ratings as shoppers and machines read them: the average and number of approved
reviews on cards, product pages, search (a filter and a sort), the API and schema.org, kept on
the product so no card counts reviews."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from catalogue.models import Product
from tests.factories import CertificateFactory, ProductFactory

ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db


@pytest.fixture
def rate(django_capture_on_commit_callbacks):
    """rate(product, 5, 4, status=...): reviews by new buyers, committed as a moderator's
    approval would be (the search index is updated after commit)."""

    def add(product, *scores, status=ProductReview.APPROVED):
        reviews = []
        with django_capture_on_commit_callbacks(execute=True):
            for score in scores:
                reviews.append(
                    ProductReview.objects.create(
                        product=product,
                        user=UserFactory(),
                        score=score,
                        title=f"Đánh giá {score}",
                        body="Hàng đúng mô tả.",
                        status=status,
                    )
                )
        return reviews

    return add


@pytest.fixture
def shelf(rate):
    """Honey rated 4,5 by two buyers, noodles 5 by one, tea 3 by three buyers, and oil that
    only has a review waiting for staff."""
    honey = ProductFactory(title="Mật ong hoa Ban")
    CertificateFactory(product=honey, stars=4)
    noodles = ProductFactory(title="Miến dong Bình Liêu")
    tea = ProductFactory(title="Trà hoa vàng")
    oil = ProductFactory(title="Dầu sở Bình Liêu")
    rate(honey, 4, 5)
    rate(noodles, 5)
    rate(tea, 3, 3, 3)
    rate(oil, 5, status=ProductReview.FOR_MODERATION)
    return {"honey": honey, "noodles": noodles, "tea": tea, "oil": oil}


def _card_titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="ocop-card__title">\s*<a [^>]*>([^<]+)</a>', html)


def _card_of(html: str, title: str) -> str:
    start = html.index(f">{title}</a>")
    end = html.find("</article>", start)
    return html[start:end]


def test_cards_show_the_buyers_average_and_count_apart_from_the_ocop_stars(english, shelf):
    page = english.get("/catalogue/").content.decode()

    honey = _card_of(page, "Mật ong hoa Ban")
    assert "Rated by buyers" in honey
    assert "4.5/5 · 2 ratings" in honey
    assert "4-star OCOP" in honey
    badge = re.search(r'<span class="buyer-rating[^"]*"[^>]*>.*?</span></span>', honey).group(0)
    assert "ocop-stars" not in badge and "★" not in badge
    assert "3/5 · 3 ratings" in _card_of(page, "Trà hoa vàng")
    # A review waiting for staff counts nowhere.
    assert "Rated by buyers" not in _card_of(page, "Dầu sở Bình Liêu")


def test_a_card_reads_its_rating_without_a_query_per_card(english, rate, page_cache_off):
    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as context:
            response = english.get("/catalogue/")
        assert response.status_code == 200
        return len(context)

    for index in range(2):
        rate(ProductFactory(title=f"Chè Tân Cương {index}"), 4)
    queries_for_page()  # the first page fills what a process keeps (site, thumbnails)
    with_two = queries_for_page()
    for index in range(6):
        rate(ProductFactory(title=f"Mật ong rừng {index}"), 5, 3)
    page = english.get("/catalogue/").content.decode()
    assert page.count("Rated by buyers") == 8

    assert queries_for_page() == with_two


def test_the_product_page_shows_the_stored_average_and_schema_org_rating(english, shelf):
    page = english.get(shelf["tea"].get_absolute_url()).content.decode()

    assert "3/5 · 3 ratings" in page
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
    product = next(json.loads(b) for b in blocks if '"Product"' in b)
    assert product["aggregateRating"]["ratingValue"] == 3.0
    assert product["aggregateRating"]["reviewCount"] == 3

    oil = english.get(shelf["oil"].get_absolute_url()).content.decode()
    assert "aggregateRating" not in oil
    assert "Rated by buyers" not in oil


def test_filter_rated_4_and_up_by_buyers_on_search_and_the_catalogue(english, shelf):
    for address in ("/search/", "/catalogue/"):
        page = english.get(address, {"rating": "4"}).content.decode()

        assert set(_card_titles(page)) == {"Mật ong hoa Ban", "Miến dong Bình Liêu"}

    unfiltered = english.get("/search/").content.decode()
    assert "Rated 4/5 and up by buyers" in unfiltered
    assert "?rating=4" in unfiltered
    # Typed words take another path through the index: the filter holds there too.
    found = english.get("/search/", {"q": "mien", "rating": "4"}).content.decode()
    assert _card_titles(found) == ["Miến dong Bình Liêu"]
    assert (
        _card_titles(english.get("/search/", {"q": "dau so", "rating": "4"}).content.decode()) == []
    )


def test_sort_best_rated_by_buyers_puts_unrated_products_last(english, shelf):
    plain = ProductFactory(title="Rượu men lá")

    page = english.get("/search/", {"sort": "rating"}).content.decode()

    best_first = [
        "Miến dong Bình Liêu",
        "Mật ong hoa Ban",
        "Trà hoa vàng",
        # Neither has an approved review: newest first.
        plain.title,
        "Dầu sở Bình Liêu",
    ]
    assert _card_titles(page) == best_first
    assert "Best rated by buyers" in page
    # Typed words (every product's producer is from Bình Liêu here) sort the same way.
    words = english.get("/catalogue/", {"sort": "rating", "q": "binh lieu"}).content.decode()
    assert _card_titles(words) == best_first


def test_the_api_serves_the_buyers_rating_filter_and_sort(client, shelf):
    answer = client.get("/api/v1/products/", {"rating": "4", "sort": "rating"}).json()

    assert [
        (r["title"], r["buyer_rating"], r["buyer_rating_count"]) for r in answer["results"]
    ] == [
        ("Miến dong Bình Liêu", 5.0, 1),
        ("Mật ong hoa Ban", 4.5, 2),
    ]
    assert answer["facets"]["rating"] == [
        {"value": "4", "label": "4+", "count": 2, "selected": True}
    ]
    detail = client.get(f"/api/v1/products/{shelf['tea'].pk}/").json()
    assert (detail["buyer_rating"], detail["buyer_rating_count"]) == (3.0, 3)
    assert detail["stars"] is None
    unrated = client.get(f"/api/v1/products/{shelf['oil'].pk}/").json()
    assert (unrated["buyer_rating"], unrated["buyer_rating_count"]) == (None, 0)


def test_withdrawing_or_deleting_a_review_updates_the_rating_and_the_index(
    english, shelf, django_capture_on_commit_callbacks
):
    fives = ProductReview.objects.get(product=shelf["honey"], score=5)

    with django_capture_on_commit_callbacks(execute=True):
        fives.status = ProductReview.REJECTED
        fives.save()

    page = english.get(shelf["honey"].get_absolute_url()).content.decode()
    assert "4/5 · 1 rating" in page
    assert "Mật ong hoa Ban" in english.get("/search/", {"rating": "4"}).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        ProductReview.objects.get(product=shelf["honey"], score=4).user.delete()

    honey = Product.objects.get(pk=shelf["honey"].pk)
    assert (honey.rating, honey.num_approved_reviews) == (None, 0)
    assert "Mật ong hoa Ban" not in english.get("/search/", {"rating": "4"}).content.decode()


def test_approving_a_review_keeps_a_producers_edit_made_meanwhile(shelf):
    review = ProductReview.objects.get(product=shelf["oil"])
    # The moderator's copy of the product, loaded before the producer's edit.
    assert review.product.title == "Dầu sở Bình Liêu"
    Product.objects.filter(pk=shelf["oil"].pk).update(title="Dầu sở Bình Liêu 250 ml")

    review.status = ProductReview.APPROVED
    review.save()

    oil = Product.objects.get(pk=shelf["oil"].pk)
    assert oil.title == "Dầu sở Bình Liêu 250 ml"
    assert (oil.rating, oil.num_approved_reviews) == (5.0, 1)


def test_the_badge_schema_org_and_the_api_round_the_average_alike(english, client, rate):
    honey = ProductFactory(title="Mật ong bạc hà")
    rate(honey, 4, 4, 4, 5)  # 4,25

    page = english.get(honey.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
    product = next(json.loads(b) for b in blocks if '"Product"' in b)
    detail = client.get(f"/api/v1/products/{honey.pk}/").json()

    assert "4.3/5 · 4 ratings" in page
    assert product["aggregateRating"]["ratingValue"] == 4.3
    assert detail["buyer_rating"] == 4.3
