"""A buyer follows each parcel of an order: from their account, or as a guest by the signed
link of the order's mails; a link that is forged, made for another order or too old shows
nothing of any order."""

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from freezegun import freeze_time
from oscar.core.loading import get_model

from customer.tokens import order_status_token, order_status_url
from shop.checkout.tasks import order_confirmation_send
from tests.factories import ProductFactory, UserFactory, VendorFactory, placed_order
from vendors.fulfilment import fulfilment_cancel, fulfilment_mark_packed, fulfilment_mark_shipped
from vendors.models import Fulfilment

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture(scope="module")
def orders(django_db_setup, django_db_blocker):
    """A guest's order with two parcels (the noodles shipped by GHN, the honey cancelled)
    and a registered buyer's order, written once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        noodles = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
        honey = VendorFactory(legal_name="HTX Mật ong Điện Biên")
        noodle = ProductFactory(vendor=noodles, title="Miến dong đặc biệt", stock=(85000, 20))
        jar = ProductFactory(vendor=honey, title="Mật ong hoa ban", stock=(250000, 20))
        buyer = UserFactory(email="lan@example.vn")
        guest = placed_order([(noodle, 2), (jar, 1)], email="khach@example.vn")
        shipped = Fulfilment.objects.get(order=guest, vendor=noodles)
        fulfilment_mark_packed(fulfilment=shipped)
        fulfilment_mark_shipped(fulfilment=shipped, carrier="ghn", tracking_code="LK7QX3PA")
        fulfilment_cancel(
            fulfilment=Fulfilment.objects.get(order=guest, vendor=honey), reason="Hết mật vụ này"
        )
        member = placed_order([(jar, 2)], user=buyer, email=buyer.email)
        fulfilment_mark_shipped(
            fulfilment=member.fulfilments.get(), carrier="viettel_post", tracking_code="1234567890"
        )
        yield SimpleNamespace(guest=guest, member=member, buyer=buyer, shipped=shipped)
        transaction.set_rollback(True)


def _when(moment) -> str:
    with translation.override("vi"):
        return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_buyer_sees_each_parcel_of_their_order_with_its_times_and_the_carrier_link(
    client, orders
):
    client.force_login(orders.buyer)
    parcel = orders.member.fulfilments.get()

    response = client.get(f"/accounts/orders/{orders.member.number}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Kiện hàng của HTX Mật ong Điện Biên" in page
    assert "Mật ong hoa ban" in page
    assert "Đã đặt hàng" in page and _when(orders.member.date_placed) in page
    assert "Đã giao cho đơn vị vận chuyển" in page and _when(parcel.shipped_at) in page
    assert "Viettel Post" in page and "1234567890" in page
    assert (
        'href="https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/'
        '?peopleTracking=sender&amp;orderNumber=1234567890"' in page
    )
    # Still to come, without a time.
    assert page.count("sắp tới") == 1


def test_another_buyer_gets_404_and_a_visitor_is_asked_to_sign_in(client, orders):
    path = f"/accounts/orders/{orders.member.number}/"
    assert client.get(path).status_code == 302

    client.force_login(UserFactory())
    response = client.get(path)

    assert response.status_code == 404
    assert "Mật ong hoa ban" not in response.content.decode()


def test_a_guest_opens_the_order_from_the_link_in_the_confirmation(client, orders):
    mail.outbox.clear()
    order_confirmation_send(orders.guest.pk)
    [confirmation] = mail.outbox
    [link] = re.findall(r"https?://\S+/accounts/order-status/\S+", confirmation.body)

    response = client.get(_path(link))

    page = response.content.decode()
    assert response.status_code == 200
    assert f"Đơn hàng {orders.guest.number}" in page
    assert "Kiện hàng của HTX Miến dong Bình Liêu" in page
    assert "Miến dong đặc biệt" in page and "× 2" in page
    assert "Đã đóng gói" in page and _when(orders.shipped.packed_at) in page
    assert 'href="https://donhang.ghn.vn/?order_code=LK7QX3PA"' in page
    assert "Kiện hàng của HTX Mật ong Điện Biên" in page
    assert "Đã hủy" in page and "Hết mật vụ này" in page
    assert "12 Phố Hàng Bạc" in page
    assert "0912 345 678" in page  # the phone as a Vietnamese reader writes it
    # The address is the key: kept by no cache, sent to no other site.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]


def _refused(response) -> str:
    page = response.content.decode()
    assert response.status_code == 403
    for secret in ("Miến dong đặc biệt", "Mật ong hoa ban", "12 Phố Hàng Bạc", "khach@example"):
        assert secret not in page
    return page


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda token, o: token[:-1] + ("A" if token[-1] != "A" else "B"), id="edited"),
        pytest.param(lambda token, o: token.split(":")[0] + ":" + "x" * 43, id="made-up"),
        pytest.param(lambda token, o: order_status_token(order=o.member), id="another-order"),
        pytest.param(lambda token, o: o.guest.verification_hash(), id="oscar-hash"),
        pytest.param(lambda token, o: "abc", id="garbage"),
    ],
)
def test_a_forged_link_is_refused_and_shows_no_order(client, orders, forge):
    token = order_status_token(order=orders.guest)

    response = client.get(f"/accounts/order-status/{orders.guest.number}/{forge(token, orders)}/")

    assert "Đường dẫn này không hợp lệ" in _refused(response)


def test_a_link_is_bound_to_its_order_number_buyer_address_and_guest(client, orders):
    token = order_status_token(order=orders.guest)
    member_token = order_status_token(order=orders.member)

    # The same token under another order's number, or an order number that does not exist.
    _refused(client.get(f"/accounts/order-status/{orders.member.number}/{token}/"))
    _refused(client.get(f"/accounts/order-status/999999999/{token}/"))
    # An order placed from an account opens from the account only.
    _refused(client.get(f"/accounts/order-status/{orders.member.number}/{member_token}/"))
    # The buyer's address corrected: links made for the old one stop working.
    Order.objects.filter(pk=orders.guest.pk).update(guest_email="lan.tran@example.vn")
    _refused(client.get(f"/accounts/order-status/{orders.guest.number}/{token}/"))


def test_an_expired_link_is_refused_and_says_how_to_get_a_fresh_one(client, orders, settings):
    settings.ORDER_STATUS_LINK_MAX_AGE_DAYS = 90
    now = timezone.now()
    with freeze_time(now - timedelta(days=91)):
        old = order_status_url(order=orders.guest)
    with freeze_time(now - timedelta(days=89)):
        recent = order_status_url(order=orders.guest)

    page = _refused(client.get(_path(old)))

    assert "Đường dẫn này đã hết hạn" in page and "90 ngày" in page
    assert "Mỗi e-mail mới về đơn hàng đều kèm một đường dẫn mới" in page
    assert client.get(_path(recent)).status_code == 200


def test_oscars_email_form_address_leads_to_the_same_check(client, orders):
    token = order_status_token(order=orders.guest)

    response = client.get(f"/accounts/order-status-form/{orders.guest.number}/{token}/")

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/order-status/{orders.guest.number}/{token}/"


def test_the_mails_of_a_registered_buyer_lead_to_their_account(orders):
    assert order_status_url(order=orders.member).endswith(
        f"/accounts/orders/{orders.member.number}/"
    )


def test_the_thank_you_page_leads_a_guest_to_their_order_page(client, orders):
    session = client.session
    session["checkout_order_id"] = orders.guest.pk
    session.save()

    page = client.get("/checkout/thank-you/").content.decode()
    [path] = re.findall(r'id="order-status-link"[^>]*href="([^"]+)"', page)

    response = client.get(path.replace("&amp;", "&"))
    assert response.status_code == 200
    assert "Kiện hàng của HTX Miến dong Bình Liêu" in response.content.decode()


@pytest.mark.parametrize(("language", "shown"), [("vi", "0912 345 678"), ("en", "+84 912 345 678")])
def test_the_account_order_page_writes_the_phone_as_the_reader_dials_it(
    client, orders, language, shown
):
    client.force_login(orders.buyer)
    client.cookies["django_language"] = language

    page = client.get(f"/accounts/orders/{orders.member.number}/").content.decode()

    assert f'<td class="buyer-phone">{shown}</td>' in page
    assert "+84912345678" not in page


def test_the_account_order_page_marks_a_vietnamese_only_title_on_the_english_site(client, orders):
    client.force_login(orders.buyer)
    client.cookies["django_language"] = "en"

    page = client.get(f"/accounts/orders/{orders.member.number}/").content.decode()

    assert '<span lang="vi">Mật ong hoa ban</span></a>' in page
