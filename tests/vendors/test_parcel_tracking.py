"""A producer ships with a carrier from the list and a checked tracking number; each parcel
keeps a timeline, and the buyer gets one mail per step with the carrier's page and the
order's page."""

import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core import mail
from django.db import transaction
from django.utils import timezone

from tests.factories import ProductFactory, VendorFactory, placed_order, vendor_user
from vendors.carriers import tracking_url
from vendors.fulfilment import (
    fulfilment_cancel,
    fulfilment_mark_delivered,
    fulfilment_mark_packed,
    fulfilment_mark_shipped,
)
from vendors.models import Fulfilment, ParcelEvent
from vendors.tasks import notify_buyer

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shop(django_db_setup, django_db_blocker):
    """Two producers with goods in one guest's order, written once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        noodles = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
        honey = VendorFactory(legal_name="HTX Mật ong Điện Biên")
        noodle = ProductFactory(vendor=noodles, title="Miến dong đặc biệt", stock=(85000, 20))
        jar = ProductFactory(vendor=honey, title="Mật ong hoa ban", stock=(250000, 20))
        order = placed_order([(noodle, 2), (jar, 1)], email="khach@example.vn")
        yield SimpleNamespace(
            order=order,
            noodles=noodles,
            member=vendor_user(noodles),
            mine=Fulfilment.objects.get(order=order, vendor=noodles),
            theirs=Fulfilment.objects.get(order=order, vendor=honey),
        )
        transaction.set_rollback(True)


@pytest.fixture
def producer_client(client, shop):
    client.force_login(shop.member)
    return client


def _ship(client, fulfilment, carrier, number):
    return client.post(
        f"/dashboard/producer/orders/{fulfilment.pk}/",
        {"action": "shipped", "carrier": carrier, "tracking_code": number},
    )


@pytest.mark.parametrize(
    "carrier, number, url",
    [
        ("ghn", "LK7QX3PA", "https://donhang.ghn.vn/?order_code=LK7QX3PA"),
        ("ghtk", "S1883035.MB2.A7.123456789", "https://i.ghtk.vn/S1883035.MB2.A7.123456789"),
        (
            "viettel_post",
            "1234567890",
            "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/"
            "?peopleTracking=sender&orderNumber=1234567890",
        ),
        (
            "vnpost",
            "EE123456789VN",
            "https://www.vnpost.vn/vi-vn/dinh-vi/buu-pham?key=EE123456789VN",
        ),
        ("jt", "841327113159", "https://jtexpress.vn/vi/tracking?type=track&billcode=841327113159"),
        ("own", "", ""),
        ("own", "GIAO-01", ""),
        ("Xe của chú Tư", "ABC123", ""),
    ],
)
def test_each_carrier_links_to_its_own_tracking_page(carrier, number, url):
    assert tracking_url(carrier=carrier, tracking_code=number) == url


@pytest.mark.parametrize(
    "carrier, number, message",
    [
        ("ghn", "AB12", "Mã vận đơn dài từ 6 đến 40 ký tự; mã này có 4 ký tự."),
        ("ghn", "X" * 41, "Mã vận đơn dài từ 6 đến 40 ký tự; mã này có 41 ký tự."),
        ("ghtk", "ĐƠN-123456", "Mã vận đơn chỉ gồm chữ cái không dấu, chữ số"),
        ("jt", "<script>1</script>", "Mã vận đơn chỉ gồm chữ cái không dấu, chữ số"),
        ("vnpost", "", "Nhập mã vận đơn in trên biên nhận của đơn vị vận chuyển."),
        ("", "LK7QX3PA", "Trường này là bắt buộc"),
        ("dhl", "LK7QX3PA", "Hãy chọn trong danh sách: dhl không phải"),
    ],
)
def test_a_tracking_number_that_is_not_one_is_refused_with_a_reason(
    producer_client, shop, carrier, number, message
):
    producer_client.cookies["django_language"] = "vi"

    response = _ship(producer_client, shop.mine, carrier, number)

    assert response.status_code == 400
    assert message in response.content.decode()
    shop.mine.refresh_from_db()
    assert (shop.mine.status, shop.mine.carrier, shop.mine.tracking_code) == ("new", "", "")
    assert list(shop.mine.events.values_list("step", flat=True)) == ["placed"]


def test_numbers_are_kept_as_printed_and_own_delivery_needs_none(producer_client, shop):
    response = _ship(producer_client, shop.mine, "ghtk", " s1883035.mb2 123456789 ")
    assert response.status_code == 302
    shop.mine.refresh_from_db()
    assert (shop.mine.carrier, shop.mine.tracking_code) == ("ghtk", "S1883035.MB2123456789")

    fulfilment_mark_packed(fulfilment=shop.theirs)
    shipped = fulfilment_mark_shipped(
        fulfilment=shop.theirs, carrier="Nhà sản xuất tự giao", tracking_code=""
    )
    assert (shipped.status, shipped.carrier, shipped.tracking_code) == ("shipped", "own", "")


def test_another_producers_parcel_cannot_be_shipped(producer_client, shop):
    response = _ship(producer_client, shop.theirs, "ghn", "LK7QX3PA")

    assert response.status_code == 404
    shop.theirs.refresh_from_db()
    assert (shop.theirs.status, shop.theirs.tracking_code) == ("new", "")


def test_the_timeline_keeps_each_step_with_its_time_and_the_carrier(shop):
    fulfilment_mark_packed(fulfilment=shop.mine)
    fulfilment_mark_shipped(fulfilment=shop.mine, carrier="GHN", tracking_code="LK7QX3PA")
    fulfilment_mark_delivered(fulfilment=shop.mine)
    fulfilment_cancel(fulfilment=shop.theirs, reason="Hết mật vụ này")

    mine = [(e.step, e.at, e.carrier, e.tracking_code) for e in shop.mine.events.all()]
    shop.mine.refresh_from_db()
    assert mine == [
        ("placed", shop.order.date_placed, "", ""),
        ("packed", shop.mine.packed_at, "", ""),
        ("shipped", shop.mine.shipped_at, "ghn", "LK7QX3PA"),
        ("delivered", shop.mine.delivered_at, "", ""),
    ]
    theirs = [(e.step, e.note) for e in shop.theirs.events.all()]
    assert theirs == [("placed", ""), ("cancelled", "Hết mật vụ này")]


def test_the_buyer_gets_one_mail_per_step_with_the_carrier_and_the_order_page(
    shop, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment_mark_packed(fulfilment=shop.mine)
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment_mark_shipped(fulfilment=shop.mine, carrier="jt", tracking_code="841327113159")
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment_mark_delivered(fulfilment=shop.mine)
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment_cancel(fulfilment=shop.theirs, reason="Hết mật vụ này")
    # Celery delivers at least once: the same notices again send nothing.
    for event in ("packed", "shipped", "delivered"):
        assert notify_buyer(shop.mine.pk, event) is False
    assert notify_buyer(shop.theirs.pk, "cancelled") is False

    number = shop.order.number
    assert [m.subject for m in mail.outbox] == [
        f"Một kiện hàng trong đơn hàng {number} của bạn đã được đóng gói",
        f"Kiện hàng trong đơn hàng {number} của bạn đang trên đường giao",
        f"Một kiện hàng trong đơn hàng {number} của bạn đã được giao",
        f"Một kiện hàng trong đơn hàng {number} của bạn đã bị hủy",
    ]
    assert all(m.to == ["khach@example.vn"] for m in mail.outbox)
    packed, shipped, delivered, cancelled = (m.body for m in mail.outbox)
    assert "Miến dong đặc biệt" in packed and "Mật ong" not in packed
    assert "J&T Express" in shipped and "841327113159" in shipped
    assert "https://jtexpress.vn/vi/tracking?type=track&billcode=841327113159" in shipped
    assert "Hết mật vụ này" in cancelled
    for body in (packed, shipped, delivered, cancelled):
        [link] = re.findall(rf"\S+/accounts/order-status/{number}/\S+/", body)


def test_a_parcel_that_moved_on_gets_no_mail_about_the_step_it_left(shop):
    fulfilment_mark_packed(fulfilment=shop.mine)
    fulfilment_mark_shipped(fulfilment=shop.mine, carrier="ghn", tracking_code="LK7QX3PA")
    mail.outbox.clear()

    assert notify_buyer(shop.mine.pk, "packed") is False
    assert notify_buyer(shop.mine.pk, "shipped") is True
    assert len(mail.outbox) == 1


def test_parcels_older_than_the_timeline_get_theirs_from_the_times_they_kept(shop):
    migration = importlib.import_module("vendors.migrations.0007_parcel_events_and_carriers")
    packed, shipped = timezone.now(), timezone.now()
    Fulfilment.objects.filter(pk=shop.mine.pk).update(
        status="shipped",
        packed_at=packed,
        shipped_at=shipped,
        carrier="Viettel Post",
        tracking_code="VTP1234567",
    )
    Fulfilment.objects.filter(pk=shop.theirs.pk).update(carrier="Xe nhà")
    ParcelEvent.objects.all().delete()

    migration.timelines_backfill(apps, None)
    migration.timelines_backfill(apps, None)

    shop.mine.refresh_from_db()
    assert shop.mine.carrier == "viettel_post"
    events = [(e.step, e.at, e.carrier) for e in shop.mine.events.all()]
    assert events == [
        ("placed", shop.order.date_placed, ""),
        ("packed", packed, ""),
        ("shipped", shipped, "viettel_post"),
    ]
    # A name that is none of the listed carriers is kept as typed.
    assert Fulfilment.objects.get(pk=shop.theirs.pk).carrier == "Xe nhà"
