"""The demo's pictures as a visitor sees them: each region and each of a story's pictures is a
scene of its own (not one drawing in another tint), a product's picture shows its kind of pack
and not its name, and the home page's pictures stay light."""

import hashlib
import itertools
import re
import statistics
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from PIL import Image

from cms.models import RegionPage, StoryPage
from shop.demo.data import PRODUCTS
from shop.demo.loader import packshot_for

pytestmark = pytest.mark.django_db

MEDIA_ADDRESS = re.compile(r"""(?:src=|srcset=|url\(')"?(/media/[^"' ,)]+)""")
# Below this, two pictures have the same layout of light and dark: the same drawing, whatever
# its colours. The old tinted hills measured 0.02 to 0.16 apart; distinct scenes 0.3 and more.
SAME_DRAWING = 0.2


def layout(data: bytes) -> list[float]:
    """The picture's light and dark at 32×18, its brightness and contrast taken out, so two
    tints of one drawing come out alike."""
    with Image.open(BytesIO(data)) as picture:
        small = picture.convert("L").resize((32, 18), Image.BOX)
    values = [small.getpixel((x, y)) for y in range(18) for x in range(32)]
    mean, spread = statistics.mean(values), statistics.pstdev(values) or 1
    return [(value - mean) / spread for value in values]


def apart(a: bytes, b: bytes) -> float:
    return statistics.mean(abs(x - y) for x, y in zip(layout(a), layout(b), strict=True))


def read(image) -> bytes:
    with image.file.open("rb") as file:
        return file.read()


def test_every_region_has_a_picture_of_its_own_place(demo_catalogue):
    regions = list(RegionPage.objects.filter(locale__language_code="vi").order_by("slug"))
    assert len(regions) == 9
    pictures = {region.slug: read(region.hero_image) for region in regions}

    assert len({hashlib.sha256(data).digest() for data in pictures.values()}) == len(regions)
    for (one, a), (other, b) in itertools.combinations(pictures.items(), 2):
        assert apart(a, b) > SAME_DRAWING, f"{one} and {other} show the same drawing"
    # The words read out for each picture name what it shows: terraces, tea hills, canals...
    described = {
        region.hero_image_alt.replace(region.province.short_name, "") for region in regions
    }
    assert len(described) == len(regions), described
    page = Client().get("/regions/can-tho/").content.decode()
    assert 'alt="Kênh rạch miền sông nước ở Cần Thơ (tranh minh họa)"' in page


def test_a_story_shows_four_different_pictures(demo_catalogue):
    for story in StoryPage.objects.filter(locale__language_code="vi"):
        images = [story.hero_image]
        for block in story.body:
            if block.block_type == "image":
                images.append(block.value["image"])
            elif block.block_type == "gallery":
                images += [item["image"] for item in block.value["images"]]
        assert len({image.pk for image in images}) == 4, story.slug
        pictures = [read(image) for image in images]
        for a, b in itertools.combinations(pictures, 2):
            assert apart(a, b) > SAME_DRAWING, f"{story.slug} repeats a drawing"


def test_the_english_story_describes_its_pictures_in_english(demo_catalogue, english):
    html = english.get("/stories/mien-dong-binh-lieu/").content.decode()
    for words in (
        "Rice terraces in Quảng Ninh",
        "A village by its pond in Quảng Ninh",
        "Pine-forested hills in Quảng Ninh",
    ):
        assert f'alt="{words}"' in html


def _spec(upc: str):
    return next(spec for spec in PRODUCTS if spec.upc == upc)


def test_a_product_picture_shows_its_kind_of_pack_not_its_name():
    honey = _spec("OCOP-BL-0003")
    renamed = replace(honey, title="Một cái tên khác hẳn", description="Mô tả khác.")
    assert packshot_for(renamed) == packshot_for(honey)

    # Another product in a jar: the same drawing in its own colours, not the same file.
    other_jar = next(s for s in PRODUCTS if s.shape == "jar" and s.upc != honey.upc)
    assert packshot_for(other_jar) != packshot_for(honey)
    assert apart(packshot_for(other_jar), packshot_for(honey)) < SAME_DRAWING
    bottle = next(s for s in PRODUCTS if s.shape == "bottle")
    assert apart(packshot_for(bottle), packshot_for(honey)) > SAME_DRAWING


def test_the_home_pages_pictures_stay_light(demo_catalogue):
    html = Client().get("/").content.decode()
    files = {address for address in MEDIA_ADDRESS.findall(html)}
    assert len(files) >= 6  # the three regions' and three stories' pictures, in two sizes
    weight = sum(
        (Path(settings.MEDIA_ROOT) / name.removeprefix(settings.MEDIA_URL)).stat().st_size
        for name in files
    )
    # Every size offered, though a browser fetches one of each: well under the page's budget.
    assert weight < 150 * 1024, f"{weight:,} bytes of pictures"
