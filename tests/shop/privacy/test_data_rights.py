"""A buyer's copy of their data and the erasure of their account: the copy holds everything
seeded for the buyer and nothing of a second buyer with similar data; after erasure no text
column of any table holds the buyer's name, address, phone or street; strangers reach
neither; every copy and erasure is audited, with who acted."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.test import Client
from django.utils import timezone
from oscar.apps.partner.strategy import Default
from oscar.core.loading import get_model

from shop.mail.models import SentMail
from shop.payments.models import PaymentAttempt
from shop.privacy.models import ConsentRecord, PrivacyAction, PrivacyAuditEntry
from shop.privacy.services import account_erase, consent_give, subject_hash
from tests.factories import ProductFactory, UserFactory, placed_order, vendor_user
from vendors.models import Fulfilment, LedgerEntry

User = get_user_model()
Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
UserAddress = get_model("address", "UserAddress")
Country = get_model("address", "Country")
ProductReview = get_model("reviews", "ProductReview")
ProductAlert = get_model("customer", "ProductAlert")
WishList = get_model("wishlists", "WishList")
Basket = get_model("basket", "Basket")

PASSWORD = "mat-khau-rieng-2026"

# Two buyers whose data look alike: same kind of names, streets and phones, bought from the
# same producer. Each string below belongs to one of them only.
BUYERS = {
    "quynh": {
        "first_name": "Quỳnh Như",
        "last_name": "Lê Hoàng",
        "email": "quynh.nhu.rieng@example.vn",
        "phone": "+84987650001",
        "street": "45 Ngõ Trúc Lạc",
        "note": "Gọi trước khi giao, cổng xanh",
        "review": "Miến dai, nấu lẩu rất ngon",
    },
    "vy": {
        "first_name": "Thảo Vy",
        "last_name": "Đỗ Minh",
        "email": "thao.vy.rieng@example.vn",
        "phone": "+84987650002",
        "street": "46 Ngõ Trúc Bạch",
        "note": "Để hàng ở quán nước đầu ngõ",
        "review": "Mật ong thơm, đóng chai cẩn thận",
    },
}


def _strings(key: str) -> list[str]:
    """What names the buyer: the strings no table may keep after their account is erased."""
    buyer = BUYERS[key]
    return [
        buyer["first_name"],
        buyer["last_name"],
        buyer["email"],
        buyer["phone"],
        buyer["phone"].removeprefix("+84"),
        buyer["street"],
        buyer["note"],
    ]


def _seed_buyer(key: str, products) -> User:
    """A buyer with every kind of data the shop holds: address book, a delivered order with a
    staff note and a card attempt, a review, a stock alert, a wish list, an open basket,
    consents, a failed login, a sent mail, a signed-in session."""
    buyer = BUYERS[key]
    user = UserFactory(
        email=buyer["email"],
        username=f"u-{key}",
        first_name=buyer["first_name"],
        last_name=buyer["last_name"],
        password=PASSWORD,
    )
    vietnam = Country.objects.get(iso_3166_1_a2="VN")
    UserAddress.objects.create(
        user=user,
        first_name=f"{buyer['last_name']} {buyer['first_name']}",
        line1=buyer["street"],
        line3="Phường Hoàn Kiếm",
        line4="Hà Nội",
        phone_number=buyer["phone"],
        notes=buyer["note"],
        country=vietnam,
    )
    order = placed_order([(products[0], 1), (products[1], 2)], email="", user=user)
    order.shipping_address.first_name = f"{buyer['last_name']} {buyer['first_name']}"
    order.shipping_address.last_name = ""
    order.shipping_address.line1 = buyer["street"]
    order.shipping_address.phone_number = buyer["phone"]
    order.shipping_address.notes = buyer["note"]
    order.shipping_address.save()
    Fulfilment.objects.filter(order=order).update(status="delivered", delivered_at=timezone.now())
    # Staff notes are the shop's working notes: scrubbed on erasure, never in the copy.
    OrderNote.objects.create(
        order=order, message=f"Khách {buyer['first_name']} gọi {buyer['phone']} hỏi giờ giao"
    )
    PaymentAttempt.objects.create(
        user=user,
        intent_id=f"pi_{key}",
        amount=order.total_incl_tax,
        order_number=order.number,
        checkout_data={"shipping_address": {"line1": buyer["street"], "phone": buyer["phone"]}},
    )
    ProductReview.objects.create(
        product=products[0],
        user=user,
        score=5,
        title=f"Ý kiến của {key}",
        body=buyer["review"],
        status=ProductReview.APPROVED,
    )
    ProductAlert.objects.create(product=products[1], user=user)
    # A guest alert under the same address belongs to the same person.
    ProductAlert.objects.create(product=products[0], email=buyer["email"])
    wishlist = WishList.objects.create(owner=user, name=f"Quà Tết của {key}")
    wishlist.add(products[1])
    basket = Basket.objects.create(owner=user)
    basket.strategy = Default()
    basket.add_product(products[0], 3)
    consent_give(purpose="account", method="signup_form", user=user)
    consent_give(purpose="orders", method="checkout_form", user=user, order_number=order.number)
    AccessAttempt.objects.create(
        username=buyer["email"],
        ip_address="203.0.113.7",
        user_agent="Mozilla",
        failures_since_start=1,
        get_data="",
        post_data="",
        http_accept="*/*",
        path_info="/accounts/login/",
    )
    SentMail.objects.create(
        once_key=f"order-placed:{order.number}",
        template="checkout/emails/order_placed",
        recipients=buyer["email"],
        language="vi",
    )
    Client().force_login(user)
    return user


@pytest.fixture(scope="module")
def buyers(django_db_setup, django_db_blocker):
    """Both buyers seeded once for the module, rolled back when it ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        Country.objects.update_or_create(
            iso_3166_1_a2="VN",
            defaults={
                "printable_name": "Việt Nam",
                "name": "Việt Nam",
                "is_shipping_country": True,
            },
        )
        products = [
            ProductFactory(title="Miến dong Bình Liêu riêng"),
            ProductFactory(title="Mật ong hoa ban riêng"),
        ]
        seeded = {key: _seed_buyer(key, products) for key in BUYERS}
        yield seeded
        transaction.set_rollback(True)


