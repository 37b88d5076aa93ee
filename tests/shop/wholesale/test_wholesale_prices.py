"""Wholesale prices of tourism partners: who sees them (product page, public API, basket, the
page cache), what a line costs at each quantity, and the ledger of a wholesale sale."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import transaction

from shop.tourism.models import TourismPartner
from shop.wholesale.services import wholesale_tiers_set
from tests.factories import ProductFactory, UserFactory, VendorFactory, vendor_user
from vendors.models import LedgerEntry

pytestmark = pytest.mark.django_db

TIER_TEXT = "90.000"
DEEP_TIER_TEXT = "80.000"


def _partner(name: str, status: str, member) -> TourismPartner:
    partner = TourismPartner.objects.create(
        organisation=name,
        kind=TourismPartner.Kind.HOTEL,
        contact_name="Lê Minh Châu",
        email=f"{name.split()[-1].lower()}@example.vn",
        status=status,
    )
    partner.members.add(member)
    return partner


@pytest.fixture(scope="module")
def shop(django_db_setup, django_db_blocker):
    """Noodles at 100.000 ₫ with tiers from 10 (90.000 ₫) and 50 units (80.000 ₫), honey
    without tiers, and the buyers: members of approved, pending and suspended partners and a
    retail buyer. Written once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        noodles_maker = VendorFactory(
            legal_name="HTX Miến dong Bình Liêu", commission_rate=Decimal("0.100")
        )
        noodles = ProductFactory(
            vendor=noodles_maker, title="Miến dong Bình Liêu 500g", stock=("100000", 500)
        )
        honey = ProductFactory(
            vendor=VendorFactory(legal_name="HTX Mật ong"),
            title="Mật ong hoa ban",
            stock=(
                "150000",
                50,
            ),
        )
        wholesale_tiers_set(
            vendor=noodles_maker,
            product_id=noodles.pk,
            tiers=[(10, Decimal("90000")), (50, Decimal("80000"))],
        )
        approved, pending, suspended = UserFactory(), UserFactory(), UserFactory()
        _partner("Khách sạn Bình Liêu", TourismPartner.Status.APPROVED, approved)
        _partner("Nhà hàng Đồng Văn", TourismPartner.Status.PENDING, pending)
        _partner("Lữ hành Hạ Long", TourismPartner.Status.SUSPENDED, suspended)
        yield SimpleNamespace(
            noodles_maker=noodles_maker,
            noodles=noodles,
            honey=honey,
            approved=approved,
            pending=pending,
            suspended=suspended,
            retail=UserFactory(),
            producer=vendor_user(noodles_maker),
        )
        transaction.set_rollback(True)


def _signed_in(client, user):
    client.force_login(user)
    return client


def _basket_page_after_adding(client, product, quantity: int) -> str:
    response = client.post(f"/basket/add/{product.pk}/", {"quantity": quantity})
    assert response.status_code == 302
    return client.get("/basket/").content.decode()


# Product page --------------------------------------------------------------------------------


def test_an_approved_partner_sees_the_tiers_on_the_product_page(client, shop):
    page = _signed_in(client, shop.approved).get(shop.noodles.get_absolute_url())

    text = page.content.decode()
    assert page.status_code == 200
    assert "Giá sỉ" in text
    assert "Từ 10 sản phẩm: 90.000\xa0₫ mỗi sản phẩm" in text
    assert "Từ 50 sản phẩm: 80.000\xa0₫ mỗi sản phẩm" in text
    # The page of a product without tiers says nothing of wholesale.
    assert "Giá sỉ" not in client.get(shop.honey.get_absolute_url()).content.decode()


@pytest.mark.parametrize("who", ["anonymous", "retail", "pending", "suspended"])
def test_nobody_else_sees_the_tiers_on_the_product_page(client, shop, who):
    if who != "anonymous":
        _signed_in(client, getattr(shop, who))

    text = client.get(shop.noodles.get_absolute_url()).content.decode()

    assert "100.000" in text
    assert "Giá sỉ" not in text
    assert TIER_TEXT not in text and DEEP_TIER_TEXT not in text


def test_a_partners_page_is_never_kept_for_anonymous_readers(client, shop, settings):
    settings.PAGE_CACHE_ENABLED = True
    url = shop.noodles.get_absolute_url()
    partner_page = _signed_in(client, shop.approved).get(url)
    assert "Giá sỉ" in partner_page.content.decode()
    # Not kept: the middleware marks a page it keeps "miss".
    assert partner_page.get("X-Page-Cache") is None

    client.logout()
    client.cookies.clear()
    first, second = client.get(url), client.get(url)

    assert second["X-Page-Cache"] == "hit"
    for response in (first, second):
        assert "Giá sỉ" not in response.content.decode()
        assert TIER_TEXT not in response.content.decode()


