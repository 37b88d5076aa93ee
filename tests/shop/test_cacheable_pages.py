"""Anonymous storefront pages can be kept by a cache: no cookie, public Cache-Control,
compressed HTML; the language switch and the basket still work without a token per page."""

import gzip
import json

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone
from oscar.apps.analytics.models import ProductRecord

from catalogue.selectors import storefront_products

pytestmark = pytest.mark.django_db

SECRET = "A" * 16 + "b" * 8 + "0123456Z"


@pytest.fixture
def product(demo_catalogue):
    return storefront_products().filter(stockrecords__num_in_stock__gt=0).first()


@pytest.fixture
def storefront_urls(product):
    return ["/", "/catalogue/", product.get_absolute_url(), "/search/?q=mat+ong", "/stories/"]


def test_anonymous_storefront_pages_set_no_cookie_and_may_be_cached(client, storefront_urls):
    for url in storefront_urls:
        page = client.get(url)

        assert page.status_code == 200, url
        assert not page.cookies, (url, list(page.cookies))
        assert "public" in page["Cache-Control"] and "max-age=60" in page["Cache-Control"], url
        assert "Cookie" in page["Vary"], url


def views_of(product) -> int:
    record = ProductRecord.objects.filter(product=product).first()
    return record.num_views if record else 0


def test_a_product_page_seen_anonymously_writes_nothing(client, product):
    before = views_of(product)

    client.get(product.get_absolute_url())

    assert views_of(product) == before


def test_a_signed_in_view_is_still_counted_and_remembered(client, product, staff_user):
    client.force_login(staff_user)
    before = views_of(product)

    page = client.get(product.get_absolute_url())

    assert views_of(product) == before + 1
    assert json.loads(page.cookies["oscar_history"].value) == [product.id]
    assert "public" not in page.get("Cache-Control", "")


def test_recently_viewed_products_come_from_the_history_the_browser_keeps(client, product):
    other = storefront_products().exclude(pk=product.pk).first()
    client.cookies["oscar_history"] = json.dumps([other.id, product.id])

    page = client.get(product.get_absolute_url())
    cards = client.get("/recently-viewed/", {"exclude": product.id})

    # The product page points its script at the list; the list shows the other product.
    assert f'data-recently-viewed="/recently-viewed/?exclude={product.id}"' in page.content.decode()
    assert other.get_title() in cards.content.decode()
    assert f'href="{product.get_absolute_url()}"' not in cards.content.decode()
    # The list is the reader's own and is never offered to shared caches.
    assert "private" in cards["Cache-Control"]
    assert "public" not in cards["Cache-Control"]


def test_a_reader_with_a_viewing_history_gets_the_page_everyone_gets(product):
    first, reader, signed = Client(), Client(), Client()
    reader.cookies["oscar_history"] = json.dumps([product.id])
    signed.cookies["oscar_history"] = json.dumps([product.id])
    signed.cookies["sessionid"] = "a-session-of-someone"

    assert first.get("/catalogue/")["X-Page-Cache"] == "miss"
    page = reader.get("/catalogue/")

    assert page["X-Page-Cache"] == "hit"
    assert "public" in page["Cache-Control"]
    # Any other cookie (a session, a basket) still goes to the view.
    assert "X-Page-Cache" not in signed.get("/catalogue/")


@pytest.mark.parametrize(
    "cookie",
    ["not json", '{"a": 1}', '["12", -5, 0, 99999999999999999999, 1.5, null, [1]]', "[" * 3000],
)
def test_a_forged_viewing_history_lists_nothing_and_breaks_nothing(client, product, cookie):
    client.cookies["oscar_history"] = cookie

    cards = client.get("/recently-viewed/", {"exclude": "x" * 40})

    assert cards.status_code == 200
    assert "ocop-grid" not in cards.content.decode()
    assert client.get(product.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "cookie",
    ["not json", '{"a": 1}', '["12", -5, 0, 99999999999999999999, 1.5, null, [1]]', "[" * 3000],
)
def test_a_signed_in_readers_forged_history_lists_nothing_and_is_rewritten_clean(
    client, product, staff_user, cookie
):
    client.force_login(staff_user)
    client.cookies["oscar_history"] = cookie

    page = client.get(product.get_absolute_url())
    cards = client.get("/recently-viewed/")

    assert page.status_code == 200
    # The history written back holds the product just seen and nothing of the forgery.
    assert json.loads(page.cookies["oscar_history"].value) == [product.id]
    assert cards.status_code == 200
    assert product.get_title() in cards.content.decode()
    assert cards.content.decode().count("<li>") == 1


def test_a_signed_in_reader_is_never_shown_a_hidden_listing_from_the_history(
    client, product, staff_user
):
    hidden = storefront_products().exclude(pk=product.pk).first()
    hidden.hidden_at = timezone.now()
    hidden.save()
    client.force_login(staff_user)
    client.cookies["oscar_history"] = json.dumps([hidden.id, "x", product.id])

    page = client.get(product.get_absolute_url())
    cards = client.get("/recently-viewed/", {"exclude": product.id})

    assert page.status_code == 200
    assert json.loads(page.cookies["oscar_history"].value) == [hidden.id, product.id]
    assert hidden.get_title() not in cards.content.decode()
    assert "ocop-grid" not in cards.content.decode()


