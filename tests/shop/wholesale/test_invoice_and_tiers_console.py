"""A partner's invoice details from checkout to each producer's parcel, the tax code's check,
and the producer's console where the wholesale tiers are set (its own products only)."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from shop.tourism.models import TourismPartner
from shop.wholesale.models import InvoiceDetails, WholesaleTier
from shop.wholesale.taxcode import tax_code_clean
from tests.factories import ProductFactory, UserFactory, VendorFactory, vendor_user, vietnam_ensure
from tests.shop.checkout.helpers import address_form_data
from vendors.models import Fulfilment

pytestmark = pytest.mark.django_db

TAX_CODE = "0100109106"  # an existing company's code: its check digit is right


def _partner(name: str, member) -> TourismPartner:
    partner = TourismPartner.objects.create(
        organisation=name,
        kind=TourismPartner.Kind.HOTEL,
        contact_name="Lê Minh Châu",
        email="datphong@example.vn",
        status=TourismPartner.Status.APPROVED,
    )
    partner.members.add(member)
    return partner


@pytest.fixture(scope="module")
def shop(django_db_setup, django_db_blocker):
    """Noodles (tiers from 10 units) and honey from two producers, two approved partners and
    a retail buyer, written once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        vietnam_ensure()
        noodles_maker = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
        honey_maker = VendorFactory(legal_name="HTX Mật ong Điện Biên")
        noodles = ProductFactory(vendor=noodles_maker, title="Miến dong 500g", stock=("100000", 90))
        honey = ProductFactory(vendor=honey_maker, title="Mật ong hoa ban", stock=("150000", 90))
        WholesaleTier.objects.create(product=noodles, min_quantity=10, price=Decimal("90000"))
        hotel_member, restaurant_member = UserFactory(), UserFactory()
        yield SimpleNamespace(
            noodles_maker=noodles_maker,
            honey_maker=honey_maker,
            noodles=noodles,
            honey=honey,
            hotel_member=hotel_member,
            hotel=_partner("Khách sạn Bình Liêu", hotel_member),
            restaurant_member=restaurant_member,
            restaurant=_partner("Nhà hàng Đồng Văn", restaurant_member),
            retail=UserFactory(),
            noodles_staff=vendor_user(noodles_maker),
            honey_staff=vendor_user(honey_maker),
        )
        transaction.set_rollback(True)


