"""Editorial pages read a flat number of queries however many cards or stories they show, and
odd input (a variant's or made-up id in a chooser, nonsense filters) never breaks them."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import Product
from cms.blocks import ProducerChooserBlock, ProductChooserBlock
from tests.cms.conftest import producer_card, product_cards
from tests.factories import CertificateFactory, ProductFactory, VendorFactory

# The counts are of rendering: a repeated request would otherwise come from the page cache.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def _caches_clear():
    for alias in settings.CACHES:
        caches[alias].clear()


def _products(count, **fields):
    products = [ProductFactory(title=f"Sản phẩm {n}", **fields) for n in range(count)]
    for product in products:
        CertificateFactory(product=product, stars=4)
    return products


def test_story_queries_do_not_grow_with_its_product_and_producer_cards(
    english, make_story, django_assert_max_num_queries
):
    few = _products(2)
    small = make_story(title="Ít thẻ", body=[product_cards(*few), producer_card(few[0].vendor)])
    many = _products(8)
    large = make_story(
        title="Nhiều thẻ",
        body=[product_cards(*many)] + [producer_card(p.vendor) for p in many[:4]],
    )
    _queries(english, small.url)  # caches warmed: site root, locales
    baseline = _queries(english, small.url)
    with django_assert_max_num_queries(baseline):
        english.get(large.url)


def _pictures(count):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    return [
        Image.objects.create(title=f"Ảnh {n}", file=get_test_image_file()) for n in range(count)
    ]


def _picture_story(make_story, title, *, figures, gallery, searches):
    hero, *body_pictures = _pictures(1 + figures + gallery)
    body = [
        {"type": "image", "value": {"image": image.pk, "alt": "Đồi dong", "caption": ""}}
        for image in body_pictures[:figures]
    ]
    items = [
        {"image": image.pk, "alt": "Ruộng dong", "caption": ""} for image in body_pictures[figures:]
    ]
    if items:
        body.append({"type": "gallery", "value": {"title": "", "images": items}})
    body += [
        {"type": "call_to_action", "value": {"label": "Tìm miến", "province": "22"}}
    ] * searches
    return make_story(title=title, body=body, hero_image=hero, hero_image_alt="Đồi dong")


def test_story_queries_do_not_grow_with_its_pictures_and_search_buttons(
    english, make_story, django_assert_max_num_queries
):
    small = _picture_story(make_story, "Ít ảnh", figures=1, gallery=2, searches=0)
    large = _picture_story(make_story, "Nhiều ảnh", figures=3, gallery=4, searches=2)
    # The first visits make each picture's sizes (written once); count the later ones, each
    # with every cache emptied (Wagtail keeps the sizes it found there).
    english.get(small.url)
    english.get(large.url)
    _caches_clear()
    baseline = _queries(english, small.url)
    _caches_clear()
    with django_assert_max_num_queries(baseline):
        response = english.get(large.url)
    assert response.content.decode().count("<img") >= 8  # lead picture, 3 figures, 4 in gallery


def test_product_and_producer_pages_read_their_stories_in_flat_queries(
    english, make_story, django_assert_max_num_queries
):
    vendor = VendorFactory()
    honey, tea = _products(2, vendor=vendor)
    make_story(title="Một câu chuyện", body=[product_cards(honey)])
    for n in range(5):
        make_story(title=f"Câu chuyện trà {n}", body=[product_cards(tea)])
    # First visits write analytics rows and thumbnails: count from the second one.
    _queries(english, honey.get_absolute_url())
    _queries(english, tea.get_absolute_url())
    baseline = _queries(english, honey.get_absolute_url())
    with django_assert_max_num_queries(baseline):
        english.get(tea.get_absolute_url())

    for n in range(3):
        make_story(title=f"Câu chuyện HTX {n}", body=[producer_card(vendor)])
    _queries(english, vendor.get_absolute_url())
    before = _queries(english, vendor.get_absolute_url())
    make_story(title="Thêm một", body=[producer_card(vendor)])
    with django_assert_max_num_queries(before):
        english.get(vendor.get_absolute_url())


def test_product_chooser_refuses_a_variant_or_a_made_up_id():
    parent = ProductFactory(title="Mật ong", structure=Product.PARENT)
    variant = ProductFactory(title="Mật ong 500 ml", structure=Product.CHILD, parent=parent)
    block = ProductChooserBlock()
    assert block.clean(parent.pk) == parent
    for wrong in (variant.pk, "abc", 10**9):
        with pytest.raises(ValidationError):
            block.clean(wrong)


def test_stored_ids_of_another_kind_load_as_nothing():
    product = ProductFactory()
    vendor = VendorFactory()
    variant = ProductFactory(structure=Product.CHILD, parent=ProductFactory(structure="parent"))
    assert ProductChooserBlock().bulk_to_python(["abc", variant.pk, None, product.pk]) == [
        None,
        None,
        None,
        product,
    ]
    assert ProducerChooserBlock().bulk_to_python([vendor.pk, "x"]) == [vendor, None]


@pytest.mark.parametrize(
    "query",
    [
        "region=%00&tag=%00",
        "region=dien-bien%00&page=1",
        "page=-3",
        "page=99999",
        "page=%00",
        "region=" + "x" * 5000,
        "tag=a&tag=b&region=",
    ],
)
def test_story_index_takes_nonsense_filters_calmly(english, make_story, query):
    make_story(title="Miến dong")
    response = english.get(f"/stories/?{query}")
    # A NUL byte is refused before any page runs (shop.middleware.NulByteRejectMiddleware).
    assert response.status_code == (400 if "%00" in query else 200)


def test_region_page_queries_do_not_grow_with_its_products_stories_and_producers(
    english, region_index, make_story, django_assert_max_num_queries
):
    from cms.models import RegionPage
    from tests.cms.conftest import province
    from tests.factories import commune

    dien_bien = province("Điện Biên")
    region_index.add_child(
        instance=RegionPage(
            title="Điện Biên", slug="dien-bien", province=dien_bien, intro="<p>x</p>"
        )
    )

    def grow(count):
        for _ in range(count):
            vendor = VendorFactory(commune=commune("Điện Biên", "Mường Phăng"))
            (product,) = _products(1, vendor=vendor)
            make_story(title=f"Câu chuyện {product.pk}", region=dien_bien)

    grow(1)
    _queries(english, "/regions/dien-bien/")
    baseline = _queries(english, "/regions/dien-bien/")
    grow(4)
    _queries(english, "/regions/dien-bien/")  # thumbnails of the new cards
    with django_assert_max_num_queries(baseline):
        english.get("/regions/dien-bien/")
