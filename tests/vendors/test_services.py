"""Producers over Oscar partners: one per tax code, validated before anything is written."""

import pytest
from django.core.exceptions import ValidationError
from oscar.apps.partner.models import Partner

from tests.factories import ProductFactory, UserFactory, commune
from vendors.models import Vendor
from vendors.services import vendor_member_add, vendor_upsert

pytestmark = pytest.mark.django_db

DETAILS = {
    "legal_name": "Hợp tác xã Dầu sở Hoành Mô",
    "kind": Vendor.Kind.COOPERATIVE,
    "contact_name": "Lý Thị Hoa",
    "phone": "0912345601",
    "email": "dauso@example.vn",
}


def test_a_producer_gets_its_own_oscar_partner():
    vendor = vendor_upsert(tax_code="5701234567", commune=commune(), **DETAILS)

    assert vendor.partner.name == "Hợp tác xã Dầu sở Hoành Mô"
    assert vendor.slug == "hop-tac-xa-dau-so-hoanh-mo"
    assert vendor.status == Vendor.Status.PENDING
    assert vendor.place_label == "Xã Bình Liêu, Quảng Ninh"


def test_the_same_tax_code_updates_the_producer_instead_of_duplicating_it():
    first = vendor_upsert(tax_code="5701234567", commune=commune(), **DETAILS)

    again = vendor_upsert(
        tax_code="5701234567", commune=commune(), **{**DETAILS, "phone": "0987654321"}
    )

    assert again.pk == first.pk
    assert Vendor.objects.count() == 1 and Partner.objects.count() == 1
    assert Vendor.objects.get().phone == "0987654321"


@pytest.mark.parametrize(
    ("field", "value"),
    [("tax_code", "57012"), ("phone", "12345"), ("email", "not-an-address")],
)
def test_bad_details_are_refused_and_nothing_is_written(field, value):
    arguments = {"tax_code": "5701234567", "commune": commune(), **DETAILS, field: value}

    with pytest.raises(ValidationError) as excinfo:
        vendor_upsert(**arguments)

    assert field in excinfo.value.message_dict
    assert Vendor.objects.count() == 0 and Partner.objects.count() == 0


def test_a_producer_member_sees_only_its_own_products_in_the_dashboard(client):
    own = ProductFactory(title="Miến dong của chúng tôi")
    other = ProductFactory(title="Mật ong của người khác")
    user = UserFactory()
    vendor_member_add(vendor=own.vendor, user=user)
    client.force_login(user)

    listing = client.get("/dashboard/catalogue/")
    foreign = client.get(f"/dashboard/catalogue/products/{other.pk}/")

    assert listing.status_code == 200
    assert own.title in listing.content.decode()
    assert other.title not in listing.content.decode()
    assert foreign.status_code in (403, 404)


# The status changes by a bulk UPDATE, which sends no signal: a kept page would stay until its
# timeout. What is checked here is what the listings read when they are rendered.
@pytest.mark.usefixtures("page_cache_off")
def test_a_suspended_producer_leaves_the_storefront_but_keeps_its_data(client):
    product = ProductFactory(title="Chè shan tuyết Bình Liêu")
    assert product.title in client.get("/catalogue/").content.decode()

    Vendor.objects.filter(pk=product.vendor_id).update(status=Vendor.Status.SUSPENDED)

    assert product.title not in client.get("/catalogue/").content.decode()
    assert product.title not in client.get("/search/?q=shan").content.decode()
    assert Vendor.objects.get(pk=product.vendor_id).products.get() == product


def test_a_suspended_producers_product_page_is_gone_for_shoppers_not_for_the_producer(client):
    product = ProductFactory(title="Miến dong tạm ngừng")
    member = UserFactory()
    vendor_member_add(vendor=product.vendor, user=member)
    Vendor.objects.filter(pk=product.vendor_id).update(status=Vendor.Status.SUSPENDED)

    assert client.get(product.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(product.get_absolute_url()).status_code == 200