def _to_payment_step(client, user, items):
    client.force_login(user)
    for product, quantity in items:
        assert client.post(f"/basket/add/{product.pk}/", {"quantity": quantity}).status_code == 302
    client.get("/checkout/")
    response = client.post("/checkout/shipping-address/", address_form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.get("/checkout/shipping-method/", follow=True).status_code == 200


def _invoice(**fields) -> dict:
    return {
        "method": "cod",
        "invoice-wants_invoice": "on",
        "invoice-company_name": "Công ty TNHH Khách sạn Bình Liêu",
        "invoice-tax_code": TAX_CODE,
        "invoice-address": "Số 5 Phố Lý Thường Kiệt, Bình Liêu, Quảng Ninh",
        "invoice-email": "ketoan@khachsanbinhlieu.example",
        **fields,
    }


def _place(client):
    assert client.get("/checkout/preview/").status_code == 200
    response = client.post("/checkout/preview/", {"action": "place_order", "privacy_consent": "on"})
    assert response.status_code == 302, response.content.decode()[:3000]


# Tax codes -----------------------------------------------------------------------------------


def test_tax_codes_of_companies_and_branches_are_accepted():
    assert tax_code_clean(" 0100 109 106 ") == TAX_CODE
    assert tax_code_clean("0100109106-001") == "0100109106-001"


@pytest.mark.parametrize("raw", ["010010910", "01001091061", "0100109106-1", "MST0100109106"])
def test_a_tax_code_of_the_wrong_shape_is_refused(raw):
    with pytest.raises(ValidationError, match="gồm 10 chữ số"):
        tax_code_clean(raw)


def test_a_tax_code_with_a_wrong_check_digit_is_refused():
    with pytest.raises(ValidationError, match="không tồn tại"):
        tax_code_clean("0100109107")


def test_a_bad_tax_code_at_checkout_says_what_is_wrong_and_saves_nothing(client, shop):
    _to_payment_step(client, shop.hotel_member, [(shop.noodles, 10)])

    response = client.post("/checkout/payment-method/", _invoice(**{"invoice-tax_code": "12345"}))

    assert response.status_code == 200
    assert "Mã số thuế gồm 10 chữ số" in response.content.decode()
    assert not InvoiceDetails.objects.exists()
    missing = client.post("/checkout/payment-method/", _invoice(**{"invoice-company_name": ""}))
    assert "Cần có để xuất hóa đơn GTGT." in missing.content.decode()
    assert not InvoiceDetails.objects.exists()


# From checkout to the parcels ----------------------------------------------------------------


def test_the_partners_invoice_details_reach_each_producers_parcel(client, shop):
    _to_payment_step(client, shop.hotel_member, [(shop.noodles, 10), (shop.honey, 2)])
    page = client.get("/checkout/payment-method/").content.decode()
    assert "Hóa đơn GTGT" in page
    assert "Khách sạn Bình Liêu" in page  # the company name starts as the partner's

    response = client.post("/checkout/payment-method/", _invoice())
    assert response.status_code == 302
    assert "Công ty TNHH Khách sạn Bình Liêu" in client.get("/checkout/preview/").content.decode()
    _place(client)

    details = InvoiceDetails.objects.get()
    order = details.order
    assert order is not None and order.user == shop.hotel_member
    assert order.lines.get(product=shop.noodles).unit_price_incl_tax == Decimal("90000")
    for staff, maker in (
        (shop.noodles_staff, shop.noodles_maker),
        (shop.honey_staff, shop.honey_maker),
    ):
        parcel = Fulfilment.objects.get(order=order, vendor=maker)
        client.force_login(staff)
        text = client.get(f"/dashboard/producer/orders/{parcel.pk}/").content.decode()
        assert "Hóa đơn GTGT cần xuất" in text
        assert "Công ty TNHH Khách sạn Bình Liêu" in text
        assert TAX_CODE in text
        assert "Số 5 Phố Lý Thường Kiệt, Bình Liêu, Quảng Ninh" in text
    # A producer opening the other's parcel gets nothing.
    other = Fulfilment.objects.get(order=order, vendor=shop.honey_maker)
    client.force_login(shop.noodles_staff)
    assert client.get(f"/dashboard/producer/orders/{other.pk}/").status_code == 404


def test_a_partner_may_buy_without_an_invoice(client, shop):
    _to_payment_step(client, shop.hotel_member, [(shop.noodles, 10)])
    assert client.post("/checkout/payment-method/", {"method": "cod"}).status_code == 302
    _place(client)

    assert not InvoiceDetails.objects.exists()
    parcel = Fulfilment.objects.get(vendor=shop.noodles_maker)
    client.force_login(shop.noodles_staff)
    assert (
        "Hóa đơn GTGT"
        not in client.get(f"/dashboard/producer/orders/{parcel.pk}/").content.decode()
    )


def test_a_retail_buyer_is_never_asked_and_a_forged_invoice_is_ignored(client, shop):
    _to_payment_step(client, shop.retail, [(shop.noodles, 10)])
    page = client.get("/checkout/payment-method/").content.decode()
    assert "Hóa đơn GTGT" not in page and "invoice-tax_code" not in page

    assert client.post("/checkout/payment-method/", _invoice()).status_code == 302
    _place(client)

    assert not InvoiceDetails.objects.exists()
    parcel = Fulfilment.objects.get(vendor=shop.noodles_maker)
    assert parcel.order.lines.get().unit_price_incl_tax == Decimal("100000")


def test_a_partner_sees_nothing_of_another_partners_invoice_details(client, shop):
    _to_payment_step(client, shop.hotel_member, [(shop.noodles, 10)])
    client.post("/checkout/payment-method/", _invoice())
    _place(client)
    client.logout()

    _to_payment_step(client, shop.restaurant_member, [(shop.noodles, 10)])
    page = client.get("/checkout/payment-method/").content.decode()

    assert "Nhà hàng Đồng Văn" in page
    assert "Công ty TNHH Khách sạn Bình Liêu" not in page
    assert TAX_CODE not in page and "ketoan@khachsanbinhlieu" not in page


# The producer's console ----------------------------------------------------------------------


def _tiers_post(client, product, rows):
    data = {
        "form-TOTAL_FORMS": "5",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "5",
        "form-MAX_NUM_FORMS": "5",
    }
    for index, (quantity, price) in enumerate(rows):
        data[f"form-{index}-min_quantity"] = str(quantity)
        data[f"form-{index}-price"] = str(price)
    return client.post(f"/dashboard/producer/wholesale/{product.pk}/", data)


def _tiers(product):
    return list(WholesaleTier.objects.filter(product=product).values_list("min_quantity", "price"))


def test_a_producer_sets_tiers_of_its_own_product(client, shop):
    client.force_login(shop.noodles_staff)
    listing = client.get("/dashboard/producer/wholesale/")
    assert "Miến dong 500g" in listing.content.decode()
    assert "Mật ong hoa ban" not in listing.content.decode()

    response = _tiers_post(client, shop.noodles, [(10, 92000), (50, 85000)])

    assert response.status_code == 302
    assert _tiers(shop.noodles) == [(10, Decimal("92000")), (50, Decimal("85000"))]


def test_another_producers_product_is_refused(client, shop):
    client.force_login(shop.noodles_staff)

    assert client.get(f"/dashboard/producer/wholesale/{shop.honey.pk}/").status_code == 404
    assert _tiers_post(client, shop.honey, [(10, 1000)]).status_code == 404
    assert _tiers(shop.honey) == []


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([(1, 90000)], "2"),
        ([(10, 100000)], "thấp hơn giá bán lẻ"),
        ([(10, 90000), (50, 95000)], "thấp hơn bậc trước"),
        ([(50, 80000), (50, 70000)], "số lượng lớn hơn bậc trước"),
        ([(10, "")], "cả số lượng và giá"),
    ],
)
def test_tiers_against_the_rules_are_refused_and_change_nothing(client, shop, rows, message):
    client.force_login(shop.noodles_staff)

    response = _tiers_post(client, shop.noodles, rows)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert _tiers(shop.noodles) == [(10, Decimal("90000"))]


def test_a_buyer_cannot_open_the_producers_console(client, shop):
    client.force_login(shop.hotel_member)

    response = client.get(f"/dashboard/producer/wholesale/{shop.noodles.pk}/")

    assert response.status_code in (302, 403)
    assert _tiers(shop.noodles) == [(10, Decimal("90000"))]
