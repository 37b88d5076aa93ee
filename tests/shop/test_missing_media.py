"""A picture whose file is gone from storage (deleted by hand, a media folder not restored):
every page that shows it still answers, with the placeholder or no picture, and the log
names the lost file."""

import io
import logging
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from catalogue.models import ProductImage
from catalogue.selectors import storefront_products
from cms.models import HomePage, RegionPage, StoryPage
from tests.tourism.factories import WidgetFactory

pytestmark = pytest.mark.django_db

MEDIA_ADDRESS = re.compile(r"""(?:src=|srcset=|url\(')"?(/media/[^"' ,)]+)""")


@pytest.fixture(scope="module")
def lost(demo_catalogue, django_db_blocker):
    """A product with one photo and every editorial picture, their files deleted."""
    with django_db_blocker.unblock():
        product = storefront_products().order_by("pk").first()
        buffer = io.BytesIO()
        PILImage.new("RGB", (60, 60), (200, 120, 40)).save(buffer, "PNG")
        photo = ProductImage(product=product, display_order=0)
        photo.original.save("packshot.png", ContentFile(buffer.getvalue()), save=True)
        photo.original.storage.delete(photo.original.name)
        pictures = list(get_image_model().objects.all())
        HomePage.objects.update(hero_image=pictures[0])
        for picture in pictures:
            picture.file.storage.delete(picture.file.name)
        widget = WidgetFactory(product_ids=[product.pk])
    return {"product": product, "photo": photo.original.name, "widget": widget}


def shown(page) -> str:
    """The page's HTML, after checking that it answered and that every picture it points at
    is a file that exists: no broken image."""
    assert page.status_code == 200
    html = page.content.decode()
    assert "not-found" not in html
    for address in MEDIA_ADDRESS.findall(html):
        path = Path(settings.MEDIA_ROOT) / address.removeprefix(settings.MEDIA_URL)
        assert path.is_file(), f"{address} is a broken picture"
    return html


def lost_file_warnings(caplog, name: str) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.levelno == logging.WARNING and name in record.getMessage()
    ]


def test_the_home_page_keeps_its_hero_text_without_the_picture(client, lost, caplog):
    home = HomePage.objects.live().get(locale__language_code="vi")

    html = shown(client.get("/"))

    assert home.hero_title in html
    assert "ocop-hero--image" not in html
    assert lost_file_warnings(caplog, home.hero_image.file.name)
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_a_story_is_read_without_its_lead_picture_and_the_lost_file_is_named_once(
    client, lost, caplog
):
    story = StoryPage.objects.live().filter(locale__language_code="vi").first()

    html = shown(client.get(story.url))

    assert story.title in html
    assert story.hero_image.file.name not in html
    # The lead picture is asked for by the page, its social preview and its schema.org data,
    # and the story may be listed under itself: the lost file is still logged once.
    assert len(lost_file_warnings(caplog, story.hero_image.file.name)) == 1
    assert '"image"' not in html.split('"@type": "Article"')[1].split("</script>")[0]


def test_a_region_page_and_the_story_and_region_lists_answer(client, lost):
    region = RegionPage.objects.live().filter(locale__language_code="vi").first()

    assert region.title in shown(client.get(region.url))
    shown(client.get("/stories/"))
    shown(client.get("/regions/"))


def test_a_product_page_shows_the_placeholder_for_a_lost_photo(client, lost, caplog):
    product = lost["product"]

    html = shown(client.get(product.get_absolute_url()))

    assert product.get_title() in html
    assert re.search(rf'<img src="/media/cache/[^"]+" alt="{re.escape(product.get_title())}"', html)
    assert lost_file_warnings(caplog, lost["photo"])
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_the_catalogue_card_of_a_product_with_a_lost_photo_shows_the_placeholder(
    client, lost, caplog
):
    html = shown(client.get("/catalogue/"))

    assert lost["product"].get_title() in html
    assert lost_file_warnings(caplog, lost["photo"])


def test_a_partners_widget_shows_the_placeholder_for_a_lost_photo(client, lost, empty_cache):
    widget = lost["widget"]

    html = shown(
        client.get(
            f"/embed/w/{widget.pk}/",
            {"key": widget.partner.publishable_key},
            HTTP_REFERER="https://khachsan.example/",
        )
    )

    assert lost["product"].get_title() in html
    assert 'src="/media/cache/' in html


def test_no_template_loads_wagtails_image_tags_past_the_lost_file_rule():
    templates = Path(__file__).resolve().parents[2] / "templates"
    loading = [
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if re.search(r"{%\s*load\s[^%]*\bwagtailimages_tags\b", path.read_text())
    ]

    assert loading == [], "load `pictures` instead: it leaves a lost picture out"
