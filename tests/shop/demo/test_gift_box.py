"""The demo's Tết gift box is on the site, from three Bình Liêu producers."""

import pytest
from django.test import Client

from shop.gifts.models import GiftBox

pytestmark = pytest.mark.django_db


def test_the_demo_tet_gift_box_is_on_sale_from_three_producers(demo_catalogue):
    box = GiftBox.objects.get(title="Hộp quà Tết Bình Liêu")
    page = Client().get(box.product.get_absolute_url()).content.decode()
    assert "750.000" in page
    for title in ("Miến dong Bình Liêu 500g", "Mật ong Bình Liêu 500ml", "Dầu sở Bình Liêu 500ml"):
        assert title in page
    producers = {item.product.vendor_id for item in box.items.all()}
    assert len(producers) == 3
