"""'Tell me when it is back': buyers and guests ask from the page of a product out of stock,
and a restock mails each alert once, with the guest's cancel link working without an account."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from tests.factories import ProductFactory, VendorFactory

pytestmark = pytest.mark.django_db

ProductAlert = get_model("customer", "ProductAlert")


def committed(call):
    """Run `call` as a request would: what it queued after commit runs (here, eagerly)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return call()


def stock_set(product, quantity):
    record = product.stockrecords.get()
    record.num_in_stock = quantity
    committed(record.save)


@pytest.fixture
def sold_out():
    return ProductFactory(vendor=VendorFactory(), stock=("85000", 0), title="Mật ong Bình Liêu")


def test_a_guest_asks_confirms_and_a_restock_mails_once(client, sold_out):
    page = client.get(sold_out.get_absolute_url())
    assert 'id="alert_form"' in page.content.decode()
    response = committed(
        lambda: client.post(
            f"/accounts/alerts/create/{sold_out.pk}/", {"email": "khach@example.vn"}
        )
    )
    assert response.status_code == 302
    [confirmation] = mail.outbox
    confirm_path = re.search(r"/accounts/alerts/confirm/\w+/", confirmation.body).group(0)
    # Opening the link (as a mail scanner would) only shows the button.
    opened = client.get(confirm_path)
    assert opened.status_code == 200
    assert "Mật ong Bình Liêu" in opened.content.decode()
    assert '<form method="post">' in opened.content.decode()
    assert ProductAlert.objects.get().status == ProductAlert.UNCONFIRMED
    assert client.post(confirm_path).status_code == 302
    assert ProductAlert.objects.get().status == ProductAlert.ACTIVE
    mail.outbox.clear()

    stock_set(sold_out, 5)
    [sent] = mail.outbox
    assert sent.to == ["khach@example.vn"]
    assert "Mật ong Bình Liêu" in sent.subject
    assert sold_out.get_absolute_url() in sent.body

    mail.outbox.clear()
    stock_set(sold_out, 0)
    stock_set(sold_out, 3)
    assert mail.outbox == []


def test_each_buyer_gets_one_mail_and_a_cancelled_alert_none(client, sold_out):
    buyers = [UserFactory(email=f"mua{n}@example.vn") for n in range(2)]
    for buyer in buyers:
        client.force_login(buyer)
        page = client.get(sold_out.get_absolute_url()).content.decode()
        assert 'id="alert_form"' in page
        committed(lambda: client.post(f"/accounts/alerts/create/{sold_out.pk}/", {}))
    client.logout()
    guest = committed(
        lambda: ProductAlert.objects.create(
            product=sold_out, email="huy@example.vn", status=ProductAlert.ACTIVE
        )
    )
    # The guest's cancel link works without signing in, by the button of the page it opens.
    response = client.get(f"/accounts/alerts/cancel/key/{guest.key}/")
    assert response.status_code == 200
    assert ProductAlert.objects.get(pk=guest.pk).status != ProductAlert.CANCELLED
    response = client.post(f"/accounts/alerts/cancel/key/{guest.key}/")
    assert response.status_code == 302
    mail.outbox.clear()

    stock_set(sold_out, 4)
    assert sorted(m.to[0] for m in mail.outbox) == ["mua0@example.vn", "mua1@example.vn"]
    assert set(ProductAlert.objects.values_list("status", flat=True)) == {
        ProductAlert.CLOSED,
        ProductAlert.CANCELLED,
    }


def test_each_back_in_stock_mail_is_written_in_the_language_its_alert_was_asked_in(
    client, sold_out
):
    for language, address in (("en", "tourist@example.com"), ("vi", "khach@example.vn")):
        client.cookies["django_language"] = language
        client.force_login(UserFactory(email=address))
        committed(lambda: client.post(f"/accounts/alerts/create/{sold_out.pk}/", {}))
    client.logout()
    client.cookies["django_language"] = "en"
    guest = client.post(f"/accounts/alerts/create/{sold_out.pk}/", {"email": "guest@example.com"})
    assert guest.status_code == 302
    ProductAlert.objects.filter(email="guest@example.com").update(status=ProductAlert.ACTIVE)
    mail.outbox.clear()

    stock_set(sold_out, 5)

    sent = {message.to[0]: message for message in mail.outbox}
    for address in ("tourist@example.com", "guest@example.com"):
        assert sent[address].subject == "Mật ong Bình Liêu is back in stock"
        assert "You asked us to tell you when Mật ong Bình Liêu is back." in sent[address].body
    assert sent["khach@example.vn"].subject == "Mật ong Bình Liêu đã có hàng trở lại"
    assert "You asked us" not in sent["khach@example.vn"].body


def test_a_task_run_twice_mails_once(sold_out):
    from customer.tasks import product_alerts_send

    ProductAlert.objects.create(product=sold_out, user=UserFactory(email="mot@example.vn"))
    record = sold_out.stockrecords.get()
    record.num_in_stock = 2
    record.save()  # not committed: the task is run by hand below, twice
    product_alerts_send(sold_out.pk)
    ProductAlert.objects.update(status=ProductAlert.ACTIVE)  # as if the close were lost
    product_alerts_send(sold_out.pk)
    assert [m.to for m in mail.outbox] == [["mot@example.vn"]]


