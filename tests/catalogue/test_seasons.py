"""Harvest seasons: what buyers read on product pages, cards and a region's calendar, the
"in season" search filter, who may set a season, and the mail sent when a season opens."""

import re
from datetime import date

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from freezegun import freeze_time
from oscar.core.loading import get_model

from catalogue.models import Category, ProductSeason
from catalogue.seasons import season_errors, season_months, season_state
from catalogue.services import product_season_set
from cms.models import RegionPage
from cms.services import home_page_ensure, section_pages_ensure
from customer.tasks import season_alerts_send
from search.indexing import index_rebuild
from tests.factories import (
    ProductFactory,
    UserFactory,
    VendorFactory,
    commune,
    vendor_user,
)
from tests.html_forms import form_data

ProductAlert = get_model("customer", "ProductAlert")

pytestmark = pytest.mark.django_db

# In January the noodles' season (November to February) is open over the new year, the
# longan's (July to August) is to come and the honey's dated season is open; in July the
# longan is in season, the noodles' season is to come and the honey's has ended.
JANUARY = "2027-01-15 10:00:00+07:00"
JULY = "2027-07-10 10:00:00+07:00"


@pytest.fixture(scope="module")
def seasons(django_db_setup, django_db_blocker):
    """Three seasonal products and one sold all year, from two producers, with Quảng Ninh's
    region page; seeded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        binh_lieu = VendorFactory(legal_name="HTX Miến dong Bình Liêu", commune=commune())
        other = VendorFactory(
            legal_name="HTX Ong mật Mường Phăng", commune=commune("Điện Biên", "Mường Phăng")
        )
        noodles = ProductFactory(title="Miến dong Bình Liêu 500g", vendor=binh_lieu)
        longan = ProductFactory(title="Nhãn lồng Bình Liêu", vendor=binh_lieu)
        tea = ProductFactory(title="Trà hoa vàng Bình Liêu", vendor=binh_lieu)
        honey = ProductFactory(title="Mật ong hoa Ban", vendor=other)
        group = Category.objects.get(ocop_code="I.2.b")
        for product in (noodles, longan, tea, honey):
            product.categories.add(group)
        product_season_set(product=noodles, first_month=11, last_month=2)
        product_season_set(product=longan, first_month=7, last_month=8)
        product_season_set(product=honey, starts_on=date(2027, 1, 10), ends_on=date(2027, 1, 20))
        home = home_page_ensure()
        _stories, regions = section_pages_ensure(home=home)
        regions.add_child(
            instance=RegionPage(
                title="Quảng Ninh",
                slug="quang-ninh",
                province=binh_lieu.commune.province,
                intro="<p>Miền đất miến dong.</p>",
            )
        )
        index_rebuild()
        yield {
            "binh_lieu": binh_lieu,
            "other": other,
            "noodles": noodles,
            "longan": longan,
            "tea": tea,
            "honey": honey,
        }
        transaction.set_rollback(True)


def _text(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


# -- what a season means on a day ------------------------------------------------------------


def test_a_season_over_the_new_year_is_open_in_january_and_opens_again_in_november():
    season = ProductSeason(first_month=11, last_month=2)

    assert season_months(season=season) == (11, 12, 1, 2)
    assert season_state(season=season, day=date(2027, 1, 31)).in_season
    waiting = season_state(season=season, day=date(2027, 3, 1))
    assert (waiting.upcoming, waiting.opens_on) == (True, date(2027, 11, 1))
    assert season_state(season=None, day=date(2027, 3, 1)) is None  # sold all year


def test_a_dated_season_opens_on_its_first_day_and_ends_after_its_last():
    season = ProductSeason(starts_on=date(2027, 6, 10), ends_on=date(2027, 7, 5))

    assert season_state(season=season, day=date(2027, 6, 9)).opens_on == date(2027, 6, 10)
    assert season_state(season=season, day=date(2027, 7, 5)).in_season
    assert season_state(season=season, day=date(2027, 7, 6)).status == "ended"
    assert season_months(season=season) == (6, 7)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"first_month": 7}, "last_month"),
        ({"starts_on": date(2027, 7, 1)}, "ends_on"),
        ({"starts_on": date(2027, 7, 9), "ends_on": date(2027, 7, 1)}, "ends_on"),
        ({"first_month": 7, "last_month": 8, "starts_on": date(2027, 7, 1)}, ""),
        ({"first_month": 13, "last_month": 2}, "first_month"),
    ],
)
def test_a_season_that_does_not_hold_together_is_refused(values, field):
    entered = {"first_month": None, "last_month": None, "starts_on": None, "ends_on": None}

    assert list(season_errors(**{**entered, **values})) == [field]
    assert season_errors(**entered) == {}  # nothing given: sold all year


# -- product page and cards ------------------------------------------------------------------


@freeze_time(JANUARY)
def test_the_product_page_tells_the_season_in_both_languages(seasons, vietnamese):
    noodles = _text(vietnamese.get(seasons["noodles"].get_absolute_url()))
    longan = _text(vietnamese.get(seasons["longan"].get_absolute_url()))
    tea = _text(vietnamese.get(seasons["tea"].get_absolute_url()))
    vietnamese.cookies["django_language"] = "en"
    longan_en = _text(vietnamese.get(seasons["longan"].get_absolute_url()))

    assert "Đang vào mùa" in noodles
    assert "Mùa vụ: tháng 11 – tháng 2" in noodles
    assert "Vào mùa từ tháng 7" in longan
    assert "Báo tôi khi vào mùa" in longan  # the season alert is offered out of season
    assert "Báo tôi khi vào mùa" not in noodles
    assert "vào mùa" not in tea.lower()  # sold all year: no season shown
    assert "In season from July" in longan_en
    assert "Tell me when the season opens" in longan_en


@freeze_time(JULY)
def test_cards_tell_the_season_apart_from_the_stars(seasons, vietnamese):
    vi = _text(vietnamese.get("/catalogue/"))
    vietnamese.cookies["django_language"] = "en"
    en = _text(vietnamese.get("/catalogue/"))

    assert '<p class="ocop-season ocop-season--in_season">' in vi
    assert "Đang vào mùa" in vi  # the longan
    assert "Vào mùa từ tháng 11" in vi  # the noodles
    assert "Đã hết mùa" in vi  # the honey's dated season is over
    assert "In season from November" in en
    assert "In season now" in en


# -- the search filter -----------------------------------------------------------------------


def _titles(response) -> set[str]:
    return {hit["title"] for hit in response.json()["results"]}


@freeze_time(JANUARY)
def test_in_season_lists_seasons_open_today_over_the_new_year_and_by_dates(seasons, client):
    page = _text(client.get("/catalogue/", {"in_season": "1"}))
    api = client.get("/api/v1/products/", {"in_season": "1"})
    text = client.get("/api/v1/products/", {"in_season": "1", "q": "mien dong"})

    assert "Miến dong Bình Liêu 500g" in page
    assert "Nhãn lồng Bình Liêu" not in page
    assert "Trà hoa vàng Bình Liêu" not in page
    assert _titles(api) == {"Miến dong Bình Liêu 500g", "Mật ong hoa Ban"}
    # The facets count the products in season only: one from Quảng Ninh, one from Điện Biên.
    provinces = {f["label"]: f["count"] for f in api.json()["facets"]["province"]}
    assert provinces == {"Quảng Ninh": 1, "Điện Biên": 1}
    assert _titles(text) == {"Miến dong Bình Liêu 500g"}


@freeze_time(JULY)
def test_in_season_follows_the_month(seasons, client):
    assert _titles(client.get("/api/v1/products/", {"in_season": "1"})) == {"Nhãn lồng Bình Liêu"}


@pytest.mark.parametrize("raw", ["abc", "2", "%00", "1'--", ""])
@freeze_time(JANUARY)
def test_a_nonsense_in_season_is_ignored(seasons, client, raw):
    everything = client.get("/api/v1/products/").json()["count"]

    assert client.get("/catalogue/", {"in_season": raw}).status_code == 200
    assert client.get("/search/", {"in_season": raw, "q": "mien"}).status_code == 200
    assert client.get("/api/v1/products/", {"in_season": raw}).json()["count"] == everything


@freeze_time(JANUARY)
def test_the_catalogue_offers_the_in_season_filter(seasons, english):
    page = _text(english.get("/catalogue/"))

    assert "Harvest season" in page
    # A query-only link: on this page it leads to /catalogue/?in_season=1.
    assert 'href="?in_season=1"' in page


# -- who sets a season -----------------------------------------------------------------------


def _product_form(client, product) -> dict:
    page = client.get(f"/dashboard/catalogue/products/{product.pk}/")
    assert page.status_code == 200
    data = form_data(page.content.decode(), "create_update_product_form")
    return data


def test_a_producer_sets_its_own_products_season(seasons, english):
    english.force_login(vendor_user(seasons["binh_lieu"]))
    data = _product_form(english, seasons["tea"])
    data.update({"season_first_month": "10", "season_last_month": "12"})

    response = english.post(f"/dashboard/catalogue/products/{seasons['tea'].pk}/", data)

    assert response.status_code == 302
    season = ProductSeason.objects.get(product=seasons["tea"])
    assert (season.first_month, season.last_month) == (10, 12)


def test_a_producer_cannot_set_another_producers_season(seasons, english):
    english.force_login(vendor_user(seasons["binh_lieu"]))
    data = _product_form(english, seasons["tea"])
    data.update({"season_first_month": "1", "season_last_month": "1"})
    honey = seasons["honey"]

    page = english.get(f"/dashboard/catalogue/products/{honey.pk}/")
    posted = english.post(f"/dashboard/catalogue/products/{honey.pk}/", data)

    assert page.status_code == 404
    assert posted.status_code == 404
    season = ProductSeason.objects.get(product=honey)
    assert (season.first_month, season.starts_on) == (None, date(2027, 1, 10))


def test_a_season_ending_before_it_starts_gets_a_message_and_changes_nothing(seasons, english):
    english.force_login(vendor_user(seasons["binh_lieu"]))
    data = _product_form(english, seasons["longan"])
    data.update(
        {
            "season_first_month": "",
            "season_last_month": "",
            "season_starts_on": "2027-08-20",
            "season_ends_on": "2027-08-01",
        }
    )

    response = english.post(f"/dashboard/catalogue/products/{seasons['longan'].pk}/", data)

    assert "The season cannot end before it starts." in _text(response)
    season = ProductSeason.objects.get(product=seasons["longan"])
    assert (season.first_month, season.last_month, season.starts_on) == (7, 8, None)


def test_staff_clear_a_season_and_the_product_is_sold_all_year(seasons, english):
    staff = english
    staff.force_login(UserFactory(is_staff=True, is_superuser=True))
    data = _product_form(staff, seasons["longan"])
    assert data["season_first_month"] == "7"
    data.update({"season_first_month": "", "season_last_month": ""})

    response = staff.post(f"/dashboard/catalogue/products/{seasons['longan'].pk}/", data)

    assert response.status_code == 302
    assert not ProductSeason.objects.filter(product=seasons["longan"]).exists()


# -- the region's calendar -------------------------------------------------------------------


@freeze_time(JANUARY)
def test_the_region_page_shows_a_month_by_month_calendar(seasons, english):
    page = _text(english.get("/regions/quang-ninh/"))

    table = page[page.index('<div class="ocop-calendar"') : page.index("</table>")]
    assert 'role="region"' in table and 'tabindex="0"' in table  # scrolls in its own box
    assert "<caption" in table
    rows = re.findall(
        r'<tr> <th scope="row"><a href="[^"]+"( lang="vi")?>([^<]+)</a></th>(.*?)</tr>', table
    )
    cells = {title: row.count("is-season") for _lang, title, row in rows}
    assert cells == {"Nhãn lồng Bình Liêu": 2, "Miến dong Bình Liêu 500g": 4}
    assert [title for _lang, title, _row in rows] == [
        "Nhãn lồng Bình Liêu",
        "Miến dong Bình Liêu 500g",
    ]
    # No English title was written: the English page marks the Vietnamese ones.
    assert all(lang == ' lang="vi"' for lang, _title, _row in rows)
    assert 'aria-current="date"><abbr title="January">M1</abbr>' in table
    assert "Mật ong hoa Ban" not in table  # another province's product


# -- the page cache --------------------------------------------------------------------------


@freeze_time(JANUARY)
def test_saving_a_season_makes_the_kept_product_page_stale(seasons, client):
    url = seasons["tea"].get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    product_season_set(product=seasons["tea"], first_month=1, last_month=3)
    again = client.get(url)

    assert again["X-Page-Cache"] == "miss"
    assert "Đang vào mùa" in _text(again)


def test_a_kept_page_does_not_outlive_the_day(seasons, client):
    url = seasons["longan"].get_absolute_url()
    with freeze_time("2027-06-30 23:50:00+07:00"):
        assert "Vào mùa từ tháng 7" in _text(client.get(url))
        assert client.get(url)["X-Page-Cache"] == "hit"
    with freeze_time("2027-07-01 00:05:00+07:00"):
        page = client.get(url)

    assert page["X-Page-Cache"] == "miss"
    assert "Đang vào mùa" in _text(page)


# -- "tell me when the season opens" ---------------------------------------------------------


def test_a_season_alert_is_mailed_once_when_the_season_opens(seasons, client):
    buyer = UserFactory(email="lan@example.vn")
    url = reverse("customer:season-alert-create", kwargs={"pk": seasons["longan"].pk})
    with freeze_time(JANUARY):
        client.force_login(buyer)  # a session opened at the frozen time, not weeks before it
        refused = client.post(
            reverse("customer:season-alert-create", kwargs={"pk": seasons["tea"].pk}), {}
        )
        client.post(url, {})
        season_alerts_send.delay()  # still January: nothing to say
    assert refused.status_code == 302
    assert not ProductAlert.objects.filter(product=seasons["tea"]).exists()
    alert = ProductAlert.objects.get(product=seasons["longan"], user=buyer)
    assert (alert.kind, alert.status) == (ProductAlert.SEASON, ProductAlert.ACTIVE)
    assert mail.outbox == []

    with freeze_time(JULY):
        season_alerts_send.delay()
        season_alerts_send.delay()  # the next day's run, or the same task delivered twice

    assert [m.to for m in mail.outbox] == [["lan@example.vn"]]
    assert "Nhãn lồng Bình Liêu" in mail.outbox[0].subject
    assert seasons["longan"].get_absolute_url() in mail.outbox[0].body
    alert.refresh_from_db()
    assert alert.status == ProductAlert.CLOSED


def test_a_restock_does_not_send_a_season_alert(seasons, django_capture_on_commit_callbacks):
    buyer = UserFactory(email="minh@example.vn")
    ProductAlert.objects.create(product=seasons["longan"], user=buyer, kind=ProductAlert.SEASON)
    record = seasons["longan"].stockrecords.get()
    record.num_in_stock = 0
    record.save()

    with django_capture_on_commit_callbacks(execute=True), freeze_time(JANUARY):
        record.num_in_stock = 9
        record.save()

    assert mail.outbox == []
    assert ProductAlert.objects.get(user=buyer).status == ProductAlert.ACTIVE
