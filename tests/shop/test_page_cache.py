"""Anonymous pages come from the server-side cache until something they show changes; nobody
with a cookie, a session or a basket gets or fills a kept page; made-up parameters and
headers cannot fill or poison it; conditional GETs answer 304; widgets and the API keep
counting and limiting when served from it."""

import gzip
import json
from decimal import Decimal

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpResponse
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from catalogue.certificates import certificate_revoke
from catalogue.models import Category
from catalogue.services import product_hide
from cms.models import StoryPage
from cms.services import home_page_ensure, section_pages_ensure
from shop.middleware import AnonymousPageCacheMiddleware
from shop.tourism.models import WidgetDailyStat
from shop.tourism.tasks import flush_widget_counters
from tests.factories import CertificateFactory, ProductFactory
from tests.services import free_port
from tests.tourism.factories import WidgetFactory

pytestmark = pytest.mark.django_db
STATUS = "X-Page-Cache"


@pytest.fixture
def honey(db):
    product = ProductFactory(title="Mật ong hoa Ban Điện Biên", stock=(Decimal("250000"), 12))
    CertificateFactory(product=product, stars=4)
    return product


@pytest.fixture
def stories(db):
    home = home_page_ensure()
    story_index, _regions = section_pages_ensure(home=home)
    return story_index


def story_publish(story_index, title: str) -> StoryPage:
    story = StoryPage(
        title=title,
        slug="mua-hoa-ban",
        intro="Một câu chuyện.",
        body=[{"type": "paragraph", "value": "<p>Nội dung.</p>"}],
        live=False,
    )
    story_index.add_child(instance=story)
    story.save_revision().publish()
    return story


def test_a_second_anonymous_request_is_served_from_the_cache_without_a_query(client, honey):
    url = honey.get_absolute_url()
    first = client.get(url)

    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)

    assert first[STATUS] == "miss" and second[STATUS] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert "Mật ong hoa Ban Điện Biên" in second.content.decode()
    assert "public" in second["Cache-Control"] and "Cookie" in second["Vary"]
    assert not second.cookies
    # The page's scripts still run: the policy header and the page carry the same nonce.
    nonce = second["Content-Security-Policy"].split("'nonce-", 1)[1].split("'", 1)[0]
    assert f'nonce="{nonce}"' in second.content.decode()


@pytest.mark.parametrize(
    "url", ["/", "/catalogue/", "/search/?q=mat+ong", "/catalogue/?stars=4&sort=price"]
)
def test_storefront_pages_are_kept(client, honey, stories, url):
    assert client.get(url)[STATUS] == "miss"
    assert client.get(url)[STATUS] == "hit"


def test_the_two_languages_are_kept_apart(client, honey):
    url = honey.get_absolute_url()
    client.get(url)
    client.cookies["django_language"] = "en"
    english = client.get(url)
    english_again = client.get(url)
    del client.cookies["django_language"]
    vietnamese = client.get(url)

    assert '<html lang="en"' in english.content.decode()
    assert english_again[STATUS] == "hit" and '<html lang="en"' in english_again.content.decode()
    assert vietnamese[STATUS] == "hit" and '<html lang="vi"' in vietnamese.content.decode()


def test_a_signed_in_reader_neither_gets_nor_fills_a_kept_page(client, honey, staff_user):
    url = honey.get_absolute_url()
    client.get(url)  # an anonymous reader keeps the page
    client.force_login(staff_user)

    signed_in = client.get(url)
    client.logout()
    client.cookies.clear()
    anonymous = Client().get("/catalogue/")

    assert STATUS not in signed_in
    assert "public" not in signed_in.get("Cache-Control", "")
    assert 'id="logout_link"' in signed_in.content.decode()
    # What the signed-in reader saw was not kept for anyone.
    assert anonymous[STATUS] == "miss"
    assert 'id="logout_link"' not in anonymous.content.decode()


