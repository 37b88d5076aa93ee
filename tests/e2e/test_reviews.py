"""A buyer whose parcel arrived reviews the product in Chromium, with a photo; the review shows
once staff approve it, as a buyers' rating beside, and unlike, the OCOP stars, with the
producer's answer under it."""

import pytest
from django.db import transaction
from django.test import Client
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory
from PIL import Image

from catalogue.reviews.services import review_answer_add
from tests.factories import CertificateFactory, ProductFactory, placed_order
from vendors.fulfilment import fulfilment_mark_delivered, fulfilment_mark_shipped

ProductReview = get_model("reviews", "ProductReview")

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _signed_in(browser, base, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context.new_page()


def test_a_buyer_who_received_the_honey_reviews_it_and_staff_publish_it(
    live_server, browser, site_data, screenshot, tmp_path
):
    honey = ProductFactory(title="Mật ong hoa Ban Điện Biên")
    CertificateFactory(product=honey, stars=4)
    buyer = UserFactory(first_name="Lan", last_name="Trần")
    # The test commits for real (the browser reads the rows): placing locks rows, as a
    # checkout's transaction does.
    with transaction.atomic():
        parcel = placed_order([(honey, 1)], user=buyer, email=buyer.email).fulfilments.get()
    fulfilment_mark_delivered(
        fulfilment=fulfilment_mark_shipped(
            fulfilment=parcel, carrier="GHN", tracking_code="GHN1234567"
        )
    )
    page = _signed_in(browser, live_server.url, buyer)

    page.goto(f"{live_server.url}{honey.get_absolute_url()}")
    page.get_by_role("link", name="hãy là người đầu tiên viết đánh giá").click()
    page.fill("#id_title", "Mật thơm, đặc")
    # Oscar's form picks the score by clicking its fourth star, which sets the select.
    page.locator(".reviewrating .star-rating i").nth(3).click()
    if page.locator("#id_score").input_value() != "4":
        page.select_option("#id_score", "4", force=True)
    page.fill("#id_body", "Đóng gói cẩn thận, mật đúng vị hoa ban.")
    photo = tmp_path / "mat-ong.jpg"
    Image.new("RGB", (800, 600), (214, 160, 40)).save(photo, format="JPEG")
    page.set_input_files("#id_photos", str(photo))
    page.locator("#add_review_form [type=submit]").click()
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith(honey.get_absolute_url()), page.locator(
        "body"
    ).inner_text()[:2000]
    assert "Mật thơm, đặc" not in page.locator("body").inner_text()

    review = ProductReview.objects.get()
    assert review.score == 4
    review.status = ProductReview.APPROVED
    review.save()
    review_answer_add(
        review=review,
        vendor=honey.vendor,
        author=None,
        body="Cảm ơn chị Lan đã tin dùng mật ong hoa ban!",
    )

    page.reload()
    badge = page.locator(".buyer-rating").first
    assert badge.is_visible()
    assert "Đánh giá của người mua" in badge.inner_text()
    assert "4/5 · 1 lượt" in badge.inner_text()
    assert page.locator(".ocop-stars").first.is_visible()
    assert "Mật thơm, đặc" in page.locator("body").inner_text()
    photo_shown = page.locator(".review-photos img").first
    assert photo_shown.is_visible()
    assert photo_shown.evaluate("img => img.naturalWidth") > 0
    answer = page.locator(".review-answer")
    assert "Cảm ơn chị Lan đã tin dùng mật ong hoa ban!" in answer.inner_text()
    assert honey.vendor.legal_name in answer.inner_text()
    screenshot(page, "product-buyer-rating-vi")
