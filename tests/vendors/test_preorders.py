"""Pre-orders: a producer sells its coming harvest with a ship-from date, a deposit and a
cap; the buyer pays the deposit now and the balance on delivery; the parcel waits for the
harvest; the ledger shows deposit, balance and commission, and a cancellation reverses them."""

import re
from datetime import timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client
from django.utils import timezone
from oscar.core.loading import get_model

from shop.money import vnd
from shop.orders.lifecycle import order_cancel
from shop.orders.statuses import OrderStatus
from tests.factories import ProductFactory, VendorFactory, vendor_user
from tests.shop.checkout.helpers import address_form_data
from vendors import preorders
from vendors.fulfilment_selectors import ledger_summary
from vendors.models import Fulfilment, LedgerEntry, PreorderTerms

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

PRICE = Decimal("120000")
HONEY_PRICE = Decimal("85000")


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Two producers, seeded once for the module: the longan cooperative (longan out of
    stock on pre-order from a month ahead, 30% deposit, at most 5; honey in stock) and a
    honey cooperative that has nothing to do with the longan."""
    with django_db_blocker.unblock(), transaction.atomic():
        longan_farm = VendorFactory(legal_name="HTX Nhãn lồng Hưng Yên", commission_rate="0.100")
        other = VendorFactory(legal_name="HTX Mật ong Bình Liêu")
        longan = ProductFactory(title="Nhãn lồng Hưng Yên", vendor=longan_farm, stock=(PRICE, 0))
        honey = ProductFactory(title="Mật nhãn", vendor=longan_farm, stock=(HONEY_PRICE, 20))
        ships_from = timezone.localdate() + timedelta(days=30)
        PreorderTerms.objects.create(
            product=longan, is_open=True, ships_from=ships_from, deposit_percent=30, cap=5
        )
        data = {
            "farm": longan_farm,
            "farmer": vendor_user(longan_farm),
            "other": other,
            "other_member": vendor_user(other),
            "longan": longan,
            "honey": honey,
            "ships_from": ships_from,
        }
        yield data
        transaction.set_rollback(True)


def _checkout(client, items, *, method="bank_transfer", email="khach@example.vn"):
    for product, quantity in items:
        response = client.post(f"/basket/add/{product.pk}/", {"quantity": quantity})
        assert response.status_code == 302
    client.post("/checkout/", {"username": email, "options": "anonymous"})
    client.post("/checkout/shipping-address/", address_form_data())
    client.get("/checkout/shipping-method/", follow=True)
    response = client.post("/checkout/payment-method/", {"method": method})
    assert response.status_code == 302, response.content.decode()[:2000]
    preview = client.get("/checkout/preview/")
    response = client.post("/checkout/preview/", {"action": "place_order", "privacy_consent": "on"})
    assert response.status_code == 302, response.content.decode()[:3000]
    return preview, Order.objects.latest("pk")


def _basket_lines(client) -> str:
    """The basket page's parcels (the products in the basket, by producer)."""
    html = client.get("/basket/").content.decode()
    match = re.search(r"Parcels by producer(.*)", html, re.S)
    return match.group(1) if match else ""


def _days_pass(monkeypatch, day):
    monkeypatch.setattr(preorders, "preorder_today", lambda: day)


def _parcels(order):
    ordinary = Fulfilment.objects.get(order=order, ships_from__isnull=True)
    preordered = Fulfilment.objects.get(order=order, ships_from__isnull=False)
    return ordinary, preordered


def test_the_product_page_says_pre_order_with_its_date_and_deposit(client, seeded):
    day = seeded["ships_from"]
    client.cookies["django_language"] = "vi"
    html = client.get(seeded["longan"].get_absolute_url()).content.decode()
    assert f"Đặt trước – giao từ {day:%d/%m}" in html
    assert "30%" in html

    client.cookies["django_language"] = "en"
    html = client.get(seeded["longan"].get_absolute_url()).content.decode()
    assert f"Pre-order – ships from {day.day} {day:%B}" in html