def test_a_reader_with_a_basket_cookie_neither_gets_nor_fills_a_kept_page(honey):
    with_basket = Client()
    with_basket.cookies["oscar_open_basket"] = "1:forged"
    Client().get("/catalogue/")

    answer = with_basket.get("/catalogue/")
    with_basket.get("/search/?q=mat")
    fresh = Client().get("/search/?q=mat")

    assert STATUS not in answer
    assert "public" not in answer.get("Cache-Control", "")
    assert fresh[STATUS] == "miss"


def test_a_conditional_get_is_answered_304_until_the_page_changes(client, honey):
    url = honey.get_absolute_url()
    etag = client.get(url)["ETag"]

    unchanged = client.get(url, headers={"if-none-match": etag})
    record = honey.stockrecords.get()
    record.price = Decimal("199000")
    record.save()
    changed = client.get(url, headers={"if-none-match": etag})

    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged["ETag"] == etag
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "199.000" in changed.content.decode()


def test_compressed_and_plain_answers_are_kept_apart(client, honey):
    client.get("/catalogue/", headers={"accept-encoding": "gzip, br"})
    zipped = client.get("/catalogue/", headers={"accept-encoding": "gzip, br"})
    plain = client.get("/catalogue/")

    assert zipped[STATUS] == "hit" and zipped["Content-Encoding"] == "gzip"
    assert "<html" in gzip.decompress(zipped.content).decode()
    assert plain[STATUS] == "miss" and not plain.has_header("Content-Encoding")
    assert "Accept-Encoding" in zipped["Vary"]


def test_a_head_request_is_answered_from_the_kept_page(client, honey):
    client.get("/catalogue/")

    head = client.head("/catalogue/")

    assert head.status_code == 200 and head[STATUS] == "hit"


def test_a_page_showing_a_message_added_while_it_was_rendered_is_not_kept(rf):
    def view(request, note):
        request._messages = CookieStorage(request)
        if note:
            messages.info(request, note)
        return HttpResponse(f"<p>{note}</p>")

    with_message = AnonymousPageCacheMiddleware(lambda r: view(r, "Đã lưu sản phẩm"))
    without = AnonymousPageCacheMiddleware(lambda r: view(r, ""))
    answers = [with_message(rf.get("/stories/")) for _ in range(2)]
    plain = [without(rf.get("/catalogue/")) for _ in range(2)]

    assert [a.get(STATUS) for a in answers] == [None, None]
    assert [a.get(STATUS) for a in plain] == ["miss", "hit"]


# Made-up parameters and headers -----------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "utm_source=x",
        "stars=9",
        "page=abc",
        "page=1&page=2",
        "sort=1;drop",
        "q=" + "x" * 300,
        "province=%00",
        "&".join(f"p{n}=1" for n in range(50)),
    ],
)
def test_parameters_no_page_reads_are_answered_but_never_kept(client, honey, query):
    first = client.get(f"/catalogue/?{query}")
    second = client.get(f"/catalogue/?{query}")

    assert first.status_code in (200, 400)
    assert STATUS not in first and STATUS not in second


def test_parameters_in_another_order_share_one_kept_page(client, honey):
    client.get("/catalogue/?stars=4&in_stock=1")

    assert client.get("/catalogue/?in_stock=1&stars=4")[STATUS] == "hit"


def test_headers_cannot_poison_a_kept_page(client, honey, settings):
    settings.ALLOWED_HOSTS = ["testserver", "cho-ocop.example"]
    url = honey.get_absolute_url()
    forged = client.get(url, headers={"x-forwarded-host": "evil.example"})
    refused = client.get(url, HTTP_HOST="evil.example")
    other_host = client.get(url, HTTP_HOST="cho-ocop.example")
    normal = client.get(url)

    assert "evil.example" not in forged.content.decode()
    assert refused.status_code == 400 and STATUS not in refused
    assert other_host[STATUS] == "miss"  # each host has its own entry
    assert normal[STATUS] == "hit" and "evil.example" not in normal.content.decode()


