"""seed_demo's editorial content: stories with live product cards, region pages, no duplicates."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.images.models import Image

from cms.models import RegionPage, StoryPage, StoryProduct

pytestmark = pytest.mark.django_db


def _seed() -> None:
    call_command("seed_demo", no_images=True, verbosity=0, stdout=StringIO(), stderr=StringIO())


def test_demo_stories_and_regions_load_once(english):
    _seed()
    counts = (StoryPage.objects.count(), RegionPage.objects.count(), Image.objects.count())
    assert counts[0] >= 5
    regions = RegionPage.objects.filter(locale__language_code="vi")
    assert regions.filter(slug__in=["quang-ninh", "dien-bien", "bac-ninh"]).count() == 3
    assert StoryProduct.objects.filter(product__upc="OCOP-DB-0014").exists()
    for story in StoryPage.objects.live():
        assert story.hero_image_id and story.hero_image_alt

    _seed()
    assert (StoryPage.objects.count(), RegionPage.objects.count(), Image.objects.count()) == counts

    english.cookies["django_language"] = "vi"
    text = english.get("/stories/mat-ong-hoa-ban-dien-bien/").content.decode()
    assert "Mật ong hoa Ban Điện Biên 500ml" in text
    assert "★★★★" in text
    english.cookies["django_language"] = "en"
    region = english.get("/regions/dien-bien/").content.decode()
    assert "Mật ong hoa Ban Điện Biên 500ml" in region
    # English readers get the English versions at the same addresses.
    text = english.get("/stories/mat-ong-hoa-ban-dien-bien/").content.decode()
    assert "Điện Biên Ban-flower honey, a 4-star OCOP product" in text
    assert "Mật ong hoa Ban Điện Biên 500ml" in text
    home = english.get("/").content.decode()
    assert "Lục Nam: new OCOP products from the hills" in home
    english.cookies["django_language"] = "vi"
    home = english.get("/").content.decode()
    assert "Mật ong hoa ban Điện Biên, sản phẩm OCOP 4 sao" in home
