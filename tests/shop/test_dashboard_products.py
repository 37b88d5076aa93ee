"""Producers manage their own listings in Oscar's dashboard; staff can hold any back."""

from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from catalogue.models import Category, Product, ProductImage
from tests.factories import (
    ProductFactory,
    UserFactory,
    VendorFactory,
    commune,
    placed_order,
    vendor_user,
)
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db


def _jpeg(width=400, height=300, *, orientation=None, name="mat-ong.jpg") -> SimpleUploadedFile:
    image = Image.new("RGB", (width, height), (200, 150, 40))
    image.paste((20, 90, 30), (0, 0, width // 4, height))  # a dark band on the left edge
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    if orientation:
        exif[0x0112] = orientation
    out = BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def _create_page(client):
    from catalogue.models import ProductClass

    product_class, _ = ProductClass.objects.get_or_create(
        name="Sản phẩm OCOP", defaults={"requires_shipping": True, "track_stock": True}
    )
    return f"/dashboard/catalogue/products/create/{product_class.slug}/"


def _new_listing(client, vendor, *, image, title="Mật ong hoa Ban Điện Biên", price="320000"):
    url = _create_page(client)
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page.content.decode(), "create_update_product_form")
    honey = Category.objects.get(ocop_code="I.2.b")
    data.update(
        {
            "title": title,
            "upc": "HONEY-001",
            "description": "Mật ong rừng hoa ban.",
            "is_public": "on",
            "origin_commune": str(vendor.commune_id),
            "productcategory_set-0-category": str(honey.pk),
            "stockrecords-0-partner": str(vendor.partner_id),
            "stockrecords-0-partner_sku": "MO-DB-500",
            "stockrecords-0-price": price,
            "stockrecords-0-num_in_stock": "40",
            "images-0-original": image,
        }
    )
    return client.post(url, data)


def test_a_producer_lists_a_product_that_shoppers_then_find(
    client, django_capture_on_commit_callbacks
):
    vendor = VendorFactory(commune=commune("Điện Biên", "Mường Phăng"))
    client.force_login(vendor_user(vendor))

    with django_capture_on_commit_callbacks(execute=True):
        response = _new_listing(client, vendor, image=_jpeg(orientation=6))

    assert response.status_code == 302
    product = Product.objects.get(upc="HONEY-001")
    assert product.vendor == vendor and product.origin_commune == vendor.commune
    record = product.stockrecords.get()
    assert (record.partner, record.price, record.num_in_stock) == (vendor.partner, 320000, 40)
    listing = client.get("/catalogue/?q=mat ong hoa ban").content.decode()
    assert "Mật ong hoa Ban Điện Biên" in listing and "320.000" in listing


@pytest.mark.parametrize("price", ["-1000", "0"])
def test_a_price_of_zero_or_less_is_refused_with_a_message(vietnamese, price):
    vendor = VendorFactory()
    vietnamese.force_login(vendor_user(vendor))

    response = _new_listing(vietnamese, vendor, image=_jpeg(), price=price)

    assert response.status_code == 200
    assert "Nhập giá lớn hơn 0 ₫." in response.content.decode()
    assert not Product.objects.filter(upc="HONEY-001").exists()


def test_photos_are_turned_upright_and_lose_their_metadata(client):
    vendor = VendorFactory()
    client.force_login(vendor_user(vendor))

    _new_listing(client, vendor, image=_jpeg(400, 300, orientation=6))

    stored = ProductImage.objects.get(product__upc="HONEY-001")
    with Image.open(stored.original.open("rb")) as image:
        assert image.size == (300, 400)  # the camera's rotation is applied to the pixels
        assert dict(image.getexif()) == {}


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("a.jpg", b"this is not a picture", content_type="image/jpeg"),
            "not a photo we can read",
        ),
        (_jpeg(120, 90), "each side needs 200 or more"),
        (
            SimpleUploadedFile("a.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/gif"),
            "not a photo we can read",
        ),
    ],
)
def test_a_bad_photo_gets_a_message_and_nothing_is_stored(english, upload, message, settings):
    vendor = VendorFactory()
    english.force_login(vendor_user(vendor))

    response = _new_listing(english, vendor, image=upload)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Product.objects.filter(upc="HONEY-001").exists()
    assert not ProductImage.objects.exists()
    stored = list((settings.MEDIA_ROOT).rglob("*.*")) if settings.MEDIA_ROOT.exists() else []
    assert stored == []


