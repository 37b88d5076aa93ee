"""Parcels per producer: what a producer sees of an order, status changes, cancellations and
the e-mails they send."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tests.factories import ProductFactory, UserFactory, VendorFactory, placed_order, vendor_user
from vendors.fulfilment import (
    fulfilment_cancel,
    fulfilment_mark_delivered,
    fulfilment_mark_packed,
    fulfilment_mark_shipped,
)
from vendors.models import Fulfilment, LedgerEntry
from vendors.tasks import notify_buyer, notify_vendor_new_order


@pytest.fixture
def two_producers(db):
    """An order with goods of two producers; the first producer's member is signed in."""
    noodles = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
    honey = VendorFactory(legal_name="HTX Mật ong Điện Biên")
    noodle = ProductFactory(vendor=noodles, title="Miến dong đặc biệt", stock=(85000, 10))
    jar = ProductFactory(vendor=honey, title="Mật ong hoa ban", stock=(250000, 5))
    order = placed_order([(noodle, 2), (jar, 1)])
    return {
        "order": order,
        "noodles": noodles,
        "honey": honey,
        "noodle": noodle,
        "jar": jar,
        "mine": Fulfilment.objects.get(order=order, vendor=noodles),
        "theirs": Fulfilment.objects.get(order=order, vendor=honey),
    }


@pytest.fixture
def producer_client(client, two_producers):
    client.force_login(vendor_user(two_producers["noodles"]))
    client.cookies["django_language"] = "en"
    return client


def url(fulfilment):
    return f"/dashboard/producer/orders/{fulfilment.pk}/"


def test_a_producer_sees_only_its_own_lines_and_what_shipping_needs(producer_client, two_producers):
    response = producer_client.get(url(two_producers["mine"]))

    page = response.content.decode()
    assert response.status_code == 200
    assert str(two_producers["order"].number) in page
    assert "Miến dong đặc biệt" in page
    assert "170.000" in page
    assert "12 Phố Hàng Bạc" in page
    # Grouped as the English site writes numbers, and a tap on a phone calls it.
    assert '<a href="tel:+84912345678">+84 912 345 678</a>' in page
    assert "Mật ong hoa ban" not in page
    assert "250.000" not in page
    assert "khach@example.vn" not in page


def test_the_english_console_marks_a_title_written_only_in_vietnamese(
    producer_client, two_producers
):
    marked = '<span lang="vi">Miến dong đặc biệt</span>'

    assert marked in producer_client.get(url(two_producers["mine"])).content.decode()
    assert marked in producer_client.get("/dashboard/producer/orders/").content.decode()


def test_the_order_list_shows_my_parcels_filtered_by_status(producer_client, two_producers):
    other = placed_order([(ProductFactory(vendor=two_producers["honey"]), 1)])
    fulfilment_mark_packed(fulfilment=two_producers["mine"])

    everything = producer_client.get("/dashboard/producer/orders/").content.decode()
    packed = producer_client.get("/dashboard/producer/orders/?status=packed").content.decode()
    new = producer_client.get("/dashboard/producer/orders/?status=new").content.decode()

    assert url(two_producers["mine"]) in everything
    assert url(two_producers["theirs"]) not in everything
    assert str(other.number) not in everything
    assert url(two_producers["mine"]) in packed
    assert url(two_producers["mine"]) not in new
    assert "No parcels here yet." in new


def test_another_producers_parcel_answers_404_and_stays_as_it_was(producer_client, two_producers):
    theirs = two_producers["theirs"]

    assert producer_client.get(url(theirs)).status_code == 404
    response = producer_client.post(url(theirs), {"action": "cancelled", "reason": "Hết hàng"})

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Fulfilment.Status.NEW
    assert not LedgerEntry.objects.filter(kind="reversal").exists()


def test_people_who_are_no_producers_member_get_403_and_strangers_log_in(client, two_producers):
    assert client.get("/dashboard/producer/orders/").status_code == 302
    client.force_login(UserFactory())
    for path in ("/dashboard/producer/orders/", url(two_producers["mine"])):
        assert client.get(path).status_code == 403


def test_a_parcel_goes_packed_shipped_delivered_and_the_buyer_gets_the_tracking_code(
    producer_client, two_producers, django_capture_on_commit_callbacks
):
    mine = two_producers["mine"]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        producer_client.post(url(mine), {"action": "packed"})
        response = producer_client.post(
            url(mine),
            {"action": "shipped", "carrier": "viettel_post", "tracking_code": "vt 1234 5678"},
        )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.carrier, mine.tracking_code) == (
        "shipped",
        "viettel_post",
        "VT12345678",
    )
    assert mine.packed_at and mine.shipped_at
    # Shipped before the packing notice went out: only the news that is still true is sent.
    [notice] = mail.outbox
    assert notice.to == ["khach@example.vn"]
    assert "Viettel Post" in notice.body and "VT12345678" in notice.body
    assert "Miến dong đặc biệt" in notice.body and "Mật ong" not in notice.body
    # Handed to the carrier: the allocated units leave the stock.
    stock = two_producers["noodle"].stockrecords.get()
    assert (stock.num_in_stock, stock.num_allocated) == (8, 0)

    producer_client.post(url(mine), {"action": "delivered"})
    mine.refresh_from_db()
    assert mine.status == "delivered" and mine.delivered_at