def _client(user) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


def _download(client, data_format: str):
    return client.post(
        "/accounts/personal-data/", {"password": PASSWORD, "data_format": data_format}
    )


def _csv_text(response) -> str:
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return "\n".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())


def _seeded_texts(key: str) -> list[str]:
    buyer = BUYERS[key]
    return [*_strings(key), buyer["review"], f"Quà Tết của {key}"]


@pytest.mark.django_db
def test_the_copy_holds_everything_of_the_buyer_and_nothing_of_the_other(buyers):
    client = _client(buyers["quynh"])

    response = _download(client, "json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    text = response.content.decode()
    for seeded in _seeded_texts("quynh"):
        assert seeded in text, seeded
    for other in _seeded_texts("vy"):
        assert other not in text, other
    order = buyers["quynh"].orders.get()
    assert [o["number"] for o in data["orders"]] == [order.number]
    exported = data["orders"][0]
    assert {line["product"] for line in exported["lines"]} == {
        "Miến dong Bình Liêu riêng",
        "Mật ong hoa ban riêng",
    }
    assert exported["parcels"] and exported["parcels"][0]["status"] == "delivered"
    assert exported["parcels"][0]["timeline"]
    assert len(data["addresses"]) == 1 and len(data["reviews"]) == 1
    assert len(data["product_alerts"]) == 2 and len(data["wishlists"]) == 1
    assert data["baskets"][0]["products"] == [
        {"product": "Miến dong Bình Liêu riêng", "quantity": 3}
    ]
    assert {c["purpose"] for c in data["consents"]} == {"account", "orders"}
    # The shop's own working records stay out: staff notes, card processor ids.
    assert "hỏi giờ giao" not in text
    assert "pi_quynh" not in text


@pytest.mark.django_db
def test_the_csv_copy_is_a_zip_of_tables_with_the_same_data(buyers):
    response = _download(_client(buyers["vy"]), "csv")

    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    for table in ("profile.csv", "orders.csv", "orders_lines.csv", "orders_parcels.csv"):
        assert table in names
    text = _csv_text(response)
    for seeded in _seeded_texts("vy"):
        assert seeded in text, seeded
    for other in _seeded_texts("quynh"):
        assert other not in text, other


@pytest.mark.django_db
def test_a_copy_needs_the_password_and_each_copy_is_audited(buyers):
    client = _client(buyers["quynh"])

    wrong = client.post("/accounts/personal-data/", {"password": "not-mine", "data_format": "json"})

    assert wrong.status_code == 400
    assert "This is not your password" in wrong.content.decode()
    assert not PrivacyAuditEntry.objects.exists()

    _download(client, "csv")

    entry = PrivacyAuditEntry.objects.get()
    assert entry.action == PrivacyAction.EXPORT and entry.detail == "csv"
    assert entry.subject == subject_hash(user_id=buyers["quynh"].pk)
    assert entry.staff is None


def _text_columns():
    # Every table: each concrete model's (a proxy shares its table; an unmanaged one is a
    # view over tables already read).
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.JSONField))
        ]
        if fields:
            yield model, fields