def test_a_listing_hidden_since_it_was_viewed_is_not_listed(client, product):
    other = storefront_products().exclude(pk=product.pk).first()
    other.hidden_at = timezone.now()
    other.save()
    client.cookies["oscar_history"] = json.dumps([other.id])

    cards = client.get("/recently-viewed/")

    assert other.get_title() not in cards.content.decode()


def test_language_switch_is_a_link_that_keeps_the_page(client):
    answer = client.get("/i18n/switch/", {"language": "en", "next": "/catalogue/"})

    assert answer.status_code == 302
    assert answer["Location"] == "/catalogue/"
    assert answer.cookies["django_language"].value == "en"
    assert "no-store" in answer["Cache-Control"]
    assert '<html lang="en"' in client.get("/catalogue/").content.decode()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_language_switch_never_leads_off_the_site(client, target):
    answer = client.get("/i18n/switch/", {"language": "en", "next": target})

    assert answer["Location"] == "/"


def test_language_switch_ignores_an_unknown_language(client):
    answer = client.get("/i18n/switch/", {"language": "xx", "next": "/"})

    assert answer.cookies["django_language"].value == "vi"


def test_header_offers_the_switch_without_a_token(client, demo_catalogue):
    text = client.get("/catalogue/").content.decode()

    assert 'action="/i18n/switch/" method="get"' in text
    assert 'name="csrfmiddlewaretoken" value=""' in text  # the cards' empty basket fields


def test_basket_works_with_the_token_the_page_script_sets(product):
    browser = Client(enforce_csrf_checks=True)
    text = browser.get(product.get_absolute_url()).content.decode()
    assert "data-csrf-fill" in text
    add = f"/basket/add/{product.pk}/"

    refused = browser.post(add, {"quantity": 1})
    # What static/js/ocop.js does on submit: a random cookie and the same value in the form.
    browser.cookies["csrftoken"] = SECRET
    added = browser.post(add, {"quantity": 1, "csrfmiddlewaretoken": SECRET})

    assert refused.status_code == 403
    assert added.status_code == 302
    basket = browser.get("/basket/")
    assert product.get_title() in basket.content.decode()
    # The visitor now has a basket: their pages show it and are not public.
    again = browser.get("/catalogue/")
    assert "public" not in again.get("Cache-Control", "")
    assert f'value="{SECRET}"' not in again.content.decode()
    assert 'name="csrfmiddlewaretoken" value="' in again.content.decode()


def test_a_forged_token_is_refused(product):
    browser = Client(enforce_csrf_checks=True)
    browser.cookies["csrftoken"] = SECRET

    answer = browser.post(
        f"/basket/add/{product.pk}/", {"quantity": 1, "csrfmiddlewaretoken": "B" * 32}
    )

    assert answer.status_code == 403


def test_storefront_html_is_compressed(client):
    page = client.get("/catalogue/", headers={"accept-encoding": "gzip"})

    assert page["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page["Vary"]
    assert "<html" in gzip.decompress(page.content).decode()


def test_pages_with_a_csrf_token_are_not_compressed(client):
    page = client.get("/accounts/login/", headers={"accept-encoding": "gzip"})

    assert page.status_code == 200
    assert "csrfmiddlewaretoken" in page.content.decode()
    assert not page.has_header("Content-Encoding")


def test_a_reader_without_scripts_is_refused_once_then_can_add(product):
    browser = Client(enforce_csrf_checks=True)
    browser.get(product.get_absolute_url())

    refused = browser.post(f"/basket/add/{product.pk}/", {"quantity": 1})

    assert refused.status_code == 403
    assert "Vui lòng gửi lại biểu mẫu" in refused.content.decode()
    assert "csrftoken" in refused.cookies
    # Back on the page, the form now carries Django's token, and the next try goes through.
    text = browser.get(product.get_absolute_url()).content.decode()
    token = text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert token
    added = browser.post(
        f"/basket/add/{product.pk}/", {"quantity": 1, "csrfmiddlewaretoken": token}
    )
    assert added.status_code == 302


def test_a_page_with_a_csrf_token_is_never_public(client):
    page = client.get("/accounts/login/")

    assert 'name="csrfmiddlewaretoken" value="' in page.content.decode()
    assert 'name="csrfmiddlewaretoken" value=""' not in page.content.decode()
    assert "csrftoken" in page.cookies
    assert "public" not in page.get("Cache-Control", "")


def test_a_page_showing_a_message_is_never_public(client):
    # The note a visitor gets after adding to the basket, as the messages cookie carries it.
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(messages.SUCCESS, "Đã thêm Mật ong vào giỏ hàng")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies[storage.cookie_name] = carrier.cookies[storage.cookie_name].value

    page = client.get("/catalogue/")

    assert "Đã thêm Mật ong vào giỏ hàng" in page.content.decode()
    assert "public" not in page.get("Cache-Control", "")


def test_language_switch_cannot_add_a_header_and_goes_home_without_next(client):
    injected = client.get("/i18n/switch/", {"language": "en", "next": "/a\r\nSet-Cookie: x=1"})
    bare = client.get("/i18n/switch/", {"language": "en"})

    assert injected.status_code == 302
    assert "\n" not in injected["Location"] and "x" not in injected.cookies
    assert bare["Location"] == "/"
