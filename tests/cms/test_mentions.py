"""Product and producer pages list the published stories that show them."""

import pytest

from cms.models import StoryProduct
from tests.cms.conftest import producer_card, product_cards
from tests.factories import ProductFactory, VendorFactory

pytestmark = pytest.mark.django_db


def test_product_page_lists_the_stories_showing_it(english, make_story):
    noodles = ProductFactory(title="Miến dong Bình Liêu")
    make_story(title="Mùa làm miến", body=[product_cards(noodles)])
    make_story(title="Câu chuyện khác")

    text = english.get(noodles.get_absolute_url()).content.decode()
    assert "In our stories" in text
    assert "Mùa làm miến" in text
    assert "Câu chuyện khác" not in text


def test_producer_page_lists_stories_of_the_producer_and_its_products(english, make_story):
    vendor = VendorFactory(legal_name="HTX Ong mật Lục Hồn")
    honey = ProductFactory(title="Mật ong Lục Hồn", vendor=vendor)
    make_story(title="Người nuôi ong", body=[producer_card(vendor)])
    make_story(title="Hũ mật đầu mùa", body=[product_cards(honey)])

    text = english.get(vendor.get_absolute_url()).content.decode()
    assert "Người nuôi ong" in text
    assert "Hũ mật đầu mùa" in text


def test_draft_changes_do_not_touch_the_published_mentions(english, make_story):
    first = ProductFactory(title="Dầu sở")
    second = ProductFactory(title="Tinh dầu quế")
    story = make_story(body=[product_cards(first)])

    story.body = [product_cards(second)]
    story.save_revision()  # a draft, not published
    assert list(StoryProduct.objects.filter(story=story).values_list("product", flat=True)) == [
        first.pk
    ]
    assert "Tinh dầu quế" not in english.get(first.get_absolute_url()).content.decode()

    story.get_latest_revision().publish()
    assert list(StoryProduct.objects.filter(story=story).values_list("product", flat=True)) == [
        second.pk
    ]


def test_unpublished_story_is_not_listed(english, make_story):
    noodles = ProductFactory(title="Miến dong")
    story = make_story(title="Câu chuyện đã gỡ", body=[product_cards(noodles)])
    story.unpublish()
    assert "Câu chuyện đã gỡ" not in english.get(noodles.get_absolute_url()).content.decode()
