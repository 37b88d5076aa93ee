"""Seeding an empty database: every product gets its picture and a place."""

import pytest
from PIL import Image

from catalogue.models import Product
from shop.gifts.selectors import GIFT_BOX_CLASS_SLUG
from tests.catalogue.seeding import demo_counts, demo_seed
from vendors.models import Vendor

pytestmark = pytest.mark.django_db


def test_every_demo_product_has_a_price_in_dong_a_picture_and_a_place():
    demo_seed()

    products = Product.objects.prefetch_related("stockrecords", "images")
    # A gift box is the platform's, made of producers' products: it has no producer of its own.
    boxes = products.filter(product_class__slug=GIFT_BOX_CLASS_SLUG)
    assert boxes.exists() and not boxes.filter(vendor__isnull=False).exists()
    for product in products.exclude(product_class__slug=GIFT_BOX_CLASS_SLUG):
        record = product.stockrecords.get()
        assert record.price == record.price.to_integral_value(), product.title
        assert record.price >= 10000, product.title
        assert record.partner_id == product.vendor.partner_id, product.title
        image = product.images.get()
        with Image.open(image.original.path) as picture:
            assert picture.size == (800, 800), product.title
        assert product.origin_commune_id, product.title
    assert all(vendor.logo for vendor in Vendor.objects.all())
    before = demo_counts()
    demo_seed()
    assert demo_counts() == before