def test_an_out_of_stock_pre_order_goes_in_the_basket_up_to_its_cap(english, seeded):
    longan = seeded["longan"]
    response = english.post(f"/basket/add/{longan.pk}/", {"quantity": 4}, follow=True)
    assert "Nhãn lồng Hưng Yên" in _basket_lines(english)

    response = english.post(f"/basket/add/{longan.pk}/", {"quantity": 2}, follow=True)
    assert "Only 5 more of “Nhãn lồng Hưng Yên” can be pre-ordered." in (
        response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")
    )


def test_the_checkout_splits_the_pre_order_and_takes_only_the_deposit_now(english, seeded):
    longan, honey = seeded["longan"], seeded["honey"]
    preview, order = _checkout(english, [(longan, 2), (honey, 1)])

    preview_html = preview.content.decode()
    deposit = Decimal("72000")  # 30% of 2 × 120.000 ₫
    assert "Deposit, paid now" in preview_html
    assert "72.000" in preview_html
    assert "To pay now" in preview_html

    ordinary, preordered = _parcels(order)
    assert ordinary.status == Fulfilment.Status.NEW
    assert preordered.status == Fulfilment.Status.AWAITING_HARVEST
    assert [line.product for line in preordered.lines] == [longan]
    assert [line.product for line in ordinary.lines] == [honey]
    assert preordered.deposit == deposit
    assert preordered.balance == 2 * PRICE + preordered.shipping_fee - deposit

    # The transfer asked for is the honey parcel and the longan deposit, not the balance.
    due_now = ordinary.shipping_fee + HONEY_PRICE + deposit
    assert order.total_incl_tax - preordered.balance == due_now
    thank_you = english.get("/checkout/thank-you/").content.decode()
    assert f"54{len(str(int(due_now))):02d}{int(due_now)}" in thank_you
    assert "is paid to the courier when each pre-ordered parcel is delivered" in thank_you

    kinds = dict(LedgerEntry.objects.filter(fulfilment=preordered).values_list("kind", "amount"))
    assert kinds == {"deposit": deposit, "commission": -Decimal("24000")}
    # The pre-order took no stock (the harvest is not in yet); the honey in stock did.
    assert longan.stockrecords.get().num_allocated in (None, 0)
    assert honey.stockrecords.get().num_allocated == 1
    assert [line.num_allocated for line in preordered.lines] == [0]
    assert [line.num_allocated for line in ordinary.lines] == [1]


