"""The product's producer is the one answer to "who sells this": a stock record is always held
by that producer's partner, whoever posts what (a producer's member, staff, the admin), and
`check_producers` and the migration find and repair rows written otherwise."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from oscar.core.loading import get_model

from catalogue.models import Category, Product, ProductClass
from tests.factories import PartnerFactory, ProductFactory, UserFactory, VendorFactory, vendor_user
from tests.html_forms import form_data
from vendors.selectors import product_producer
from vendors.services import stockrecord_add

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")

NOT_ITS_PRODUCER_VI = "Sản phẩm này do {producer} bán, nên tồn kho thuộc về chủ thể đó"
NOT_ITS_PRODUCER_EN = "This product is sold by {producer}, so its stock belongs to that producer"


def _create_url() -> str:
    product_class, _ = ProductClass.objects.get_or_create(
        name="Sản phẩm OCOP", defaults={"requires_shipping": True, "track_stock": True}
    )
    return f"/dashboard/catalogue/products/create/{product_class.slug}/"


def _new_listing_data(client, url, *, origin, partner_id, **extra) -> dict:
    data = form_data(client.get(url).content.decode(), "create_update_product_form")
    data.update(
        {
            "title": "Trà hoa vàng Ba Chẽ",
            "upc": "TEA-BC-1",
            "origin_commune": str(origin.pk),
            "productcategory_set-0-category": str(Category.objects.get(ocop_code="I.2.b").pk),
            "stockrecords-0-partner": str(partner_id),
            "stockrecords-0-partner_sku": "TRA-BC-100",
            "stockrecords-0-price": "150000",
            "stockrecords-0-num_in_stock": "5",
            **extra,
        }
    )
    return data


def _page(response) -> str:
    return response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")


def _staff():
    return UserFactory(is_staff=True, is_superuser=True)


def test_a_producer_posting_another_producers_partner_is_told_in_vietnamese(vietnamese):
    vendor, other = VendorFactory(), VendorFactory()
    vietnamese.force_login(vendor_user(vendor))
    url = _create_url()

    response = vietnamese.post(
        url, _new_listing_data(vietnamese, url, origin=vendor.commune, partner_id=other.partner_id)
    )

    assert response.status_code == 200
    assert NOT_ITS_PRODUCER_VI.format(producer=vendor.legal_name) in _page(response)
    assert not Product.objects.filter(upc="TEA-BC-1").exists()
    assert not StockRecord.objects.filter(partner_sku="TRA-BC-100").exists()


def test_a_producer_cannot_move_its_stock_record_to_another_producer(english):
    product = ProductFactory()
    other = VendorFactory()
    record = product.stockrecords.get()
    english.force_login(vendor_user(product.vendor))
    url = f"/dashboard/catalogue/products/{product.pk}/"
    data = form_data(english.get(url).content.decode(), "create_update_product_form")
    assert data["stockrecords-0-partner"] == str(product.vendor.partner_id)  # what is offered

    data["stockrecords-0-partner"] = str(other.partner_id)
    response = english.post(url, data)

    assert response.status_code == 200
    assert NOT_ITS_PRODUCER_EN.format(producer=product.vendor.legal_name) in _page(response)
    record.refresh_from_db()
    assert record.partner_id == product.vendor.partner_id


def test_staff_filing_a_product_under_one_producer_with_anothers_stock_get_a_message(vietnamese):
    vendor, other = VendorFactory(), VendorFactory()
    vietnamese.force_login(_staff())
    url = _create_url()
    data = _new_listing_data(
        vietnamese, url, origin=vendor.commune, partner_id=other.partner_id, vendor=str(vendor.pk)
    )

    response = vietnamese.post(url, data)

    assert response.status_code == 200
    page = _page(response)
    assert NOT_ITS_PRODUCER_VI.format(producer=vendor.legal_name) in page
    assert f"hãy chọn đối tác “{vendor.partner.name}”" in page
    assert not Product.objects.filter(upc="TEA-BC-1").exists()

    data["stockrecords-0-partner"] = str(vendor.partner_id)
    assert vietnamese.post(url, data).status_code == 302
    product = Product.objects.get(upc="TEA-BC-1")
    assert product.vendor == vendor
    assert product.stockrecords.get().partner_id == vendor.partner_id


def test_staff_hand_a_product_to_another_producer_with_its_stock_in_one_post(english):
    client = english
    product = ProductFactory()
    product.categories.add(Category.objects.get(ocop_code="I.2.b"))
    new_vendor = VendorFactory(commune=product.vendor.commune)
    client.force_login(_staff())
    url = f"/dashboard/catalogue/products/{product.pk}/"
    data = form_data(client.get(url).content.decode(), "create_update_product_form")

    data["vendor"] = str(new_vendor.pk)
    refused = client.post(url, data)  # the stock left with the old producer

    assert refused.status_code == 200
    assert NOT_ITS_PRODUCER_EN.format(producer=new_vendor.legal_name) in _page(refused)
    product.refresh_from_db()
    assert product.vendor_id != new_vendor.pk

    data["stockrecords-0-partner"] = str(new_vendor.partner_id)
    assert client.post(url, data).status_code == 302
    product.refresh_from_db()
    assert product.vendor == new_vendor
    assert product.stockrecords.get().partner_id == new_vendor.partner_id


def test_a_product_without_a_producer_cannot_be_stocked_by_a_producer(english):
    vendor = VendorFactory()
    english.force_login(_staff())
    url = _create_url()
    data = _new_listing_data(english, url, origin=vendor.commune, partner_id=vendor.partner_id)
    data["vendor"] = ""

    response = english.post(url, data)

    assert response.status_code == 200
    assert "This product has no producer, so no producer's partner may hold" in _page(response)
    assert not Product.objects.filter(upc="TEA-BC-1").exists()

    shop_own = PartnerFactory(name="Chợ OCOP")
    data["stockrecords-0-partner"] = str(shop_own.pk)
    assert english.post(url, data).status_code == 302
    assert Product.objects.get(upc="TEA-BC-1").stockrecords.get().partner == shop_own


def test_the_admin_refuses_another_producers_partner_and_keeps_who_sells_read_only(english):
    product = ProductFactory()
    other = VendorFactory()
    record = product.stockrecords.get()
    english.force_login(_staff())
    url = f"/django-admin/partner/stockrecord/{record.pk}/change/"
    data = form_data(english.get(url).content.decode(), "stockrecord_form")
    data["partner"] = str(other.partner_id)

    response = english.post(url, data)

    assert response.status_code == 200
    assert NOT_ITS_PRODUCER_EN.format(producer=product.vendor.legal_name) in _page(response)
    record.refresh_from_db()
    assert record.partner_id == product.vendor.partner_id
    product_page = english.get(f"/django-admin/catalogue/product/{product.pk}/change/")
    assert 'name="vendor"' not in product_page.content.decode()
    assert 'name="vendor"' in english.get("/django-admin/catalogue/product/add/").content.decode()


def test_the_service_puts_stock_on_the_products_producer_and_a_variants_parents():
    vendor = VendorFactory()
    parent = ProductFactory(vendor=vendor, structure=Product.PARENT)
    parent.stockrecords.all().delete()
    variant = Product.objects.create(parent=parent, structure=Product.CHILD, title="Hũ 500 g")

    record = stockrecord_add(product=variant, partner_sku="HU-500", price=Decimal("90000"))

    assert product_producer(product=variant) == vendor
    assert record.partner_id == vendor.partner_id
    with pytest.raises(ValidationError):
        stockrecord_add(product=_platform_product("NOBODY"), partner_sku="X-1")


def _platform_product(upc: str) -> Product:
    """A product the shop sells itself: no producer, no stock record yet."""
    return Product.objects.create(
        structure=Product.STANDALONE,
        title=f"Sản phẩm {upc}",
        upc=upc,
        product_class=ProductClass.objects.get_or_create(name="Sản phẩm OCOP")[0],
        is_public=True,
    )


def _disagreeing_rows():
    """A product whose record sits with another producer, one whose record clashes by SKU
    with the producer's own, and a product without producer stocked by a producer."""
    product = ProductFactory(upc="HONEY-1")
    intruder = VendorFactory()
    moved = StockRecord.objects.create(
        product=product, partner=intruder.partner, partner_sku="MO-1", price=Decimal("1000")
    )
    StockRecord.objects.create(
        product=ProductFactory(vendor=product.vendor, upc="HONEY-2"),
        partner=product.vendor.partner,
        partner_sku="MO-1",
        price=Decimal("1000"),
    )
    orphan = _platform_product("NOBODY")
    left = StockRecord.objects.create(
        product=orphan, partner=intruder.partner, partner_sku="NB-1", price=Decimal("1000")
    )
    return product, moved, left