def test_a_producer_sees_and_opens_only_its_own_products(client):
    mine = ProductFactory(title="Miến dong của tôi")
    theirs = ProductFactory(title="Dầu sở của người khác")
    client.force_login(vendor_user(mine.vendor))

    listing = client.get("/dashboard/catalogue/").content.decode()

    assert "Miến dong của tôi" in listing and "Dầu sở của người khác" not in listing
    assert client.get(f"/dashboard/catalogue/products/{mine.pk}/").status_code == 200
    assert client.get(f"/dashboard/catalogue/products/{theirs.pk}/").status_code == 404
    deleted = client.post(f"/dashboard/catalogue/products/{theirs.pk}/delete/")
    assert deleted.status_code == 404 and Product.objects.filter(pk=theirs.pk).exists()


def test_a_producer_cannot_file_a_product_under_another_producer(client):
    vendor = VendorFactory()
    other = VendorFactory()
    client.force_login(vendor_user(vendor))
    url = _create_page(client)
    data = form_data(client.get(url).content.decode(), "create_update_product_form")
    data.update(
        {
            "title": "Trà hoa vàng",
            "upc": "TEA-1",
            "vendor": str(other.pk),  # not a field producers get: ignored
            "origin_commune": str(vendor.commune_id),
            "stockrecords-0-partner": str(other.partner_id),
            "stockrecords-0-partner_sku": "T1",
            "stockrecords-0-price": "150000",
            "stockrecords-0-num_in_stock": "5",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 200  # the other producer's partner is not a choice
    assert not Product.objects.filter(upc="TEA-1").exists()


def test_producers_stay_out_of_the_shop_wide_order_pages(client):
    client.force_login(vendor_user())

    for url in ("/dashboard/orders/", "/dashboard/orders/statistics/", "/dashboard/users/"):
        assert client.get(url).status_code == 403, url


def test_the_producer_home_shows_its_own_summary(client):
    product = ProductFactory(
        title="Miến dong Bình Liêu", stock=("85000", 3), vendor__commission_rate="0.100"
    )
    placed_order([(product, 1)])  # a parcel to send; 85.000 ₫ sold less 8.500 ₫ commission
    client.force_login(vendor_user(product.vendor))

    page = client.get("/dashboard/").content.decode().replace("\xa0", " ")

    assert product.vendor.legal_name in page
    assert "Miến dong Bình Liêu" in page  # low stock: 2 left once one is allocated
    assert "1 kiện hàng cần đóng gói hoặc gửi" in page
    assert "76.500 ₫" in page
    assert "Total Customers" not in page and "Tổng số khách hàng" not in page


def test_staff_hide_a_listing_with_a_reason_and_the_producer_is_told(
    client, django_capture_on_commit_callbacks
):
    product = ProductFactory(title="Rượu men lá", vendor__email="htx@example.vn")
    staff, shopper, producer = Client(), Client(), Client()
    staff.force_login(UserFactory(is_staff=True, is_superuser=True))
    producer.force_login(vendor_user(product.vendor))

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/dashboard/catalogue/products/{product.pk}/hide/", {"reason": "Nhãn sai"})

    assert shopper.get(product.get_absolute_url()).status_code == 404
    assert "Rượu men lá" not in shopper.get("/catalogue/").content.decode()
    assert [m.to for m in mail.outbox] == [["htx@example.vn"]]
    assert "Nhãn sai" in mail.outbox[0].body
    assert "Nhãn sai" in producer.get("/dashboard/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/dashboard/catalogue/products/{product.pk}/show/")

    assert shopper.get(product.get_absolute_url()).status_code == 200
    assert "Rượu men lá" in shopper.get("/catalogue/").content.decode()


def test_hiding_needs_a_reason_and_staff_rights(client):
    product = ProductFactory()
    staff = Client(headers={"cookie": "django_language=en"})
    staff.force_login(UserFactory(is_staff=True, is_superuser=True))

    staff.post(f"/dashboard/catalogue/products/{product.pk}/hide/", {"reason": " "})

    product.refresh_from_db()
    assert product.hidden_at is None
    client.force_login(vendor_user(product.vendor))
    refused = client.post(f"/dashboard/catalogue/products/{product.pk}/hide/", {"reason": "x"})
    assert refused.status_code == 403
