"""Card pictures on a page rendered with every cache empty: sorl's records of the cards'
thumbnails are read in one query for the whole list, the cards show the same thumbnails as
when the records came one by one, and a new picture shows on the next anonymous request."""

import io
import re

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image

from catalogue.models import ProductImage
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db
CARD_PICTURE = re.compile(r'class="ocop-card__media"[^>]*><img src="([^"]+)"')


def _jpeg(name: str, colour: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), colour).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _caches_clear() -> None:
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def pictured(db):
    products = []
    for number, colour in enumerate(("red", "green", "blue", "yellow")):
        product = ProductFactory(title=f"Trà shan tuyết {number}")
        ProductImage.objects.create(
            product=product, original=_jpeg(f"tra-{number}.jpg", colour), display_order=0
        )
        products.append(product)
    return products


def test_a_cold_catalogue_page_reads_its_thumbnails_in_one_query(pictured):
    first = Client().get("/catalogue/").content.decode()  # makes the thumbnails
    pictures = CARD_PICTURE.findall(first)
    assert len(pictures) == 4
    assert all("/cache/" in url for url in pictures), pictures

    _caches_clear()
    with CaptureQueriesContext(connection) as queries:
        again = Client().get("/catalogue/").content.decode()

    assert CARD_PICTURE.findall(again) == pictures
    records = [q["sql"] for q in queries.captured_queries if "thumbnail_kvstore" in q["sql"]]
    assert len(records) == 1, records


def test_a_new_first_picture_shows_on_the_next_anonymous_request(pictured):
    before = CARD_PICTURE.findall(Client().get("/catalogue/").content.decode())
    product = pictured[0]
    ProductImage.objects.filter(product=product).update(display_order=1)
    ProductImage.objects.create(
        product=product, original=_jpeg("tra-moi.jpg", "white"), display_order=0
    )

    after = CARD_PICTURE.findall(Client().get("/catalogue/").content.decode())

    assert len(after) == 4
    assert len(set(after) - set(before)) == 1