def _rows_holding(strings: list[str]) -> list[str]:
    """Every table and text column of the database (and the sessions' decoded contents)
    that holds one of `strings`, ignoring case."""
    wanted = [s.lower() for s in strings]
    found = []
    for model, fields in _text_columns():
        for row in model._base_manager.values_list("pk", *fields).iterator():
            for name, value in zip(fields, row[1:], strict=True):
                if value is None:
                    continue
                if isinstance(value, (dict, list)):
                    text = json.dumps(value, ensure_ascii=False)
                else:
                    text = str(value)  # phones come as PhoneNumber objects
                text = text.lower()
                found += [f"{model._meta.label}.{name} #{row[0]}: {s}" for s in wanted if s in text]
    for session in Session.objects.all():
        text = json.dumps(session.get_decoded(), ensure_ascii=False).lower()
        found += [f"session {session.pk}: {s}" for s in wanted if s in text]
    return found


@pytest.mark.django_db
def test_erasure_leaves_no_personal_field_of_the_buyer_in_any_table(buyers):
    buyer = buyers["quynh"]
    order_number = buyer.orders.get().number
    other_order = buyers["vy"].orders.get().number
    assert _rows_holding(_strings("quynh")), "the seed must put the buyer in the database"
    client = _client(buyer)

    page = client.get("/accounts/profile/delete/")
    assert page.status_code == 200 and "What deleting your account does" in page.content.decode()
    wrong = client.post("/accounts/profile/delete/", {"password": "not-mine"})
    assert wrong.status_code == 200 and User.objects.filter(pk=buyer.pk).exists()

    response = client.post("/accounts/profile/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert _rows_holding(_strings("quynh")) == []
    # The order is kept for the accounts and the producer's ledger, with nobody on it.
    order = Order.objects.get(number=order_number)
    assert order.user_id is None and order.guest_email == ""
    assert order.lines.count() == 2 and order.total_incl_tax > 0
    assert Fulfilment.objects.filter(order=order).exists()
    assert LedgerEntry.objects.filter(order=order).exists()
    # The review stays as a buyer's opinion; the consents stay, tied to no one.
    review = ProductReview.objects.get(body=BUYERS["quynh"]["review"])
    assert review.user_id is None
    assert ConsentRecord.objects.filter(order_number=order_number, user=None).exists()
    # Signed out everywhere; the other buyer keeps everything.
    assert client.get("/accounts/personal-data/").status_code == 302
    kept = _rows_holding(_strings("vy"))
    assert all(any(s.lower() in row for row in kept) for s in _strings("vy"))
    assert Order.objects.get(number=other_order).user == buyers["vy"]
    entry = PrivacyAuditEntry.objects.get(action=PrivacyAction.ERASE)
    assert entry.subject == subject_hash(user_id=buyer.pk) and entry.staff is None


@pytest.mark.django_db
def test_a_second_erasure_of_an_account_already_erased_does_nothing(buyers):
    """A double click on "Delete my account": the second request holds the account as it
    was loaded before the first one finished; it finds the account gone and stops there."""
    buyer = buyers["quynh"]
    loaded_by_the_second_click = User.objects.get(pk=buyer.pk)
    response = _client(buyer).post("/accounts/profile/delete/", {"password": PASSWORD})
    assert response.status_code == 302

    account_erase(user=loaded_by_the_second_click)

    assert not User.objects.filter(pk=buyer.pk).exists()
    assert PrivacyAuditEntry.objects.filter(action=PrivacyAction.ERASE).count() == 1


@pytest.mark.django_db
def test_the_product_page_signs_an_erased_buyers_review_as_a_buyer(buyers):
    product = ProductReview.objects.get(body=BUYERS["quynh"]["review"]).product
    _client(buyers["quynh"]).post("/accounts/profile/delete/", {"password": PASSWORD})

    page = Client(headers={"cookie": "django_language=en"}).get(product.get_absolute_url())

    text = page.content.decode()
    assert BUYERS["quynh"]["review"] in text
    assert "A buyer who received the product, on" in text


@pytest.mark.django_db
def test_erasure_waits_while_a_parcel_is_on_its_way(buyers):
    buyer = buyers["quynh"]
    Fulfilment.objects.filter(order__user=buyer).update(status="packed")
    client = _client(buyer)

    page = client.get("/accounts/personal-data/")
    response = client.post("/accounts/profile/delete/", {"password": PASSWORD})

    number = buyer.orders.get().number
    assert f"Your order {number} is not finished yet" in page.content.decode()
    assert response.status_code == 409
    assert "Your order" in response.content.decode()
    assert User.objects.filter(pk=buyer.pk).exists()
    assert not PrivacyAuditEntry.objects.exists()


@pytest.mark.django_db
def test_a_producers_account_is_not_erased_by_its_holder(buyers):
    member = vendor_user(password=PASSWORD)
    client = _client(member)

    response = client.post("/accounts/profile/delete/", {"password": PASSWORD})

    assert response.status_code == 409
    assert "manages a producer" in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


@pytest.mark.django_db
def test_strangers_reach_neither_the_copy_nor_the_erasure_of_another_account(buyers):
    victim = buyers["quynh"]
    producer = vendor_user(password=PASSWORD)
    for stranger in (buyers["vy"], producer):
        client = _client(stranger)
        lookup = client.get("/dashboard/personal-data/", {"email": victim.email})
        export = client.post(
            f"/dashboard/personal-data/{victim.pk}/export/",
            {"password": PASSWORD, "data_format": "json", "request_reference": "x"},
        )
        erase = client.post(
            f"/dashboard/personal-data/{victim.pk}/erase/",
            {"password": PASSWORD, "confirm_email": victim.email, "request_reference": "x"},
        )
        assert (lookup.status_code, export.status_code, erase.status_code) == (403, 403, 403)
        # The account's own page takes no id: an id in the query changes nothing.
        own = client.post(
            f"/accounts/personal-data/?user={victim.pk}",
            {"password": PASSWORD, "data_format": "json"},
        )
        assert victim.email not in own.content.decode()
    anonymous = Client().post(
        f"/dashboard/personal-data/{victim.pk}/export/", {"data_format": "json"}
    )
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert Client().get("/accounts/personal-data/").status_code == 302
    assert User.objects.filter(pk=victim.pk).exists()
    assert not PrivacyAuditEntry.objects.filter(subject=subject_hash(user_id=victim.pk)).exists()


@pytest.fixture
def staff_member(db):
    return UserFactory(is_staff=True, email="nhanvien@ocop.example", password="staff-pass-2026")


@pytest.mark.django_db
def test_staff_copy_and_erase_on_request_and_each_action_is_audited(buyers, staff_member):
    buyer = buyers["vy"]
    client = _client(staff_member)

    found = client.get("/dashboard/personal-data/", {"email": buyer.email.upper()})
    assert found.status_code == 200 and buyer.email in found.content.decode()

    export = client.post(
        f"/dashboard/personal-data/{buyer.pk}/export/",
        {"password": "staff-pass-2026", "data_format": "json", "request_reference": "YC-2026-17"},
    )
    assert export.status_code == 200
    assert json.loads(export.content)["profile"]["email"] == buyer.email

    mistyped = client.post(
        f"/dashboard/personal-data/{buyer.pk}/erase/",
        {
            "password": "staff-pass-2026",
            "confirm_email": "someone@example.vn",
            "request_reference": "YC-2026-18",
        },
    )
    assert mistyped.status_code == 400 and User.objects.filter(pk=buyer.pk).exists()

    erase = client.post(
        f"/dashboard/personal-data/{buyer.pk}/erase/",
        {
            "password": "staff-pass-2026",
            "confirm_email": buyer.email,
            "request_reference": "YC-2026-18",
        },
    )

    assert erase.status_code == 302
    assert not User.objects.filter(pk=buyer.pk).exists()
    assert _rows_holding(_strings("vy")) == []
    entries = list(PrivacyAuditEntry.objects.order_by("at", "pk"))
    assert [(e.action, e.staff, e.request_reference) for e in entries] == [
        (PrivacyAction.EXPORT, staff_member, "YC-2026-17"),
        (PrivacyAction.ERASE, staff_member, "YC-2026-18"),
    ]
    assert {e.subject for e in entries} == {subject_hash(user_id=buyer.pk)}
    page = client.get("/dashboard/personal-data/").content.decode()
    assert "YC-2026-18" in page and buyer.email not in page


@pytest.mark.django_db
def test_a_session_of_the_erased_buyer_elsewhere_is_ended(buyers):
    buyer = buyers["quynh"]
    elsewhere = _client(buyer)
    assert elsewhere.get("/accounts/personal-data/").status_code == 200

    _client(buyer).post("/accounts/profile/delete/", {"password": PASSWORD})

    assert elsewhere.get("/accounts/personal-data/").status_code == 302
    live = Session.objects.filter(expire_date__gt=timezone.now() - timedelta(days=1))
    assert not [s for s in live if s.get_decoded().get("_auth_user_id") == str(buyer.pk)]
