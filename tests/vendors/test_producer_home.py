"""A producer's dashboard home and orders list: charts and rows drawn from that producer's
own orders, ledger and certificates only; the orders list shows buyer, goods and total in a
fixed number of queries; a producer who logs in lands on the dashboard."""

import re
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from tests.factories import (
    CertificateFactory,
    ProductFactory,
    UserFactory,
    VendorFactory,
    placed_order,
    vendor_user,
)
from vendors.chart_selectors import (
    certificates_by_months_left,
    months_between,
    parcels_waiting_by_age,
    sales_by_week,
    top_products,
)
from vendors.fulfilment import (
    fulfilment_cancel,
    fulfilment_mark_delivered,
    fulfilment_mark_packed,
    fulfilment_mark_shipped,
)
from vendors.models import Fulfilment

pytestmark = pytest.mark.django_db

# A Wednesday in Vietnam; its week starts on Monday 23 November.
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
TODAY = NOW.date()


def _placed(items, *, days_ago, **fields):
    with freeze_time(NOW - timedelta(days=days_ago)):
        return placed_order(items, **fields)


@pytest.fixture(scope="module")
def shop(django_db_setup, django_db_blocker):
    """Two producers selling over the last weeks, written once for the module.

    Noodles: 170.000 ₫ two weeks ago (delivered), 210.000 ₫ five days ago (new), 85.000 ₫ a
    week ago (cancelled), 255.000 ₫ yesterday (packed, in an order with honey). Honey sells
    1.000.000 ₫ yesterday and 750.000 ₫ ten days ago: none of it may reach the noodles' pages.
    """
    with django_db_blocker.unblock(), transaction.atomic(), freeze_time(NOW):
        noodles = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
        honey = VendorFactory(legal_name="HTX Mật ong Điện Biên")
        noodle = ProductFactory(vendor=noodles, title="Miến dong 500g", stock=(85000, 50))
        gift = ProductFactory(vendor=noodles, title="Miến dong hộp quà", stock=(210000, 20))
        jar = ProductFactory(vendor=honey, title="Mật ong hoa ban", stock=(250000, 50))

        delivered = _placed([(noodle, 2)], days_ago=14)
        new = _placed([(gift, 1)], days_ago=5)
        cancelled = _placed([(noodle, 1)], days_ago=7)
        packed = _placed([(noodle, 3), (jar, 4)], days_ago=1)
        _placed([(jar, 3)], days_ago=10)

        def parcel(order, vendor=noodles):
            return Fulfilment.objects.get(order=order, vendor=vendor)

        fulfilment_mark_packed(fulfilment=parcel(delivered))
        fulfilment_mark_shipped(
            fulfilment=parcel(delivered), carrier="ghn", tracking_code="LK7QX3PA"
        )
        fulfilment_mark_delivered(fulfilment=parcel(delivered))
        fulfilment_cancel(fulfilment=parcel(cancelled), reason="Hết bao bì")
        fulfilment_mark_packed(fulfilment=parcel(packed))

        year_ago = TODAY - timedelta(days=365)
        CertificateFactory(product=noodle, issued_on=year_ago, valid_until=TODAY + timedelta(50))
        CertificateFactory(product=gift, issued_on=year_ago, valid_until=TODAY + timedelta(400))
        CertificateFactory(product=jar, issued_on=year_ago, valid_until=TODAY + timedelta(10))
        yield SimpleNamespace(
            noodles=noodles,
            honey=honey,
            member=vendor_user(noodles, email="htx@example.vn"),
            orders=SimpleNamespace(delivered=delivered, new=new, packed=packed),
        )
        transaction.set_rollback(True)


def test_sales_by_week_come_from_the_producers_ledger_by_the_week_ordered(shop):
    weeks = sales_by_week(vendor=shop.noodles, today=TODAY)

    assert len(weeks) == 12
    assert weeks[0].start == date(2026, 9, 7) and weeks[-1].start == date(2026, 11, 23)
    by_week = {week.start: week.amount for week in weeks}
    assert by_week[date(2026, 11, 9)] == 170000
    # The cancelled parcel of 16 November is taken off the week it was ordered in.
    assert by_week[date(2026, 11, 16)] == 210000
    assert by_week[date(2026, 11, 23)] == 255000
    assert sum(by_week.values()) == 635000


def test_top_products_leave_out_cancelled_parcels_and_other_producers(shop):
    rows = top_products(vendor=shop.noodles, today=TODAY)

    assert [(row.title, row.quantity, row.amount) for row in rows] == [
        ("Miến dong 500g", 5, 425000),
        ("Miến dong hộp quà", 1, 210000),
    ]


def test_parcels_waiting_are_grouped_by_days_since_the_order(shop):
    buckets = parcels_waiting_by_age(vendor=shop.noodles, now=NOW)

    assert [(b.key, b.count) for b in buckets] == [("0-1", 1), ("2-3", 0), ("4-7", 1), ("8+", 0)]
    honey = parcels_waiting_by_age(vendor=shop.honey, now=NOW)
    assert [(b.key, b.count) for b in honey] == [("0-1", 1), ("2-3", 0), ("4-7", 0), ("8+", 1)]


def test_certificates_are_grouped_by_whole_months_left(shop):
    buckets = certificates_by_months_left(vendor=shop.noodles, today=TODAY)

    assert {b.key: b.count for b in buckets} == {
        "0": 0,
        "1-2": 1,
        "3-5": 0,
        "6-11": 0,
        "12-23": 1,
        "24+": 0,
    }
    assert months_between(date(2026, 1, 31), date(2026, 2, 28)) == 0
    assert months_between(date(2026, 1, 15), date(2026, 3, 15)) == 2