def test_pages_that_are_not_found_are_not_kept(client, honey):
    client.get("/catalogue/no-such-product_999999/")

    assert STATUS not in client.get("/catalogue/no-such-product_999999/")


# Invalidation: the next anonymous request shows the change ----------------------------------


def test_a_new_price_is_shown_at_once(client, honey):
    url = honey.get_absolute_url()
    assert "250.000" in client.get(url).content.decode()
    assert client.get("/catalogue/")[STATUS] == "miss"

    record = honey.stockrecords.get()
    record.price = Decimal("180000")
    record.save()

    page = client.get(url)
    listing = client.get("/catalogue/")
    assert page[STATUS] == "miss" and "180.000" in page.content.decode()
    assert "250.000" not in page.content.decode()
    assert "180.000" in listing.content.decode()


def test_stock_down_to_zero_is_shown_at_once(english, honey):
    url = honey.get_absolute_url()
    assert "In stock" in english.get(url).content.decode()

    record = honey.stockrecords.get()
    record.num_in_stock = 0
    record.save()

    assert "In stock" not in english.get(url).content.decode()


def test_stock_taken_by_an_order_is_shown_at_once(english, honey):
    url = honey.get_absolute_url()
    english.get(url)

    honey.stockrecords.get().allocate(12)  # what placing an order does

    assert "In stock" not in english.get(url).content.decode()


def test_a_revoked_certificate_is_shown_at_once(english, honey, staff_user):
    url = honey.get_absolute_url()
    assert "4-star OCOP" in english.get(url).content.decode()

    certificate_revoke(
        certificate=honey.ocop_certificates.get(), reason="Sai thông tin", revoked_by=staff_user
    )

    assert "4-star OCOP" not in english.get(url).content.decode()


def test_a_hidden_listing_leaves_its_page_and_the_catalogue_at_once(client, honey, staff_user):
    url = honey.get_absolute_url()
    assert client.get(url).status_code == 200
    assert honey.title in client.get("/catalogue/").content.decode()

    product_hide(product=honey, reason="Nhãn sai", by=staff_user)

    assert client.get(url).status_code == 404
    assert honey.title not in client.get("/catalogue/").content.decode()


def test_a_published_story_is_listed_at_once(client, stories):
    assert "Mùa hoa ban" not in client.get("/stories/").content.decode()

    story = story_publish(stories, "Mùa hoa ban")

    assert "Mùa hoa ban" in client.get("/stories/").content.decode()
    assert client.get(story.url).status_code == 200
    story.refresh_from_db()
    story.unpublish()
    assert "Mùa hoa ban" not in client.get("/stories/").content.decode()


def test_a_renamed_group_is_shown_in_the_header_menu_at_once(english, honey, staff_user):
    group = Category.get_root_nodes().first()
    english.force_login(staff_user)  # no page cache: the menu fragment alone is kept
    english.get("/catalogue/")

    group.name_en = "Renamed group"
    group.save()

    assert "Renamed group" in english.get("/catalogue/").content.decode()


# Widgets and the API ---------------------------------------------------------------------


def embed(client, widget, referer="https://khachsan.example/phong/", **headers):
    return client.get(
        f"/embed/w/{widget.pk}/",
        {"key": widget.partner.publishable_key, "fid": "ocopw1-abc"},
        HTTP_REFERER=referer,
        headers=headers,
    )


def test_a_kept_widget_still_counts_every_impression(client, honey):
    widget = WidgetFactory(product_ids=[honey.pk])

    first = embed(client, widget)
    second = embed(client, widget)
    revalidated = embed(client, widget, **{"if-none-match": second["ETag"]})
    flush_widget_counters()

    assert first[STATUS] == "miss" and second[STATUS] == "hit"
    assert revalidated.status_code == 304
    assert "no-cache" in second["Cache-Control"] and "public" in second["Cache-Control"]
    assert WidgetDailyStat.objects.get(widget=widget).impressions == 3
    assert honey.title in second.content.decode()
    assert '"https://khachsan.example"' in second.content.decode()


