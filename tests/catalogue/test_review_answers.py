"""The producer's public answer to a buyer's review: from its dashboard, once per review, for
its own products' published reviews only, shown escaped under the review."""

import pytest
from django.test import Client
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from tests.factories import ProductFactory, VendorFactory, vendor_user

ProductReview = get_model("reviews", "ProductReview")
ProductReviewAnswer = get_model("reviews", "ProductReviewAnswer")

pytestmark = pytest.mark.django_db

LIST = "/dashboard/producer/buyer-reviews/"
ANSWER = "<b>Cảm ơn</b> chị Lan!\nLô sau sẽ đóng gói kỹ hơn. <script>alert(1)</script>"


def _answer_url(review) -> str:
    return f"/dashboard/producer/buyer-reviews/{review.pk}/answer/"


def _review(product, *, status=ProductReview.APPROVED, title="Gói hơi móp") -> ProductReview:
    return ProductReview.objects.create(
        product=product,
        user=UserFactory(first_name="Lan", last_name="Trần"),
        score=3,
        title=title,
        body="Miến ngon nhưng túi bị móp.",
        status=status,
    )


@pytest.fixture
def reviews(producer):
    """A published review of the producer's noodles, one still held, and a published review
    of another producer's honey."""
    noodles = ProductFactory(title="Miến dong Bình Liêu", vendor=producer.vendor)
    honey = ProductFactory(title="Mật ong hoa Ban", vendor=VendorFactory())
    return {
        "own": _review(noodles),
        "held": _review(noodles, status=ProductReview.FOR_MODERATION, title="Chưa duyệt"),
        "other": _review(honey, title="Mật bị đường hóa"),
    }


def test_a_producer_answers_its_review_once_and_the_answer_shows_escaped_under_it(
    producer, reviews
):
    listing = producer.get(LIST).content.decode()
    assert "Gói hơi móp" in listing
    assert "Chưa duyệt" not in listing  # staff have not published it
    assert "Mật bị đường hóa" not in listing  # another producer's product
    assert _answer_url(reviews["own"]) in listing

    response = producer.post(_answer_url(reviews["own"]), {"body": ANSWER}, follow=True)

    assert "Your answer is published under the review." in response.content.decode()
    answer = ProductReviewAnswer.objects.get()
    assert (answer.review, answer.vendor) == (reviews["own"], producer.vendor)
    producer.logout()
    producer.cookies["django_language"] = "en"
    page = producer.get(reviews["own"].product.get_absolute_url()).content.decode()
    assert "Answer from HTX Mật ong Bình Liêu" in page
    assert "&lt;b&gt;Cảm ơn&lt;/b&gt; chị Lan!<br>Lô sau sẽ đóng gói kỹ hơn." in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_second_answer_changes_nothing(producer, reviews):
    producer.post(_answer_url(reviews["own"]), {"body": "Cảm ơn chị."})

    again = producer.post(_answer_url(reviews["own"]), {"body": "Sửa lại"}, follow=True)

    assert "an answer is given once" in again.content.decode()
    assert list(ProductReviewAnswer.objects.values_list("body", flat=True)) == ["Cảm ơn chị."]
    assert "Sửa lại" not in producer.get(_answer_url(reviews["own"])).content.decode()


def test_an_empty_answer_is_refused_with_a_message(producer, reviews):
    response = producer.post(_answer_url(reviews["own"]), {"body": "   "})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not ProductReviewAnswer.objects.exists()


@pytest.mark.parametrize("which", ["other", "held"])
def test_another_producers_review_or_a_held_one_is_not_found(producer, reviews, which):
    url = _answer_url(reviews[which])

    assert producer.get(url).status_code == 404
    assert producer.post(url, {"body": "Hàng của chúng tôi tốt hơn."}).status_code == 404
    assert not ProductReviewAnswer.objects.exists()


def test_only_a_producers_members_reach_the_answer_pages(reviews):
    url = _answer_url(reviews["own"])
    english = Client()
    english.cookies["django_language"] = "en"

    anonymous = english.post(url, {"body": "Xin chào"})
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    english.force_login(reviews["own"].user)  # the buyer, not the producer
    assert english.post(url, {"body": "Xin chào"}).status_code == 403
    english.force_login(UserFactory(is_staff=True, is_superuser=True))  # no producer of theirs
    assert english.get(LIST).status_code == 403
    assert english.post(url, {"body": "Xin chào"}).status_code == 403
    assert not ProductReviewAnswer.objects.exists()


def test_the_producers_menu_leads_to_its_buyer_reviews(reviews):
    member = Client()
    member.cookies["django_language"] = "en"
    member.force_login(vendor_user(reviews["own"].product.vendor))

    dashboard = member.get("/dashboard/").content.decode()

    assert LIST in dashboard
    assert "Buyer reviews" in dashboard


def test_staff_take_down_an_answer_in_the_admin_and_the_review_stays(producer, reviews):
    producer.post(_answer_url(reviews["own"]), {"body": "Số điện thoại riêng: 0912 345 678"})
    answer = ProductReviewAnswer.objects.get()
    admin = Client()
    admin.force_login(UserFactory(is_staff=True, is_superuser=True))

    listed = admin.get("/django-admin/reviews/productreviewanswer/")
    removed = admin.post(
        f"/django-admin/reviews/productreviewanswer/{answer.pk}/delete/", {"post": "yes"}
    )

    assert listed.status_code == 200
    assert removed.status_code == 302
    assert not ProductReviewAnswer.objects.exists()
    assert ProductReview.objects.filter(pk=reviews["own"].pk).exists()
    page = Client().get(reviews["own"].product.get_absolute_url()).content.decode()
    assert "Gói hơi móp" in page
    assert "0912 345 678" not in page
