"""A product's optional English title and description: written by its own producer or by
staff, shown on the English storefront, in the API and in partner widgets; without them the
Vietnamese text is shown marked lang="vi". Dates are written day first in both languages."""

import re
from datetime import date
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.template import Context, Template
from django.test import TestCase
from django.utils import translation

from catalogue.models import Category, Product
from tests.factories import CertificateFactory, ProductFactory, UserFactory
from tests.html_forms import form_data
from tests.tourism.factories import WidgetFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

NOODLES_EN = "Bình Liêu arrowroot noodles, 500 g"


@pytest.fixture(scope="module")
def shelf(django_db_setup, django_db_blocker):
    """Two certified products, one with English text and one without, written once for the
    module (and their search index rows, as their commit would write them)."""
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            shelf = _shelf()
        yield shelf
        transaction.set_rollback(True)


def _shelf() -> SimpleNamespace:
    noodles = ProductFactory(
        title="Miến dong Bình Liêu 500g",
        description="<p>Sợi miến làm từ tinh bột dong riềng.</p>",
        title_en=NOODLES_EN,
        description_en='<p>Springy <b>arrowroot</b> noodles.</p><script>alert("x")</script>',
    )
    noodles_certificate = CertificateFactory(product=noodles, stars=4, issued_on=date(2025, 11, 30))
    honey = ProductFactory(
        title="Mật ong hoa Ban Điện Biên", description="<p>Mật ong thơm dịu.</p>"
    )
    CertificateFactory(product=honey, stars=3)
    return SimpleNamespace(noodles=noodles, honey=honey, certificate=noodles_certificate)


def test_the_english_product_page_uses_the_english_title_and_description(english, shelf):
    text = english.get(shelf.noodles.get_absolute_url()).content.decode()

    assert f'<h1 class="ocop-product__title">{NOODLES_EN}</h1>' in text
    assert NOODLES_EN in re.search(r"<title>(.*?)</title>", text, re.S).group(1)
    assert "Springy <b>arrowroot</b> noodles." in text
    assert "Sợi miến làm từ tinh bột dong riềng" not in text
    assert 'alert("x")' not in text  # the English description is cleaned like the Vietnamese


def test_the_vietnamese_product_page_keeps_the_producers_own_text(vietnamese, shelf):
    text = vietnamese.get(shelf.noodles.get_absolute_url()).content.decode()

    assert '<h1 class="ocop-product__title">Miến dong Bình Liêu 500g</h1>' in text
    assert "Sợi miến làm từ tinh bột dong riềng" in text
    assert NOODLES_EN not in text


def test_without_english_text_the_vietnamese_is_shown_marked_as_vietnamese(english, shelf):
    text = english.get(shelf.honey.get_absolute_url()).content.decode()

    assert '<h1 class="ocop-product__title" lang="vi">Mật ong hoa Ban Điện Biên</h1>' in text
    assert '<div class="ocop-prose" lang="vi"><p>Mật ong thơm dịu.</p></div>' in text
    assert 'aria-current="page"><span lang="vi">Mật ong hoa Ban Điện Biên</span>' in text


def test_cards_and_search_in_english_use_the_english_title(english, shelf):
    catalogue = english.get("/catalogue/").content.decode()
    found = english.get("/search/", {"q": "arrowroot noodles"}).content.decode()

    assert f'title="{NOODLES_EN}">{NOODLES_EN}</a>' in catalogue
    assert 'lang="vi">Mật ong hoa Ban Điện Biên</a>' in catalogue
    assert f">{NOODLES_EN}</a>" in found
    assert "Mật ong hoa Ban Điện Biên" not in found


def test_english_suggestions_offer_the_english_title(english, shelf):
    suggestions = english.get("/search/suggest/", {"q": "arrowr"}).json()["suggestions"]

    assert NOODLES_EN in [s["label"] for s in suggestions]


def test_the_api_gives_the_english_text_beside_the_vietnamese(client, shelf):
    listing = client.get("/api/v1/products/", {"q": "arrowroot"}).json()
    noodles = client.get(f"/api/v1/products/{shelf.noodles.pk}/").json()
    honey = client.get(f"/api/v1/products/{shelf.honey.pk}/").json()

    assert [(r["title"], r["title_en"]) for r in listing["results"]] == [
        ("Miến dong Bình Liêu 500g", NOODLES_EN)
    ]
    assert noodles["title_en"] == NOODLES_EN
    assert noodles["description_en"] == "<p>Springy <b>arrowroot</b> noodles.</p>"
    assert honey["title_en"] is None and honey["description_en"] is None
    assert honey["title"] == "Mật ong hoa Ban Điện Biên"


