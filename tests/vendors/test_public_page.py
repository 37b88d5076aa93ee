"""The public producer page /vendors/<slug>/ and the links that lead to it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import CertificateFactory, ProductFactory, QualityMarkFactory, VendorFactory
from vendors.models import Vendor

pytestmark = pytest.mark.django_db


def test_producer_page_shows_story_place_certificates_marks_and_products(english):
    vendor = VendorFactory(
        legal_name="Hợp tác xã Miến dong Bình Liêu",
        old_district="huyện Bình Liêu",
        story="Củ dong riềng từ các bản vùng cao.",
        website="https://miendong.example.vn",
    )
    certified = CertificateFactory(
        product__vendor=vendor, product__title="Miến dong 500g", stars=4, certificate_number="C-1"
    )
    CertificateFactory(
        product__vendor=vendor,
        product__title="Miến dong hộp quà",
        stars=5,
        certificate_number="C-OLD",
        issued_on=timezone.localdate() - timedelta(days=1200),
    )
    certified.product.quality_marks.add(QualityMarkFactory(name="Miến dong Bình Liêu"))
    ProductFactory(vendor=vendor, title="Miến dong chưa đăng", is_public=False)
    ProductFactory(title="Mật ong nhà khác")

    response = english.get(f"/vendors/{vendor.slug}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Hợp tác xã Miến dong Bình Liêu" in page and "Cooperative (HTX)" in page
    assert "Bình Liêu" in page and "Quảng Ninh" in page and "formerly huyện Bình Liêu" in page
    assert "Củ dong riềng từ các bản vùng cao." in page
    assert "https://miendong.example.vn" in page
    assert "C-1" in page and "4-star OCOP" in page
    assert "C-OLD" not in page  # expired: no stars, not "in force"
    assert "Miến dong Bình Liêu" in page and "Certification mark" in page
    assert "Miến dong 500g" in page and "Miến dong hộp quà" in page
    assert "Miến dong chưa đăng" not in page
    assert "Mật ong nhà khác" not in page


@pytest.mark.parametrize("status", [Vendor.Status.PENDING, Vendor.Status.SUSPENDED])
def test_producer_page_is_not_public_until_approved_or_while_suspended(client, status):
    vendor = VendorFactory(status=status)

    assert client.get(f"/vendors/{vendor.slug}/").status_code == 404
    assert client.get("/vendors/no-such-producer/").status_code == 404


def test_product_page_links_to_its_producer(english):
    product = ProductFactory()

    page = english.get(product.get_absolute_url()).content.decode()

    assert product.vendor.get_absolute_url() == f"/vendors/{product.vendor.slug}/"
    assert f'href="/vendors/{product.vendor.slug}/"' in page