@pytest.mark.parametrize("key", ["forged", "a" * 300, "%00"])
def test_a_forged_cancel_key_is_refused(client, key):
    response = client.get(f"/accounts/alerts/cancel/key/{key}/")
    # A key that is no alert's is not found; one no URL can hold (a NUL) is a bad request.
    assert response.status_code == (400 if key == "%00" else 404)
    if key != "%00":
        assert "Đường dẫn này không hợp lệ" in response.content.decode()
        posted = client.post(f"/accounts/alerts/cancel/key/{key}/")
        assert posted.status_code == 404
        assert "Chưa có gì thay đổi." in posted.content.decode()
        assert client.post(f"/accounts/alerts/confirm/{key}/").status_code == 404


def test_opening_a_mailed_alert_link_changes_nothing_until_the_button(client, sold_out):
    alert = ProductAlert.objects.create(product=sold_out, email="bon@example.vn")
    ProductAlert.objects.filter(pk=alert.pk).update(status=ProductAlert.ACTIVE)
    for path in (
        f"/accounts/alerts/cancel/key/{alert.key}/",
        f"/accounts/alerts/confirm/{alert.key}/",
    ):
        page = client.get(path)
        assert page.status_code == 200
        assert "no-store" in page["Cache-Control"]
        assert page["Referrer-Policy"] == "no-referrer"
        assert client.head(path).status_code == 200
    assert ProductAlert.objects.get(pk=alert.pk).status == ProductAlert.ACTIVE
    assert (
        "Huỷ báo khi có hàng"
        in client.get(f"/accounts/alerts/cancel/key/{alert.key}/").content.decode()
    )

    client.post(f"/accounts/alerts/cancel/key/{alert.key}/")

    assert ProductAlert.objects.get(pk=alert.pk).status == ProductAlert.CANCELLED


def test_a_buyer_cancels_an_alert_of_theirs_by_the_button_and_never_anothers(client, sold_out):
    buyer, other = UserFactory(email="nam@example.vn"), UserFactory(email="tu@example.vn")
    mine = ProductAlert.objects.create(product=sold_out, user=buyer, status=ProductAlert.ACTIVE)
    theirs = ProductAlert.objects.create(product=sold_out, user=other, status=ProductAlert.ACTIVE)
    client.force_login(buyer)

    assert client.get(f"/accounts/alerts/cancel/{mine.pk}/").status_code == 200
    assert ProductAlert.objects.get(pk=mine.pk).status == ProductAlert.ACTIVE
    assert client.post(f"/accounts/alerts/cancel/{mine.pk}/").status_code == 302
    assert client.post(f"/accounts/alerts/cancel/{theirs.pk}/").status_code == 404

    assert ProductAlert.objects.get(pk=mine.pk).status == ProductAlert.CANCELLED
    assert ProductAlert.objects.get(pk=theirs.pk).status == ProductAlert.ACTIVE


def test_the_cancel_link_does_not_lead_off_site(client, sold_out):
    alert = ProductAlert.objects.create(product=sold_out, email="ba@example.vn")
    response = client.post(f"/accounts/alerts/cancel/key/{alert.key}/?next=https://evil.example/")
    assert response.status_code == 302
    assert response["Location"] == sold_out.get_absolute_url()


def test_goods_freed_by_a_cancelled_parcel_mail_the_alert(sold_out):
    record = sold_out.stockrecords.get()
    record.num_in_stock = 2
    record.num_allocated = 2  # all of it held by an order
    committed(record.save)
    ProductAlert.objects.create(product=sold_out, user=UserFactory(email="bon@example.vn"))
    mail.outbox.clear()

    committed(lambda: record.cancel_allocation(2))
    assert [m.to for m in mail.outbox] == [["bon@example.vn"]]


def test_a_restock_through_a_record_loaded_without_its_stock_mails_the_alert(sold_out):
    """A record read with only some fields (an import, a bulk tool) still knows it was empty."""
    ProductAlert.objects.create(product=sold_out, user=UserFactory(email="nam@example.vn"))
    mail.outbox.clear()
    StockRecord = get_model("partner", "StockRecord")
    record = StockRecord.objects.only("id", "product_id").get(product=sold_out)
    record.num_in_stock = 6
    committed(lambda: record.save(update_fields=["num_in_stock"]))
    assert [m.to for m in mail.outbox] == [["nam@example.vn"]]


def test_an_order_taking_stock_does_not_read_the_record_first(sold_out):
    """Allocating at order placement does not read the record again to learn its stock
    before (the alert receiver noted it when the record was loaded)."""
    record = sold_out.stockrecords.get()
    record.num_in_stock = 5
    committed(record.save)
    record = sold_out.stockrecords.get()
    with CaptureQueriesContext(connection) as queries:
        committed(lambda: record.allocate(2))
    statements = [q["sql"] for q in queries.captured_queries]
    update = next(i for i, sql in enumerate(statements) if sql.startswith("UPDATE"))
    assert not [sql for sql in statements[:update] if '"partner_stockrecord"' in sql]
    record.refresh_from_db()
    assert record.num_allocated == 2