def test_shipping_needs_a_carrier_and_a_tracking_code(producer_client, two_producers):
    mine = two_producers["mine"]

    response = producer_client.post(url(mine), {"action": "shipped", "carrier": "ghn"})

    assert response.status_code == 400
    assert "Enter the tracking number printed on the carrier&#x27;s receipt." in (
        response.content.decode()
    )
    mine.refresh_from_db()
    assert mine.status == "new"
    with pytest.raises(ValidationError):
        fulfilment_mark_shipped(fulfilment=mine, carrier=" ", tracking_code="X1")


def test_a_shipped_parcel_cannot_be_cancelled(producer_client, two_producers):
    mine = two_producers["mine"]
    fulfilment_mark_shipped(fulfilment=mine, carrier="GHN", tracking_code="GHN1234567")

    response = producer_client.post(
        url(mine), {"action": "cancelled", "reason": "Khách đổi ý"}, follow=True
    )

    assert "This parcel is shipped: it cannot be marked cancelled." in response.content.decode()
    mine.refresh_from_db()
    assert mine.status == "shipped"
    assert not LedgerEntry.objects.filter(kind="reversal").exists()


@pytest.mark.parametrize(
    "steps, action",
    [
        ([], fulfilment_mark_delivered),
        ([fulfilment_mark_packed], fulfilment_mark_packed),
        ([fulfilment_mark_delivered], fulfilment_mark_packed),
    ],
)
def test_transitions_out_of_order_are_refused(two_producers, steps, action):
    mine = two_producers["mine"]
    if steps == [fulfilment_mark_delivered]:
        fulfilment_mark_shipped(fulfilment=mine, carrier="GHN", tracking_code="GHN1234567")
    for step in steps:
        step(fulfilment=mine)
    before = mine.status

    with pytest.raises(ValidationError, match="không thể chuyển sang"):
        action(fulfilment=mine)
    mine.refresh_from_db()
    assert mine.status == before


def test_cancelling_reverses_the_ledger_puts_stock_back_and_tells_the_buyer(
    producer_client, two_producers, django_capture_on_commit_callbacks
):
    mine = two_producers["mine"]
    stock = two_producers["noodle"].stockrecords.get()
    assert stock.num_allocated == 2
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = producer_client.post(
            url(mine), {"action": "cancelled", "reason": "Lô hàng bị ẩm"}
        )

    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == "cancelled" and mine.cancel_reason == "Lô hàng bị ẩm"
    stock.refresh_from_db()
    assert (stock.num_in_stock, stock.num_allocated) == (10, 0)
    mine_entries = LedgerEntry.objects.filter(fulfilment=mine)
    assert sorted(e.amount for e in mine_entries.filter(kind="reversal")) == [
        Decimal("-170000"),
        Decimal("17000"),
    ]
    assert sum(e.amount for e in mine_entries) == 0
    # The other producer's parcel is untouched.
    assert LedgerEntry.objects.filter(fulfilment=two_producers["theirs"]).count() == 2
    assert two_producers["jar"].stockrecords.get().num_allocated == 1
    [notice] = mail.outbox
    assert notice.to == ["khach@example.vn"]
    assert "Lô hàng bị ẩm" in notice.body


def test_a_cancellation_needs_a_reason(two_producers):
    with pytest.raises(ValidationError):
        fulfilment_cancel(fulfilment=two_producers["mine"], reason="  ")
    assert Fulfilment.objects.get(pk=two_producers["mine"].pk).status == "new"


def test_notices_run_twice_send_one_mail(two_producers):
    mine = two_producers["mine"]
    mail.outbox.clear()

    assert notify_vendor_new_order(mine.pk) is True
    assert notify_vendor_new_order(mine.pk) is False
    fulfilment_mark_shipped(fulfilment=mine, carrier="GHN", tracking_code="GHN1234567")
    assert notify_buyer(mine.pk, "shipped") is True
    assert notify_buyer(mine.pk, "shipped") is False
    # A notice for a status the parcel is not in sends nothing.
    assert notify_buyer(mine.pk, "cancelled") is False

    assert [m.to for m in mail.outbox] == [[two_producers["noodles"].email], ["khach@example.vn"]]