def test_check_producers_reports_rows_and_repairs_those_of_products_with_a_producer(capsys):
    product, moved, left = _disagreeing_rows()

    with pytest.raises(CommandError, match="2 stock records are not held by their producer"):
        call_command("check_producers")
    report = capsys.readouterr().out
    assert f"Stock record #{moved.pk} (SKU MO-1)" in report
    assert f"should be its producer {product.vendor.legal_name}" in report
    assert f"Stock record #{left.pk} (SKU NB-1)" in report and "the product has none" in report

    with pytest.raises(CommandError, match="1 stock records are not held"):
        call_command("check_producers", "--repair")
    moved.refresh_from_db()
    assert (moved.partner_id, moved.partner_sku) == (product.vendor.partner_id, f"MO-1-{moved.pk}")

    left.delete()
    call_command("check_producers")
    assert "Every stock record is held by its producer." in capsys.readouterr().out


def test_the_migration_gives_each_record_its_producers_partner_and_leaves_the_rest():
    product, moved, left = _disagreeing_rows()
    migration = importlib.import_module(
        "shop.partner.migrations.0009_stockrecord_partner_follows_producer"
    )

    migration.stockrecords_follow_producer(apps, None)

    moved.refresh_from_db()
    left.refresh_from_db()
    assert moved.partner_id == product.vendor.partner_id
    assert moved.partner_sku == f"MO-1-{moved.pk}"  # the producer already had a MO-1
    assert left.partner_id != product.vendor.partner_id  # no producer to follow: reported
