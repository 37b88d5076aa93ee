"""Every main page speaks one language: no English left in the Vietnamese site, and in the
English site no Vietnamese but names and product data, and the product data marked lang="vi"
(tests/shop/page_language.py reads a page as a listener would)."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from catalogue.models import Commune, Product, Province, QualityMark
from cms.models.pages import RegionPage, StoryPage
from tests.shop.page_language import english_in, read, vietnamese_in
from vendors.models import Vendor

pytestmark = pytest.mark.django_db

# Places the editors' English text names that are no longer on the map (the provinces and
# districts before July 2025), so not in the places table.
FORMER_PLACES = ["Bắc Giang", "Lục Nam", "Lục Ngạn"]


def _names() -> list[str]:
    """What stays as it is in both languages: the shop's name, places, producers, registered
    marks, products' own titles, and the Vietnamese terms the English labels gloss on purpose
    ("Enterprise (doanh nghiệp)")."""
    names = {settings.OSCAR_SHOP_NAME, *FORMER_PLACES}
    for province in Province.objects.all():
        names.update({province.name, province.short_name})
    for commune in Commune.objects.filter(vendors__isnull=False).distinct():
        names.update({commune.name, commune.short_name})
    for vendor in Vendor.objects.select_related("partner"):
        names.update({vendor.partner.name, vendor.legal_name, vendor.old_district})
    names.update(QualityMark.objects.values_list("name", flat=True))
    for title, english in Product.objects.values_list("title", "title_en"):
        names.update({title, english})
    with translation.override("en"):
        for _value, label in Vendor.Kind.choices:
            names.update(re.findall(r"\(([^)]*)\)", str(label)))
    return sorted((name for name in names if name), key=len, reverse=True)


def _pages() -> dict[str, str]:
    # The first demo product: in stock, with a certificate and a registered mark.
    product = Product.objects.filter(stockrecords__num_in_stock__gt=5).order_by("pk").first()
    return {
        "home": "/",
        "catalogue": "/catalogue/",
        "category": product.get_categories().first().get_absolute_url(),
        "search": "/search/?q=mat+ong",
        "product": product.get_absolute_url(),
        "stories": "/stories/",
        "story": StoryPage.objects.live().order_by("pk").first().url,
        "regions": "/regions/",
        "region": RegionPage.objects.live().filter(slug="bac-ninh").first().url,
        "sell": "/sell/",
        "partners join": "/partners/join/",
        "login": reverse("customer:login"),
        "not found": "/khong-co-trang-nay/",
    }


@pytest.fixture(scope="module")
def read_pages(demo_catalogue, django_db_blocker):
    """Each main page read once in each language."""
    with django_db_blocker.unblock():
        names = _names()
        pages = {}
        for language in ("vi", "en"):
            client = Client()
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            for name, path in _pages().items():
                response = client.get(path, follow=True)
                pages[language, name] = (path, read(response.content.decode()))
    return names, pages


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{page}:\n  " + "\n  ".join(items) for page, items in found.items())


def test_the_vietnamese_site_has_no_english_on_its_main_pages(read_pages):
    names, pages = read_pages
    found = {
        f"{name} {path}": leaks
        for (language, name), (path, pieces) in pages.items()
        if language == "vi" and (leaks := english_in(pieces, names=names))
    }
    assert not found, _report(found)


def test_the_english_site_marks_every_vietnamese_text_but_names(read_pages):
    names, pages = read_pages
    found = {
        f"{name} {path}": leaks
        for (language, name), (path, pieces) in pages.items()
        if language == "en" and (leaks := vietnamese_in(pieces, names=names))
    }
    assert not found, _report(found)


def test_the_reader_hears_english_left_in_a_vietnamese_page():
    page = read(
        '<html lang="vi"><body><p>Đã thêm vào giỏ.</p><div role="alert">Your basket total'
        ' is now 85.000 ₫</div><script>var page = "the";</script>'
        '<p lang="en">Read in English</p><input type="hidden" value="the basket"></body></html>'
    )

    assert english_in(page, names=[]) == [
        "<div> 'Your basket total is now 85.000 ₫': Your, basket, total, is"
    ]


def test_the_reader_hears_unmarked_vietnamese_in_an_english_page():
    page = read(
        '<html lang="en"><body><h1>Wild honey</h1><p>From <span lang="vi">Mật ong rừng</span>'
        ' of Bình Liêu</p><img alt="Hũ mật ong" src="x.jpg"><p hidden>Ẩn đi</p>'
        "<p>Thêm vào giỏ</p></body></html>"
    )

    assert vietnamese_in(page, names=["Bình Liêu"]) == [
        "<img alt> 'Hũ mật ong'",
        "<p> 'Thêm vào giỏ'",
    ]