def test_a_partner_is_not_served_an_anonymous_page_from_the_cache(client, shop, settings):
    settings.PAGE_CACHE_ENABLED = True
    url = shop.noodles.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    page = _signed_in(client, shop.approved).get(url)

    assert page.get("X-Page-Cache") is None
    assert "Giá sỉ" in page.content.decode()


# Public API ----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "approved"])
def test_the_public_api_shows_the_retail_price_only(client, shop, who, empty_cache):
    if who != "anonymous":
        _signed_in(client, shop.approved)

    detail = client.get(f"/api/v1/products/{shop.noodles.pk}/")
    listing = client.get("/api/v1/products/", {"q": "Miến dong Bình Liêu"})

    assert detail.status_code == 200
    assert detail.json()["price"] == 100000
    assert listing.status_code == 200
    for body in (detail.content.decode(), listing.content.decode()):
        assert "90000" not in body and "80000" not in body
        assert "wholesale" not in body.lower()


# Basket --------------------------------------------------------------------------------------


def test_an_approved_partner_pays_the_tier_of_the_lines_quantity(client, shop):
    _signed_in(client, shop.approved)

    page = _basket_page_after_adding(client, shop.noodles, 10)
    assert "900.000" in page  # 10 × 90.000 ₫

    page = _basket_page_after_adding(client, shop.noodles, 40)
    assert "4.000.000" in page  # 50 × 80.000 ₫

    # Fewer units on the line again: back to the first tier, then to retail.
    line = client.get("/basket/").context["formset"].forms[0]
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": line.instance.pk,
        "form-0-quantity": "12",
    }
    assert client.post("/basket/", data).status_code == 302
    assert "1.080.000" in client.get("/basket/").content.decode()  # 12 × 90.000 ₫
    data["form-0-quantity"] = "3"
    assert client.post("/basket/", data).status_code == 302
    page = client.get("/basket/").content.decode()
    assert "300.000" in page  # 3 × 100.000 ₫
    assert "đã giảm" not in page and "đã tăng" not in page  # no "price changed" warning


@pytest.mark.parametrize("who", ["anonymous", "retail", "pending", "suspended"])
def test_everyone_else_pays_retail_whatever_the_quantity(client, shop, who):
    if who != "anonymous":
        _signed_in(client, getattr(shop, who))

    page = _basket_page_after_adding(client, shop.noodles, 50)

    assert "5.000.000" in page  # 50 × 100.000 ₫
    assert "4.000.000" not in page


def test_a_forged_price_in_the_add_form_changes_nothing(client, shop):
    _signed_in(client, shop.retail)
    client.post(
        f"/basket/add/{shop.noodles.pk}/",
        {"quantity": 50, "price": "80000", "price_incl_tax": "80000", "wholesale": "1"},
    )
    assert "5.000.000" in client.get("/basket/").content.decode()


def test_a_partner_suspended_after_filling_the_basket_gets_retail(client, shop):
    _signed_in(client, shop.approved)
    assert "900.000" in _basket_page_after_adding(client, shop.noodles, 10)

    TourismPartner.objects.filter(members=shop.approved).update(
        status=TourismPartner.Status.SUSPENDED
    )

    page = client.get("/basket/").content.decode()
    assert "1.000.000" in page
    assert "Giá sỉ" not in client.get(shop.noodles.get_absolute_url()).content.decode()


# Ledger --------------------------------------------------------------------------------------


def test_the_ledger_records_the_wholesale_price_paid(shop):
    from oscar.core.loading import get_class

    from shop.basket.models import Basket
    from shop.checkout.placement import order_place
    from tests.factories import vietnam_ensure
    from tests.shop.checkout.helpers import address

    vietnam_ensure()
    Selector = get_class("partner.strategy", "Selector")
    basket = Basket.objects.create(owner=shop.approved)
    basket.strategy = Selector().strategy(user=shop.approved)
    basket.add_product(shop.noodles, 50)

    order = order_place(
        basket=basket,
        user=shop.approved,
        shipping_address=address(),
        payment_method="cod",
        status="Awaiting delivery payment",
    )

    line = order.lines.get()
    assert line.unit_price_incl_tax == Decimal("80000")
    entries = {
        entry.kind: entry.amount
        for entry in LedgerEntry.objects.filter(order=order, vendor=shop.noodles_maker)
    }
    # 50 × 80.000 ₫ of goods and the parcel's fee; the commission is 10% of the goods.
    assert entries["sale"] == Decimal("4000000") + order.shipping_incl_tax
    assert entries["commission"] == Decimal("-400000")