def test_an_english_widget_shows_english_titles_and_marks_the_others(client, shelf):
    widget = WidgetFactory(product_ids=[shelf.noodles.pk, shelf.honey.pk], language="en")

    text = client.get(
        f"/embed/w/{widget.pk}/",
        {"key": widget.partner.publishable_key},
        HTTP_REFERER="https://khachsan.example/",
    ).content.decode()

    assert f'<h2 class="card__name">{NOODLES_EN}</h2>' in text
    assert '<h2 class="card__name" lang="vi">Mật ong hoa Ban Điện Biên</h2>' in text


def test_certificate_dates_are_written_day_first_in_both_languages(client, shelf):
    until = shelf.certificate.valid_until  # 36 months after 30/11/2025
    url = shelf.noodles.get_absolute_url()

    client.cookies["django_language"] = "vi"
    in_vietnamese = client.get(url).content.decode()
    client.cookies["django_language"] = "en"
    in_english = client.get(url).content.decode()

    assert until == date(2028, 11, 30)
    assert "30/11/2028" in in_vietnamese
    assert "30 November 2028" in in_english
    assert "11/30/2028" not in in_english and "Nov. 30" not in in_english


def _product_form(client, product) -> tuple[str, dict]:
    # A listing is filed under an OCOP group (the form refuses one without).
    product.categories.add(Category.objects.get(ocop_code="I.2.b"))
    url = f"/dashboard/catalogue/products/{product.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    return url, form_data(page.content.decode(), "create_update_product_form")


def test_a_producer_writes_the_english_text_of_its_own_product(producer):
    product = ProductFactory(vendor=producer.vendor, title="Dầu sở Bình Liêu")
    url, data = _product_form(producer, product)
    data.update(
        {
            "title_en": "Bình Liêu camellia oil",
            "description_en": '<p>Cold pressed.</p><img src="x" onerror="alert(1)">',
        }
    )

    answer = producer.post(url, data)

    product.refresh_from_db()
    assert answer.status_code == 302
    assert product.title_en == "Bình Liêu camellia oil"
    assert product.description_en == "<p>Cold pressed.</p>"
    assert product.title == "Dầu sở Bình Liêu"


def test_a_producer_cannot_write_another_producers_english_text(producer):
    mine = ProductFactory(vendor=producer.vendor)
    theirs = ProductFactory(title="Trà hoa vàng Ba Chẽ", title_en="Ba Chẽ golden camellia tea")
    _, data = _product_form(producer, mine)
    data["title_en"] = "Stolen title"

    answer = producer.post(f"/dashboard/catalogue/products/{theirs.pk}/", data)

    assert answer.status_code == 404
    assert Product.objects.get(pk=theirs.pk).title_en == "Ba Chẽ golden camellia tea"


def test_staff_write_the_english_text_of_any_product(english, shelf):
    staff = english
    staff.force_login(UserFactory(is_staff=True, is_superuser=True))
    url, data = _product_form(staff, shelf.honey)
    data["title_en"] = "Điện Biên Ban flower honey"

    answer = staff.post(url, data)

    assert answer.status_code == 302
    assert Product.objects.get(pk=shelf.honey.pk).title_en == "Điện Biên Ban flower honey"


def test_order_lines_show_the_english_title_or_the_bought_title_marked_as_vietnamese(shelf):
    """An order line keeps the title it was bought under; the English site names it by the
    product's English title when there is one, and a product deleted since by that title."""
    page = Template("{% load ocop_tags %}{{ line|line_title }}|{{ line|line_title_text }}")
    noodles = SimpleNamespace(title="Miến dong (bought)", product=shelf.noodles)
    honey = SimpleNamespace(title="Mật ong <hoa Ban>", product=shelf.honey)
    deleted = SimpleNamespace(title="Trà shan tuyết", product=None)

    def shown(line, language):
        with translation.override(language):
            return page.render(Context({"line": line}))

    assert shown(noodles, "en") == f"{NOODLES_EN}|{NOODLES_EN}"
    assert shown(honey, "en") == (
        '<span lang="vi">Mật ong &lt;hoa Ban&gt;</span>|Mật ong &lt;hoa Ban&gt;'
    )
    assert shown(deleted, "en") == '<span lang="vi">Trà shan tuyết</span>|Trà shan tuyết'
    assert shown(noodles, "vi") == "Miến dong (bought)|Miến dong (bought)"


def test_the_english_basket_names_each_line_in_english_or_marks_the_vietnamese(english, shelf):
    for product in (shelf.noodles, shelf.honey):
        english.post(f"/basket/add/{product.pk}/", {"quantity": 1})

    text = english.get("/basket/").content.decode()

    assert f'<h3><a href="{shelf.noodles.get_absolute_url()}">{NOODLES_EN}</a></h3>' in text
    assert (
        f'<h3><a href="{shelf.honey.get_absolute_url()}">'
        '<span lang="vi">Mật ong hoa Ban Điện Biên</span></a></h3>'
    ) in text