def test_cash_on_delivery_is_not_offered_for_a_pre_order(english, seeded):
    english.post(f"/basket/add/{seeded['longan'].pk}/", {"quantity": 1})
    english.post("/checkout/", {"username": "khach@example.vn", "options": "anonymous"})
    english.post("/checkout/shipping-address/", address_form_data())
    page = english.get("/checkout/shipping-method/", follow=True).content.decode()
    assert 'value="cod"' not in page
    assert "Your basket holds a pre-order: it is paid ahead" in page

    response = english.post("/checkout/payment-method/", {"method": "cod"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_cap_reached_refuses_more_pre_orders_clearly(english, seeded):
    _checkout(english, [(seeded["longan"], 5)], email="first@example.vn")

    response = english.post(f"/basket/add/{seeded['longan'].pk}/", {"quantity": 1}, follow=True)
    html = response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert "“Nhãn lồng Hưng Yên” is fully pre-ordered: no more can be ordered." in html


def test_the_producer_ships_only_from_the_ship_from_date_and_the_buyer_hears_once(
    client, seeded, monkeypatch, django_capture_on_commit_callbacks
):
    client.cookies["django_language"] = "en"
    _preview, order = _checkout(client, [(seeded["longan"], 2)], email="lan@example.vn")
    parcel = Fulfilment.objects.get(order=order)
    client.force_login(seeded["farmer"])
    url = f"/dashboard/producer/orders/{parcel.pk}/"

    page = client.get(url).content.decode()
    assert "This pre-order waits for the harvest" in page
    assert 'value="shipped"' not in page
    response = client.post(
        url, {"action": "shipped", "carrier": "ghn", "tracking_code": "GHN123456"}, follow=True
    )
    assert "you can pack and ship it from that day" in response.content.decode()
    parcel.refresh_from_db()
    assert parcel.status == Fulfilment.Status.AWAITING_HARVEST

    _days_pass(monkeypatch, seeded["ships_from"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"action": "shipped", "carrier": "ghn", "tracking_code": "GHN123456"}
        )
    assert response.status_code == 302
    parcel.refresh_from_db()
    assert parcel.status == Fulfilment.Status.SHIPPED
    assert seeded["longan"].stockrecords.get().num_in_stock == 0
    sent = [m for m in mail.outbox if "lan@example.vn" in m.to]
    assert len(sent) == 1
    balance = f"{int(parcel.balance):,}".replace(",", ".")
    assert balance in sent[0].body

    entries = dict(LedgerEntry.objects.filter(fulfilment=parcel).values_list("kind", "amount"))
    assert entries == {
        "deposit": Decimal("72000"),
        "balance": parcel.balance,
        "commission": -Decimal("24000"),
    }
    ledger = client.get("/dashboard/producer/ledger/").content.decode()
    for label in ("Pre-order deposit", "Pre-order balance", "Commission"):
        assert label in ledger
    summary = ledger_summary(vendor=seeded["farm"])
    assert summary["sold"] == 2 * PRICE + parcel.shipping_fee
    assert summary["balance"] == 2 * PRICE + parcel.shipping_fee - Decimal("24000")


def test_another_producer_can_neither_set_the_terms_nor_ship_the_parcel(
    client, seeded, monkeypatch
):
    _preview, order = _checkout(client, [(seeded["longan"], 1)])
    parcel = Fulfilment.objects.get(order=order)
    _days_pass(monkeypatch, seeded["ships_from"])
    client.force_login(seeded["other_member"])

    longan = seeded["longan"]
    assert client.get(f"/dashboard/producer/preorders/{longan.pk}/").status_code == 404
    response = client.post(
        f"/dashboard/producer/preorders/{longan.pk}/",
        {"is_open": "", "ships_from": "2099-01-01", "deposit_percent": 0},
    )
    assert response.status_code == 404
    response = client.post(
        f"/dashboard/producer/orders/{parcel.pk}/",
        {"action": "shipped", "carrier": "own", "tracking_code": ""},
    )
    assert response.status_code == 404
    terms = PreorderTerms.objects.get(product=longan)
    assert terms.is_open and terms.deposit_percent == 30
    parcel.refresh_from_db()
    assert parcel.status == Fulfilment.Status.AWAITING_HARVEST


def test_the_producer_sets_its_terms_and_bad_ones_are_refused(client, seeded):
    client.cookies["django_language"] = "en"
    client.force_login(seeded["farmer"])
    honey = seeded["honey"]
    url = f"/dashboard/producer/preorders/{honey.pk}/"
    listing = client.get("/dashboard/producer/preorders/").content.decode()
    assert "Mật nhãn" in listing and url in listing

    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        url, {"is_open": "on", "ships_from": yesterday.isoformat(), "deposit_percent": 20}
    )
    assert response.status_code == 400
    assert "Choose a ship-from date after today" in response.content.decode()
    response = client.post(
        url,
        {"is_open": "on", "ships_from": "2099-07-15", "deposit_percent": 150, "cap": ""},
    )
    assert response.status_code == 400
    assert "less than or equal to 100" in response.content.decode()
    assert not PreorderTerms.objects.filter(product=honey).exists()

    response = client.post(
        url, {"is_open": "on", "ships_from": "2099-07-15", "deposit_percent": 20, "cap": "40"}
    )
    assert response.status_code == 302
    terms = PreorderTerms.objects.get(product=honey)
    assert (terms.is_open, terms.deposit_percent, terms.cap) == (True, 20, 40)
    assert "Pre-order – ships from 15 July" in client.get(honey.get_absolute_url()).content.decode()


def test_cancelling_a_pre_order_before_it_ships_reverses_its_ledger_and_frees_the_cap(
    english, seeded
):
    _preview, order = _checkout(english, [(seeded["longan"], 5)])
    parcel = Fulfilment.objects.get(order=order)
    assert preorders.preordered_quantity(product_id=seeded["longan"].pk) == 5

    order_cancel(order=order, reason="Mưa đá làm hỏng vụ nhãn.")

    parcel.refresh_from_db()
    assert parcel.status == Fulfilment.Status.CANCELLED
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    entries = LedgerEntry.objects.filter(fulfilment=parcel)
    assert sum(entry.amount for entry in entries) == 0
    assert set(entries.values_list("kind", flat=True)) == {"deposit", "commission", "reversal"}
    assert ledger_summary(vendor=seeded["farm"])["balance"] == 0
    assert preorders.preordered_quantity(product_id=seeded["longan"].pk) == 0
    response = english.post(f"/basket/add/{seeded['longan'].pk}/", {"quantity": 5}, follow=True)
    assert "fully pre-ordered" not in response.content.decode()
    assert "Nhãn lồng Hưng Yên" in _basket_lines(english)


def test_the_last_capped_units_go_to_the_first_order_placed_not_to_both(english, seeded):
    """Two buyers with the last units in their baskets: the second one's "Place order"
    is refused with the number left, and nothing is written for it."""
    longan = seeded["longan"]
    late = Client()
    late.cookies["django_language"] = "en"
    late.post(f"/basket/add/{longan.pk}/", {"quantity": 4})
    late.post("/checkout/", {"username": "late@example.vn", "options": "anonymous"})
    late.post("/checkout/shipping-address/", address_form_data())
    late.get("/checkout/shipping-method/", follow=True)
    late.post("/checkout/payment-method/", {"method": "bank_transfer"})
    assert late.get("/checkout/preview/").status_code == 200

    _checkout(english, [(longan, 3)], email="early@example.vn")
    orders = Order.objects.count()
    response = late.post(
        "/checkout/preview/", {"action": "place_order", "privacy_consent": "on"}, follow=True
    )

    html = response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert "Only 2 more of “Nhãn lồng Hưng Yên” can be pre-ordered" in html
    assert Order.objects.count() == orders
    assert preorders.preordered_quantity(product_id=longan.pk) == 3


def test_staff_awaiting_the_transfer_expect_the_deposit_the_buyer_was_asked_for(
    english, seeded, staff_user
):
    _preview, order = _checkout(english, [(seeded["longan"], 2)])
    preordered = Fulfilment.objects.get(order=order)
    due_now = order.total_incl_tax - preordered.balance
    assert due_now == Decimal("72000")

    staff = Client()
    staff.cookies["django_language"] = "en"
    staff.force_login(staff_user)
    page = staff.get("/dashboard/payments/transfers/").content.decode()
    row = re.search(rf"<td>{order.number}</td>.*?</tr>", page, re.S).group(0)
    assert vnd(due_now) in unescape(row)
    assert vnd(order.total_incl_tax) not in unescape(row)

    staff.post("/dashboard/payments/transfers/", {"number": order.number, "reference": "FT26"})
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert [event.amount for event in order.payment_events.all()] == [due_now]


def test_the_producer_home_counts_a_pre_order_to_send_once_its_day_has_come(
    client, seeded, monkeypatch
):
    client.cookies["django_language"] = "en"
    _checkout(client, [(seeded["longan"], 1)], email="hoa@example.vn")
    client.force_login(seeded["farmer"])

    def to_send() -> str:
        page = client.get("/dashboard/").content.decode()
        return re.search(r'id="parcels-to-ship">([^<]*)<', page).group(1)

    assert to_send() == "0 parcels to pack or send"
    _days_pass(monkeypatch, seeded["ships_from"])
    assert to_send() == "1 parcel to pack or send"
