"""Reviews: only signed-in people write them, and nothing shows before staff approve it."""

import pytest
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from tests.factories import ProductFactory

ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db

REVIEW = {"title": "Hàng giả, lừa đảo", "score": "1", "body": "Đừng mua ở đây."}


@pytest.fixture
def noodles():
    return ProductFactory(title="Miến dong Bình Liêu")


def _add_url(product) -> str:
    return f"{product.get_absolute_url()}reviews/add/"


def test_a_visitor_without_an_account_is_sent_to_sign_in_and_publishes_nothing(english, noodles):
    response = english.post(
        _add_url(noodles), {**REVIEW, "name": "Ai đó", "email": "ai@example.vn"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not ProductReview.objects.exists()
    assert "Hàng giả" not in english.get(noodles.get_absolute_url()).content.decode()


def test_a_buyers_review_waits_for_staff_before_it_shows(english, noodles):
    buyer = UserFactory()
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