def test_a_widget_framed_by_another_origin_is_not_kept(client, honey):
    widget = WidgetFactory(product_ids=[honey.pk])

    refused = embed(client, widget, referer="https://evil.example/")
    allowed = embed(client, widget)

    assert STATUS not in refused and honey.title not in refused.content.decode()
    assert allowed[STATUS] == "miss" and honey.title in allowed.content.decode()


def test_a_widget_changed_by_its_partner_is_shown_at_once(client, honey):
    widget = WidgetFactory(product_ids=[honey.pk])
    embed(client, widget)
    other = ProductFactory(title="Trà shan tuyết", stock=(Decimal("90000"), 5))

    widget.product_ids = [other.pk]
    widget.save()

    assert "Trà shan tuyết" in embed(client, widget).content.decode()


def test_the_anonymous_api_list_is_kept_compressed_and_still_limited(client, honey, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "anonymous_address": "3/minute",
        },
    }
    # With its facets the answer is long enough for gzip to pay (Django leaves a body alone
    # when compressing would not make it shorter, which a one-product list may not).
    url = "/api/v1/products/?q=mat+ong&facets=1"
    answers = [client.get(url, headers={"accept-encoding": "gzip"}) for _ in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.get(STATUS) for a in answers[:3]] == ["miss", "hit", "hit"]
    assert answers[1]["Content-Encoding"] == "gzip"
    body = json.loads(gzip.decompress(answers[1].content))
    assert body["results"][0]["id"] == honey.pk


def test_the_api_list_shows_a_new_price_once_the_index_has_it(
    client, honey, django_capture_on_commit_callbacks
):
    # The list reads the search index, which a task updates after the commit: an answer
    # rendered in between (from the old index) must not outlive the index update.
    with django_capture_on_commit_callbacks(execute=True):
        record = honey.stockrecords.get()
        record.price = Decimal("180000")
        record.save()
        before_commit = client.get("/api/v1/products/")

    after = client.get("/api/v1/products/")

    assert before_commit.json()["results"][0]["price"] == 250000
    assert after.json()["results"][0]["price"] == 180000


def test_api_calls_with_a_key_or_another_format_are_not_kept(client, honey):
    widget = WidgetFactory(product_ids=[honey.pk])
    key = {"x-ocop-key": widget.partner.publishable_key}
    client.get("/api/v1/products/", headers=key)

    keyed = client.get("/api/v1/products/", headers=key)
    browsable = client.get("/api/v1/products/", headers={"accept": "text/html"})

    assert STATUS not in keyed and keyed.status_code == 200
    assert STATUS not in browsable


# The cache unreachable -------------------------------------------------------------------


def cache_down():
    """Redis unreachable: nothing listens on the port."""
    unreachable = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/1",
    }
    return override_settings(CACHES={"default": unreachable})


def test_with_the_cache_down_every_kept_path_still_answers(honey, staff_user):
    widget = WidgetFactory(product_ids=[honey.pk])
    anonymous = Client()
    with cache_down():
        page = anonymous.get(honey.get_absolute_url())
        listing = anonymous.get("/catalogue/?stars=4")
        shown = embed(anonymous, widget)
        api = anonymous.get("/api/v1/products/")
        keyed = anonymous.get(
            "/api/v1/products/", headers={"x-ocop-key": widget.partner.publishable_key}
        )
        record = honey.stockrecords.get()
        record.price = Decimal("199000")
        record.save()  # the version cannot be bumped: the write still goes through
        signed_in = Client()
        signed_in.force_login(staff_user)
        menu = signed_in.get("/catalogue/")

    assert page.status_code == 200 and STATUS not in page
    assert listing.status_code == 200 and honey.title in listing.content.decode()
    assert shown.status_code == 200 and honey.title in shown.content.decode()
    assert api.status_code == 200 and api.json()["results"][0]["id"] == honey.pk
    assert keyed.status_code == 200
    assert honey.stockrecords.get().price == Decimal("199000")
    assert menu.status_code == 200 and 'id="logout_link"' in menu.content.decode()