def _read_out(page: str, caption: str) -> list[tuple[str, str]]:
    """The rows of the table a screen reader gets in place of the chart of `caption`."""
    table = page.split(f"<caption>{caption}</caption>", 1)[1].split("</table>", 1)[0]
    cells = re.findall(r'<th scope="row">(.*?)</th><td>(.*?)</td>', table)
    return [(name, value.replace("\xa0", " ")) for name, value in cells]


@freeze_time(NOW)
def test_the_home_draws_the_producers_own_figures_with_a_table_for_screen_readers(client, shop):
    client.force_login(shop.member)
    client.cookies["django_language"] = "en"

    page = client.get("/dashboard/").content.decode()

    assert page.count('<svg class="ocop-chart__svg"') == 4
    sales = _read_out(page, "Sales by week")
    assert len(sales) == 12
    assert ("Week from 09/11/2026", "170.000 ₫") in sales
    assert ("Week from 23/11/2026", "255.000 ₫") in sales
    assert _read_out(page, "Top products") == [
        ("Miến dong 500g", "425.000 ₫"),
        ("Miến dong hộp quà", "210.000 ₫"),
    ]
    assert _read_out(page, "Parcels waiting by age") == [
        ("0–1 days", "1"),
        ("2–3 days", "0"),
        ("4–7 days", "1"),
        ("over 7 days", "0"),
    ]
    assert ("1–2 months", "1") in _read_out(page, "Certificates by months left")
    assert ("under 1 month", "0") in _read_out(page, "Certificates by months left")
    # Nothing of the honey producer's: its product, its sales, its parcels.
    for theirs in ("Mật ong hoa ban", "1.000.000", "750.000", "1.750.000"):
        assert theirs not in page


@freeze_time(NOW)
def test_the_other_producer_sees_only_its_own_figures(client, shop):
    client.force_login(vendor_user(shop.honey))
    client.cookies["django_language"] = "en"

    page = client.get("/dashboard/").content.decode()

    assert _read_out(page, "Top products") == [("Mật ong hoa ban", "1.750.000 ₫")]
    assert ("under 1 month", "1") in _read_out(page, "Certificates by months left")
    for theirs in ("Miến dong", "425.000", "170.000", "255.000"):
        assert theirs not in page


def test_a_new_producer_sees_empty_charts_explained(client, db):
    client.force_login(vendor_user(VendorFactory()))
    client.cookies["django_language"] = "en"

    page = client.get("/dashboard/").content.decode()

    assert "No sales in these weeks yet." in page
    assert "Nothing sold in these weeks yet." in page
    assert "No parcel is waiting: everything has been sent." in page
    assert "ocop-chart__svg" not in page


def test_the_home_reads_in_vietnamese(client, shop):
    client.force_login(shop.member)

    page = client.get("/dashboard/").content.decode()

    for text in ("Doanh số theo tuần", "Sản phẩm bán chạy", "Kênh người bán", "Trình đơn"):
        assert text in page
    for english in ("Sales by week", "Top products", "Producer console", "View the shop"):
        assert english not in page


def test_the_orders_list_shows_buyer_goods_and_parcel_total(client, shop):
    client.force_login(shop.member)
    client.cookies["django_language"] = "en"

    page = client.get("/dashboard/producer/orders/").content.decode().replace("\xa0", " ")

    row = page.split(str(shop.orders.packed.number), 1)[1].split("</tr>", 1)[0]
    assert "Lan Trần Thị" in row and "Hà Nội" in row
    assert '3 × <span lang="vi">Miến dong 500g</span>' in row  # no English title written
    assert "255.000 ₫" in row
    # The honey in the same order is another producer's parcel; the buyer's e-mail is not
    # the producer's to read.
    assert "Mật ong" not in page and "1.000.000" not in page
    assert "khach@example.vn" not in page


def _orders_page_queries(client, vendor, count) -> int:
    product = ProductFactory(vendor=vendor, stock=(50000, 500))
    other = ProductFactory(vendor=VendorFactory(), stock=(70000, 500))
    for _ in range(count):
        placed_order([(product, 1), (other, 1)])
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/dashboard/producer/orders/")
    assert response.status_code == 200
    assert response.content.decode().count("console-parcels__lines") == count
    return len(queries)


def test_the_orders_list_reads_a_page_in_the_same_queries_for_5_or_20_orders(client, db):
    few, many = VendorFactory(), VendorFactory()
    client.force_login(vendor_user(few))
    five = _orders_page_queries(client, few, 5)
    client.force_login(vendor_user(many))
    twenty = _orders_page_queries(client, many, 20)

    assert five == twenty


def _log_in(client, email, **extra):
    return client.post(
        "/accounts/login/",
        {
            "login-username": email,
            "login-password": "Mien-dong-2026!",
            "login_submit": "1",
            **extra,
        },
    )


@pytest.fixture
def people(db):
    producer = vendor_user(VendorFactory(), email="member@example.vn")
    staff = UserFactory(email="staff@example.vn", is_staff=True)
    buyer = UserFactory(email="buyer@example.vn")
    for person in (producer, staff, buyer):
        person.set_password("Mien-dong-2026!")
        person.save()
    return SimpleNamespace(producer=producer, staff=staff, buyer=buyer)


def test_a_producer_who_logs_in_lands_on_the_dashboard(client, people):
    assert _log_in(client, "member@example.vn")["Location"] == "/dashboard/"


def test_staff_and_buyers_land_where_they_did(client, people):
    assert _log_in(client, "staff@example.vn")["Location"] == "/dashboard/"
    client.logout()
    assert _log_in(client, "buyer@example.vn")["Location"] == "/"


def test_a_producer_sent_to_log_in_from_a_page_goes_back_there(client, people):
    response = _log_in(client, "member@example.vn", **{"login-redirect_url": "/basket/"})

    assert response["Location"] == "/basket/"
