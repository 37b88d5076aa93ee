"""seed_demo's editorial content: stories with live product cards, region pages, no duplicates."""

import re
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
    regions = regions_vi = RegionPage.objects.filter(locale__language_code="vi")
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
    # The product's card, under the English title the demo gives it.
    assert "Điện Biên Ban flower honey, 500 ml" in region
    # English readers get the English versions at the same addresses.
    text = english.get("/stories/mat-ong-hoa-ban-dien-bien/").content.decode()
    assert "Điện Biên Ban-flower honey, a 4-star OCOP product" in text
    assert "Điện Biên Ban flower honey, 500 ml" in text
    home = english.get("/").content.decode()
    assert "Lục Nam: new OCOP products from the hills" in home
    # The English home, section pages and every region are written in English.
    assert "OCOP specialities from every corner of rural Vietnam" in home
    assert "Featured OCOP products" in home and "Stories from the countryside" in home
    for vietnamese in ("Đặc sản OCOP từ mọi miền", "Sản phẩm OCOP nổi bật", "Xem sản phẩm"):
        assert vietnamese not in home
    assert ">Bắc Ninh province<" in home  # the featured regions, in English
    stories = english.get("/stories/").content.decode()
    assert "Regional stories" in stories and "Câu chuyện vùng miền" not in stories
    regions = english.get("/regions/").content.decode()
    names = re.findall(r'region-card__name">([^<]+)<', regions)
    assert len(names) == regions_vi.count() == 9
    assert all(name.endswith((" province", " city")) for name in names)
    assert "Cần Thơ city" in names and "Vùng miền" not in regions
    can_tho = english.get("/regions/can-tho/").content.decode()
    assert "<p>In the Mekong delta" in can_tho and "Những sản phẩm OCOP của" not in can_tho
    english.cookies["django_language"] = "vi"
    home = english.get("/").content.decode()
    assert "Mật ong hoa ban Điện Biên, sản phẩm OCOP 4 sao" in home
