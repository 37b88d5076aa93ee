"""Reviews: only buyers whose parcel with the product arrived write them, once per product,
and nothing shows before staff approve it."""

import json
import re

import pytest
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from catalogue.reviews.forms import ProductReviewForm
from tests.factories import ProductFactory, placed_order
from vendors.fulfilment import fulfilment_mark_delivered, fulfilment_mark_shipped

ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db

REVIEW = {"title": "Hàng giả, lừa đảo", "score": "1", "body": "Đừng mua ở đây."}


@pytest.fixture
def noodles():
    return ProductFactory(title="Miến dong Bình Liêu")


def _add_url(product) -> str:
    return f"{product.get_absolute_url()}reviews/add/"


def _buyer_of(product, *, delivered: bool = True, shipped: bool = True):
    """A signed-up buyer who ordered `product`; its parcel shipped and, unless told
    otherwise, delivered."""
    buyer = UserFactory()
    order = placed_order([(product, 1)], user=buyer, email=buyer.email)
    parcel = order.fulfilments.get()
    if shipped:
        parcel = fulfilment_mark_shipped(
            fulfilment=parcel, carrier="GHN", tracking_code="GHN123456"
        )
    if delivered:
        fulfilment_mark_delivered(fulfilment=parcel)
    return buyer


def _approve(client, review, **changes) -> None:
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    fields = {"title": review.title, "score": review.score, "body": review.body}
    response = client.post(
        f"/dashboard/reviews/{review.pk}/",
        {**fields, **changes, "status": ProductReview.APPROVED},
    )
    assert response.status_code == 302


