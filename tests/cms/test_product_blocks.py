"""Product and producer cards in a story: read live, and gone without breaking the page."""

from decimal import Decimal

import pytest
from django.utils import timezone

from tests.cms.conftest import paragraph, producer_card, product_cards
from tests.factories import CertificateFactory, ProductFactory, VendorFactory

pytestmark = pytest.mark.django_db


# The price changes by a bulk UPDATE, which sends no signal: the kept page would stay until its
# timeout. What is checked here is that the card reads the price when the page is rendered.
@pytest.mark.usefixtures("page_cache_off")
def test_card_shows_the_current_price_and_stars(english, make_story):
    honey = ProductFactory(title="Mật ong Bình Liêu", stock=(Decimal("250000"), 10))
    CertificateFactory(product=honey, stars=4)
    story = make_story(body=[product_cards(honey)])

    text = english.get(story.url).content.decode()
    assert "Mật ong Bình Liêu" in text
    assert "250.000" in text
    assert "★★★★" in text

    honey.stockrecords.update(price=Decimal("270000"))
    text = english.get(story.url).content.decode()
    assert "270.000" in text
    assert "250.000" not in text


def test_deleted_product_drops_out_and_the_page_still_renders(english, make_story):
    kept = ProductFactory(title="Miến dong Bình Liêu")
    gone = ProductFactory(title="Dầu sở Hoành Mô")
    story = make_story(body=[paragraph("Trước bữa cơm."), product_cards(kept, gone)])
    gone.delete()

    response = english.get(story.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Miến dong Bình Liêu" in text
    assert "Dầu sở Hoành Mô" not in text


def test_unpublished_or_held_back_products_are_not_shown(english, make_story):
    unpublished = ProductFactory(title="Trà hoa vàng Ba Chẽ")
    held = ProductFactory(title="Tinh dầu hồi")
    story = make_story(body=[product_cards(unpublished, held)])
    unpublished.is_public = False
    unpublished.save()
    held.hidden_at = timezone.now()
    held.save()

    response = english.get(story.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Trà hoa vàng Ba Chẽ" not in text
    assert "Tinh dầu hồi" not in text
    assert 'class="story-products"' not in text


def test_product_of_a_suspended_producer_is_not_shown(english, make_story):
    product = ProductFactory(title="Miến dong Hợp Thành")
    story = make_story(body=[product_cards(product)])
    product.vendor.status = "suspended"
    product.vendor.save()
    assert "Miến dong Hợp Thành" not in english.get(story.url).content.decode()


def test_producer_card_links_to_the_producer_page(english, make_story):
    vendor = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
    story = make_story(body=[producer_card(vendor, note="Ba mươi hộ làm miến.")])
    text = english.get(story.url).content.decode()
    assert "HTX Miến dong Bình Liêu" in text
    assert vendor.get_absolute_url() in text
    assert "Ba mươi hộ làm miến." in text

    vendor.status = "suspended"
    vendor.save()
    response = english.get(story.url)
    assert response.status_code == 200
    assert "HTX Miến dong Bình Liêu" not in response.content.decode()


def test_call_to_action_links_to_a_filtered_search(english, make_story):
    block = {
        "type": "call_to_action",
        "value": {
            "label": "Mật ong 4 sao Điện Biên",
            "text": "mật ong",
            "stars": "4",
            "province": "11",
        },
    }
    story = make_story(body=[block])
    text = english.get(story.url).content.decode()
    assert "/search/?q=m%E1%BA%ADt+ong&amp;stars=4&amp;province=11" in text