def _json_ld(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    products = [json.loads(b) for b in blocks if '"Product"' in b]
    assert len(products) == 1
    return products[0]


def test_a_visitor_without_an_account_is_sent_to_sign_in_and_publishes_nothing(english, noodles):
    response = english.post(
        _add_url(noodles), {**REVIEW, "name": "Ai đó", "email": "ai@example.vn"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not ProductReview.objects.exists()
    assert "Hàng giả" not in english.get(noodles.get_absolute_url()).content.decode()


def test_a_buyers_review_waits_for_staff_before_it_shows(english, noodles):
    buyer = _buyer_of(noodles)
    english.force_login(buyer)

    response = english.post(_add_url(noodles), REVIEW, follow=True)

    assert "It will appear once our team has checked it." in response.content.decode()
    review = ProductReview.objects.get()
    assert (review.user, review.status) == (buyer, ProductReview.FOR_MODERATION)
    assert "Hàng giả" not in english.get(noodles.get_absolute_url()).content.decode()

    staff = UserFactory(is_staff=True, is_superuser=True)
    english.force_login(staff)
    approved = english.post(
        f"/dashboard/reviews/{review.pk}/",
        {**REVIEW, "title": "Miến dai, ngon", "status": ProductReview.APPROVED},
    )

    assert approved.status_code == 302
    assert "Miến dai, ngon" in english.get(noodles.get_absolute_url()).content.decode()


def test_a_held_review_counts_nowhere_until_approved(english, noodles):
    buyer = _buyer_of(noodles)
    english.force_login(buyer)
    english.post(_add_url(noodles), {**REVIEW, "score": "4"})
    review = ProductReview.objects.get()

    page = english.get(noodles.get_absolute_url()).content.decode()
    assert review.title not in page
    assert "Rated by buyers" not in page
    assert "aggregateRating" not in _json_ld(page)
    noodles.refresh_from_db()
    assert (noodles.num_approved_reviews, noodles.rating) == (0, None)

    _approve(english, review)

    english.logout()
    english.cookies["django_language"] = "en"  # logging out drops the client's cookies
    page = english.get(noodles.get_absolute_url()).content.decode()
    assert review.title in page
    assert "Rated by buyers" in page
    assert "4/5 · 1 rating" in page
    listing = english.get(f"{noodles.get_absolute_url()}reviews/").content.decode()
    assert "4/5 · 1 rating" in listing
    assert "star-rating" not in listing
    assert _json_ld(page)["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 4.0,
        "reviewCount": 1,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_buyer_ratings_read_in_vietnamese_apart_from_ocop_stars(vietnamese, noodles):
    for score in ("4", "5"):
        buyer = _buyer_of(noodles)
        vietnamese.force_login(buyer)
        vietnamese.post(_add_url(noodles), {**REVIEW, "score": score})
    for review in ProductReview.objects.all():
        review.status = ProductReview.APPROVED
        review.save()
    vietnamese.logout()

    page = vietnamese.get(noodles.get_absolute_url()).content.decode()

    assert "Đánh giá của người mua" in page
    assert "4,5/5 · 2 lượt" in page
    # The old "Số đánh giá" row of the facts table counted nothing a buyer could trust.
    assert "Số đánh giá" not in page
    badge = re.search(r'<[^>]*class="buyer-rating[^"]*"[^>]*>', page).group(0)
    assert "ocop-stars" not in badge


@pytest.mark.parametrize(
    "who", ["parcel not delivered", "parcel not shipped", "signed in, never bought"]
)
def test_a_person_who_did_not_receive_the_product_cannot_review_it(english, noodles, who):
    if who == "parcel not delivered":
        person = _buyer_of(noodles, delivered=False)
    elif who == "parcel not shipped":
        person = _buyer_of(noodles, delivered=False, shipped=False)
    else:
        _buyer_of(noodles)  # someone else received it
        person = UserFactory()
    english.force_login(person)

    form_page = english.get(_add_url(noodles))
    sent = english.post(_add_url(noodles), REVIEW)

    for response in (form_page, sent):
        assert response.status_code == 403
        assert "once a parcel with it has reached you" in response.content.decode()
    assert not ProductReview.objects.exists()
    product_page = english.get(noodles.get_absolute_url()).content.decode()
    assert _add_url(noodles) not in product_page

    form = ProductReviewForm(noodles, data=REVIEW, user=person)
    assert not form.is_valid()
    assert form.has_error("__all__", code="not_received")


def test_the_review_form_refuses_a_visitor_without_an_account(noodles):
    from django.contrib.auth.models import AnonymousUser

    _buyer_of(noodles)
    data = {**REVIEW, "name": "Ai đó", "email": "ai@example.vn"}

    form = ProductReviewForm(noodles, data=data, user=AnonymousUser())

    assert not form.is_valid()
    assert form.has_error("__all__", code="not_received")
    assert not ProductReview.objects.exists()


def test_a_buyer_reviews_a_product_once_even_after_buying_it_twice(english, noodles):
    buyer = _buyer_of(noodles)
    second = placed_order([(noodles, 2)], user=buyer, email=buyer.email).fulfilments.get()
    fulfilment_mark_delivered(
        fulfilment=fulfilment_mark_shipped(
            fulfilment=second, carrier="GHTK", tracking_code="GHTK98765"
        )
    )
    english.force_login(buyer)
    product_page = english.get(noodles.get_absolute_url()).content.decode()
    assert _add_url(noodles) in product_page

    english.post(_add_url(noodles), REVIEW)
    again = english.post(_add_url(noodles), {**REVIEW, "title": "Lần hai"}, follow=True)

    assert "You have already reviewed this product!" in again.content.decode()
    assert ProductReview.objects.filter(user=buyer).count() == 1
    assert _add_url(noodles) not in english.get(noodles.get_absolute_url()).content.decode()


def test_a_double_click_on_submit_saves_one_review_and_shows_no_error(
    english, noodles, monkeypatch
):
    buyer = _buyer_of(noodles)
    english.force_login(buyer)
    english.post(_add_url(noodles), REVIEW)
    # The second click's request passed the "already reviewed?" check before the first was
    # saved: the database's one-review-per-buyer rule is what refuses it.
    monkeypatch.setattr(type(noodles), "is_review_permitted", lambda product, user: True)

    again = english.post(_add_url(noodles), {**REVIEW, "title": "Lần hai"}, follow=True)

    assert again.status_code == 200
    assert "You have already reviewed this product!" in again.content.decode()
    assert ProductReview.objects.filter(user=buyer).count() == 1
